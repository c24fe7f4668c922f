package keel.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The M4 Hourly or Weekly set in the long format of {@code shared/data/m4} ({@code series_id,t,value}
 * train and test files plus {@code m4_meta.csv}), series in file order.
 *
 * @param frequency "Hourly" or "Weekly"
 * @param series the series in the order of the meta file
 */
record M4Data(String frequency, List<M4Series> series) {

    /** One series: its training and test values, seasonal period and horizon. */
    record M4Series(String id, double[] train, double[] test, int period, int horizon) {}

    static M4Data load(Path directory, String frequency) {
        String lower = frequency.toLowerCase(Locale.ROOT);
        Map<String, double[]> train = readLong(directory.resolve("m4_" + lower + "_train.csv"));
        Map<String, double[]> test = readLong(directory.resolve("m4_" + lower + "_test.csv"));
        List<M4Series> out = new ArrayList<>();
        Path meta = directory.resolve("m4_meta.csv");
        try (BufferedReader reader = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",", -1);
                if (!f[1].equalsIgnoreCase(frequency)) continue;
                int period = Integer.parseInt(f[2].trim());
                int horizon = Integer.parseInt(f[3].trim());
                double[] y = train.get(f[0]);
                double[] yt = test.get(f[0]);
                if (y == null || yt == null) {
                    throw new IllegalStateException(meta + ": series " + f[0] + " has no train or test rows");
                }
                out.add(new M4Series(f[0], y, yt, period, horizon));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + meta, e);
        }
        return new M4Data(frequency, List.copyOf(out));
    }

    /** Reads series_id,t,value rows; values are placed at t − (first t of that series). */
    private static Map<String, double[]> readLong(Path file) {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                int a = line.indexOf(',');
                int b = line.indexOf(',', a + 1);
                String id = line.substring(0, a);
                double t = Double.parseDouble(line.substring(a + 1, b));
                String v = line.substring(b + 1).trim();
                double value = v.isEmpty() ? Double.NaN : Double.parseDouble(v);
                rows.computeIfAbsent(id, k -> new ArrayList<>()).add(new double[] {t, value});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, double[]> out = new HashMap<>();
        for (Map.Entry<String, List<double[]>> e : rows.entrySet()) {
            List<double[]> r = e.getValue();
            r.sort((x, y) -> Double.compare(x[0], y[0]));
            double[] values = new double[r.size()];
            for (int i = 0; i < values.length; i++) values[i] = r.get(i)[1];
            out.put(e.getKey(), values);
        }
        return out;
    }
}
