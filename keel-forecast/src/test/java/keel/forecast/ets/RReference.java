package keel.forecast.ets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the R reference values made by {@code src/test/resources/keel/forecast/ets/reference.R}. */
final class RReference {
    record RSeries(String id, int m, double[] values) {}

    record Row(String id, String model, String field, int step, double value) {}

    private RReference() {}

    static Map<String, RSeries> series() {
        Map<String, RSeries> out = new LinkedHashMap<>();
        for (String line : lines("series.csv")) {
            String[] f = line.split(",");
            String[] v = f[2].split(";");
            double[] values = new double[v.length];
            for (int i = 0; i < v.length; i++) values[i] = Double.parseDouble(v[i].trim());
            out.put(f[0], new RSeries(f[0], Integer.parseInt(f[1]), values));
        }
        return out;
    }

    static List<Row> expected() {
        List<Row> out = new ArrayList<>();
        for (String line : lines("expected.csv")) {
            String[] f = line.split(",");
            out.add(new Row(f[0], f[1], f[2], Integer.parseInt(f[3]), f[4].equals("NA") ? Double.NaN : Double.parseDouble(f[4])));
        }
        return out;
    }

    private static List<String> lines(String name) {
        try (InputStream in = RReference.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            List<String> out = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) if (!line.isBlank()) out.add(line);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
