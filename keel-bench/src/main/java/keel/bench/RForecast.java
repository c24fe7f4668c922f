package keel.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs R's forecast package on the same series as Keel, through {@code keel-bench/r/speed.R}
 * (packaged in the jar as {@code keel/bench/r/speed.R}): the series go to a temporary file, one
 * {@code Rscript} process times each method's loop with {@code proc.time()} (user + system CPU,
 * start-up and data loading excluded) and prints the forecasts.
 */
final class RForecast {
    private static final String SCRIPT = "/keel/bench/r/speed.R";

    /** What R timed for one method: series count, CPU seconds and point forecasts by series id. */
    record Timing(String method, int series, double cpuSeconds, Map<String, double[]> forecasts) {
        double seriesPerCpuSecond() {
            return series / cpuSeconds;
        }
    }

    /** Whether Rscript with the forecast package runs here: its version, or why not. */
    record Probe(String version, String problem) {
        boolean available() {
            return problem == null;
        }
    }

    private RForecast() {}

    /** Runs {@code Rscript} once to read {@code R.version.string} and forecast's version. */
    static Probe probe() {
        List<String> command = List.of("Rscript", "-e", "suppressPackageStartupMessages(library(forecast)); "
                + "cat(R.version$major, '.', R.version$minor, ' forecast ', as.character(packageVersion('forecast')), sep = '')");
        try {
            Path err = Files.createTempFile("keel-r-probe", ".txt");
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            boolean done = p.waitFor(120, TimeUnit.SECONDS);
            String stderr = Files.readString(err, StandardCharsets.UTF_8).trim();
            Files.deleteIfExists(err);
            if (!done || p.exitValue() != 0) {
                return new Probe(null, "Rscript ran but the forecast package did not load (" + lastLine(stderr)
                        + "); install it with: apt-get install -y r-cran-forecast");
            }
            return new Probe("R " + out, null);
        } catch (IOException e) {
            return new Probe(null, "Rscript is not on the PATH (" + e.getMessage()
                    + "); install R and forecast with: apt-get install -y r-cran-forecast");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(null, "interrupted while starting Rscript");
        }
    }

    /**
     * Runs the given R methods, each on the first {@code limit} series (all when limit is 0 or
     * larger than the list), in one Rscript process.
     *
     * @param limits R method name (ets, arima, theta) to series limit, in run order
     * @throws IllegalStateException when Rscript fails, with the end of its error output
     */
    static Map<String, Timing> run(List<M4Data.M4Series> series, Map<String, Integer> limits) {
        try {
            Path dir = Files.createTempDirectory("keel-speed-r");
            Path data = dir.resolve("series.csv");
            Path script = dir.resolve("speed.R");
            Path err = dir.resolve("stderr.txt");
            writeSeries(series, data);
            try (InputStream in = RForecast.class.getResourceAsStream(SCRIPT)) {
                if (in == null) throw new IllegalStateException("the jar has no " + SCRIPT + "; rebuild keel-bench");
                Files.copy(in, script);
            }
            StringBuilder spec = new StringBuilder();
            limits.forEach((m, n) -> spec.append(spec.length() == 0 ? "" : ",").append(m).append('=').append(n));
            Process p = new ProcessBuilder("Rscript", script.toString(), data.toString(), spec.toString())
                    .redirectError(err.toFile()).start();
            Map<String, Timing> out;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                out = parse(reader);
            }
            int code = p.waitFor();
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            for (Path f : List.of(data, script, err)) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
            if (code != 0) {
                throw new IllegalStateException("Rscript " + SCRIPT + " exited with " + code + ": " + lastLine(stderr));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run Rscript", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Rscript", e);
        }
    }

    /** One line per series: id,period,horizon,v1 v2 ... (R reads the values with full precision). */
    static void writeSeries(List<M4Data.M4Series> series, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,period,horizon,values\n");
            for (M4Data.M4Series s : series) {
                w.write(s.id() + "," + s.period() + "," + s.horizon() + ",");
                double[] y = s.train();
                for (int i = 0; i < y.length; i++) {
                    if (i > 0) w.write(' ');
                    w.write(Double.isNaN(y[i]) ? "NA" : Double.toString(y[i]));
                }
                w.write('\n');
            }
        }
    }

    /** Reads "time,method,series,cpu" and "forecast,method,id,f1 f2 ..." lines. */
    static Map<String, Timing> parse(BufferedReader reader) throws IOException {
        Map<String, double[]> times = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> forecasts = new HashMap<>();
        String line;
        int row = 0;
        while ((line = reader.readLine()) != null) {
            row++;
            String[] f = line.split(",", 4);
            if (f.length == 4 && f[0].equals("time")) {
                times.put(f[1], new double[] {Integer.parseInt(f[2]), Double.parseDouble(f[3])});
            } else if (f.length == 4 && f[0].equals("forecast")) {
                String[] v = f[3].trim().split(" ");
                double[] values = new double[v.length];
                for (int i = 0; i < v.length; i++) values[i] = v[i].equals("NA") ? Double.NaN : Double.parseDouble(v[i]);
                forecasts.computeIfAbsent(f[1], k -> new HashMap<>()).put(f[2], values);
            } else {
                throw new IllegalStateException("speed.R output line " + row + " was \"" + line
                        + "\"; expected time,method,series,cpu or forecast,method,id,values");
            }
        }
        Map<String, Timing> out = new LinkedHashMap<>();
        times.forEach((m, t) -> out.put(m, new Timing(m, (int) t[0], t[1], forecasts.getOrDefault(m, Map.of()))));
        return out;
    }

    /** The last line of R's error output that is not "Execution halted". */
    private static String lastLine(String text) {
        List<String> lines = new ArrayList<>();
        for (String l : text.strip().split("\n")) {
            if (!l.isBlank() && !l.strip().equalsIgnoreCase("execution halted")) lines.add(l.strip());
        }
        return lines.isEmpty() ? "no error output" : lines.get(lines.size() - 1);
    }
}
