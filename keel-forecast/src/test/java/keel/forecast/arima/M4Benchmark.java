package keel.forecast.arima;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import keel.forecast.Forecast;
import keel.forecast.Series;

/**
 * Runs AutoArima on M4 Hourly or Weekly (long-format files of /work/shared/data/m4) and prints MASE,
 * sMAPE and throughput. Not a test: run by hand, e.g.
 * {@code java -cp target/classes:target/test-classes keel.forecast.arima.M4Benchmark /work/shared/data/m4 Hourly 2 AUTO
 * [constant|noconstant] [limit]}. Nixtla's published runs used no constant (allowdrift = allowmean = FALSE).
 * Results are collected by series index, so they do not depend on the thread count.
 */
final class M4Benchmark {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/data/m4");
        String freq = args.length > 1 ? args[1] : "Hourly";
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        AutoArima.Approximation mode = AutoArima.Approximation.valueOf(args.length > 3 ? args[3] : "AUTO");
        boolean constant = !(args.length > 4 && args[4].equals("noconstant"));
        int limit = args.length > 5 ? Integer.parseInt(args[5]) : Integer.MAX_VALUE;
        String lower = freq.toLowerCase(Locale.ROOT);
        Map<String, List<Double>> train = read(dir.resolve("m4_" + lower + "_train.csv"));
        Map<String, List<Double>> test = read(dir.resolve("m4_" + lower + "_test.csv"));
        Map<String, int[]> meta = new LinkedHashMap<>();
        List<String> metaLines = Files.readAllLines(dir.resolve("m4_meta.csv"));
        for (String line : metaLines.subList(1, metaLines.size())) {
            String[] f = line.split(",");
            if (f[1].equals(freq)) meta.put(f[0], new int[] {Integer.parseInt(f[2]), Integer.parseInt(f[3])});
        }
        List<String> ids = new ArrayList<>(meta.keySet()).subList(0, Math.min(limit, meta.size()));
        AutoArima model = new AutoArima(new AutoArima.Options(mode, constant, constant));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicLong cpu = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<double[]>> results = new ArrayList<>();
        long wall0 = System.nanoTime();
        for (String id : ids) {
            results.add(pool.submit(() -> {
                long c0 = mx.getCurrentThreadCpuTime();
                int m = meta.get(id)[0], h = meta.get(id)[1];
                double[] x = toArray(train.get(id));
                double[] y = toArray(test.get(id));
                double[] f;
                boolean failed = false;
                try {
                    Forecast fc = model.forecast(Series.of(id, x, m), h, new double[] {0.5});
                    f = fc.mean();
                } catch (RuntimeException e) {
                    failed = true;
                    f = new double[h];
                    for (int i = 0; i < h; i++) f[i] = x[x.length - m + (i % m)];
                }
                cpu.addAndGet(mx.getCurrentThreadCpuTime() - c0);
                return new double[] {mase(x, y, f, m), smape(y, f), failed ? 1 : 0};
            }));
        }
        double mase = 0, smape = 0;
        int failed = 0;
        for (Future<double[]> r : results) {
            double[] v = r.get();
            mase += v[0];
            smape += v[1];
            failed += (int) v[2];
        }
        pool.shutdown();
        double wall = (System.nanoTime() - wall0) / 1e9;
        int n = ids.size();
        System.out.printf(Locale.ROOT, "M4 %s: %d series, %s approximation, constant %s, %d threads%n", freq, n, mode,
                constant ? "allowed" : "off", threads);
        System.out.printf(Locale.ROOT, "  MASE %.4f  sMAPE %.4f  failed %d%n", mase / n, smape / n, failed);
        System.out.printf(Locale.ROOT, "  wall %.1f s  CPU %.1f s  %.3f series per CPU-second%n", wall, cpu.get() / 1e9,
                n / (cpu.get() / 1e9));
    }

    static double mase(double[] x, double[] y, double[] f, int m) {
        double scale = 0;
        for (int t = m; t < x.length; t++) scale += Math.abs(x[t] - x[t - m]);
        scale /= x.length - m;
        double e = 0;
        for (int i = 0; i < y.length; i++) e += Math.abs(y[i] - f[i]);
        return e / y.length / scale;
    }

    static double smape(double[] y, double[] f) {
        double s = 0;
        for (int i = 0; i < y.length; i++) s += 200 * Math.abs(y[i] - f[i]) / (Math.abs(y[i]) + Math.abs(f[i]));
        return s / y.length;
    }

    private static double[] toArray(List<Double> v) {
        double[] a = new double[v.size()];
        for (int i = 0; i < a.length; i++) a[i] = v.get(i);
        return a;
    }

    private static Map<String, List<Double>> read(Path file) throws IOException {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[2].isEmpty() ? Double.NaN : Double.parseDouble(f[2]));
        }
        return out;
    }
}
