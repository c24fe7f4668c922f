package keel.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import keel.forecast.Forecaster;
import keel.forecast.accuracy.Accuracy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Series per CPU-second of AutoETS, AutoARIMA, thetaf and {@code auto} on M4 Hourly and Weekly, side
 * by side with R's forecast package on the same series and horizons ({@code --with-r}), as ratios
 * Keel/R; then each Keel method over all series on one thread and on a pool.
 *
 * <p>Keel: the thread's CPU time for one pass over the series after a warm-up pass over the first
 * {@code --warmup} series, median of {@code --repeats} passes. R: {@code keel-bench/r/speed.R}
 * ({@link RForecast}). R's auto.arima is slow on Hourly (about 30 CPU-s per series), so R runs on
 * the first {@link #defaultRLimit} series of each set and method, and the ratio rows time Keel on
 * exactly those series. Both forecast with 80% and 95% intervals.
 */
@Command(name = "speed", mixinStandardHelpOptions = true,
        description = "Series per CPU-second on M4 Hourly/Weekly, side by side with R's forecast package (--with-r).")
public final class SpeedBenchmark implements Callable<Integer> {

    @Option(names = "--data", description = "directory holding m4/ (default: shared/data beside the project)")
    Path data;

    @Option(names = "--frequency", split = ",", defaultValue = "Hourly,Weekly",
            description = "frequencies to run (default: ${DEFAULT-VALUE})")
    List<String> frequencies;

    @Option(names = "--methods", split = ",", defaultValue = "ets-r,ets,arima-r,arima,theta,auto",
            description = "methods: ets-r (AutoETS with R's search: R's forecasts), ets (Keel's AutoETS), arima-r "
                    + "(AutoARIMA with R's settings), arima (Keel's AutoARIMA), arima-full (Keel's AutoARIMA fitting every candidate in full), theta (thetaf), auto (keel forecast "
                    + "--model auto) (default: ${DEFAULT-VALUE})")
    List<String> methods;

    @Option(names = "--limit", defaultValue = "0", description = "only the first N series of each frequency (0 = all)")
    int limit;

    @Option(names = "--with-r", description = "also run R's ets(), auto.arima(), thetaf() on the same series")
    boolean withR;

    @Option(names = "--r-limit", defaultValue = "0",
            description = "R (and the ratio rows) on the first N series of every method (0 = per-method defaults: "
                    + "Hourly ets 20, arima 5, theta all; Weekly ets all, arima 50, theta all)")
    int rLimit;

    @Option(names = "--warmup", defaultValue = "20", description = "series run once before timing (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--repeats", defaultValue = "3",
            description = "timed single-thread passes over the ratio subset; the median is shown (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--threads", defaultValue = "2", description = "pool size of the multi-core line (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--subset-only", description = "skip the all-series single-thread and pool lines")
    boolean subsetOnly;

    /** Where the tables go (tests replace it). */
    PrintStream out = System.out;

    /** R's series per frequency and method unless --r-limit is given: R's Hourly auto.arima takes ~30 CPU-s a series. */
    static int defaultRLimit(String frequency, SpeedMethod method) {
        boolean hourly = frequency.equalsIgnoreCase("Hourly");
        return switch (method) {
            case ETS, ETS_R -> hourly ? 20 : 0;
            case ARIMA, ARIMA_R, ARIMA_FULL -> hourly ? 5 : 50;
            default -> 0;
        };
    }

    /**
     * R runs in the background while Keel's single-thread passes run (both are timed by CPU time, and
     * the machine has at least 2 cores); the pool passes wait until R has finished, so that nothing of
     * this run competes with their wall time.
     */
    @Override
    public Integer call() throws Exception {
        Path root = DataDirectory.resolve(data).resolve("m4");
        List<SpeedMethod> chosen = new ArrayList<>();
        for (String name : methods) chosen.add(SpeedMethod.parse(name));
        RForecast.Probe r = withR ? RForecast.probe() : new RForecast.Probe(null, "not requested (add --with-r)");
        printHeader(r);
        Map<String, List<M4Data.M4Series>> sets = new LinkedHashMap<>();
        for (String frequency : frequencies) sets.put(frequency, first(M4Data.load(root, frequency).series(), limit));
        ExecutorService rRunner = Executors.newSingleThreadExecutor();
        try {
            Map<String, Future<Map<String, RForecast.Timing>>> rTimes = new LinkedHashMap<>();
            if (r.available()) {
                sets.forEach((f, series) -> rTimes.put(f, rRunner.submit(() -> RForecast.run(series,
                        rLimits(f, chosen, series)))));
            }
            Map<String, Map<SpeedMethod, KeelTiming.Pass[]>> keel = new LinkedHashMap<>();
            sets.forEach((f, series) -> keel.put(f, singleThread(f, series, chosen)));
            out.println("load average after Keel's single-thread passes: " + loadAverage());
            Map<String, double[]> ratios = new LinkedHashMap<>();
            for (Map.Entry<String, List<M4Data.M4Series>> e : sets.entrySet()) {
                String frequency = e.getKey();
                List<M4Data.M4Series> series = e.getValue();
                M4Data.M4Series s0 = series.get(0);
                Map<String, RForecast.Timing> rt = rTimes.containsKey(frequency) ? rTimes.get(frequency).get() : Map.of();
                out.printf(Locale.ROOT, "%nM4 %s: %d series, seasonal period %d, horizon %d (periods and horizons of "
                        + "m4_meta.csv, as M4 uses)%n", frequency, series.size(), s0.period(), s0.horizon());
                sideBySide(frequency, series, chosen, keel.get(frequency), rt, ratios);
                if (!subsetOnly) allSeries(series, chosen, keel.get(frequency));
                out.println("load average after " + frequency + ": " + loadAverage());
            }
            printGoals(ratios);
            return 0;
        } finally {
            rRunner.shutdownNow();
        }
    }

    /**
     * Keel's single-thread passes of one frequency: per method {the median pass over the series R
     * runs (all when R has no counterpart), the pass over all series or null with --subset-only}.
     */
    private Map<SpeedMethod, KeelTiming.Pass[]> singleThread(String frequency, List<M4Data.M4Series> series,
            List<SpeedMethod> chosen) {
        Map<String, Integer> limits = rLimits(frequency, chosen, series);
        Map<SpeedMethod, KeelTiming.Pass[]> out = new LinkedHashMap<>();
        for (SpeedMethod m : chosen) {
            Forecaster f = m.forecaster();
            KeelTiming.singleThread(f, first(series, warmup));
            List<M4Data.M4Series> subset = first(series, limits.getOrDefault(m.rName(), series.size()));
            KeelTiming.Pass ratio = KeelTiming.medianSingleThread(f, subset, repeats);
            KeelTiming.Pass all = subsetOnly ? null : subset.size() == series.size() && repeats == 1 ? ratio
                    : KeelTiming.singleThread(f, series);
            out.put(m, new KeelTiming.Pass[] {ratio, all});
        }
        return out;
    }

    private void printHeader(RForecast.Probe r) {
        out.printf(Locale.ROOT, "keel-bench speed, %s, %d cores, Java %s; load average at start %s%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), loadAverage());
        out.printf(Locale.ROOT, "Keel: CPU time of one thread, after %d warm-up series, median of %d passes; "
                + "forecasts with 80%% and 95%% intervals, as R's forecast() makes.%n", warmup, repeats);
        if (r.available()) {
            out.println(r.version() + ": one Rscript process (keel-bench/r/speed.R), proc.time() user+sys "
                    + "around each method's loop after one warm-up call; start-up and data loading excluded.");
        } else {
            out.println("R: skipped, " + r.problem() + ".");
        }
    }

    private Map<String, Integer> rLimits(String frequency, List<SpeedMethod> chosen, List<M4Data.M4Series> series) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (SpeedMethod m : chosen) {
            if (m.rName() == null) continue;
            int n = rLimit > 0 ? rLimit : defaultRLimit(frequency, m);
            out.put(m.rName(), n == 0 ? series.size() : Math.min(n, series.size()));
        }
        return out;
    }

    /** Ratio rows: Keel on exactly the series R ran, and how many forecasts agree with R's. */
    private void sideBySide(String frequency, List<M4Data.M4Series> series, List<SpeedMethod> chosen,
            Map<SpeedMethod, KeelTiming.Pass[]> keelPasses, Map<String, RForecast.Timing> rTimes,
            Map<String, double[]> ratios) {
        out.printf(Locale.ROOT, "%-8s %-22s %10s %12s %10s %12s %8s  %s%n", "method", "series", "R CPU-s",
                "R series/s", "Keel CPU-s", "Keel series/s", "Keel/R", "same forecast as R");
        for (SpeedMethod m : chosen) {
            RForecast.Timing rt = m.rName() == null ? null : rTimes.get(m.rName());
            if (rt == null && !subsetOnly) continue; // shown in the all-series table
            KeelTiming.Pass keel = keelPasses.get(m)[0];
            List<M4Data.M4Series> subset = first(series, keel.series());
            String which = subset.size() == series.size() ? "all " + subset.size()
                    : "first " + subset.size() + " of " + series.size();
            if (rt == null) {
                out.printf(Locale.ROOT, "%-8s %-22s %10s %12s %10.2f %12.2f %8s  %s%n", m.label(), which, "-", "-",
                        keel.seconds(), keel.seriesPerCpuSecond(), "-", failures(keel));
                continue;
            }
            if (rt.series() != keel.series()) {
                throw new IllegalStateException("R ran " + m.rName() + " on " + rt.series() + " series, Keel on "
                        + keel.series() + "; expected the same series");
            }
            double ratio = keel.seriesPerCpuSecond() / rt.seriesPerCpuSecond();
            ratios.put(m.label() + " " + frequency, new double[] {ratio});
            out.printf(Locale.ROOT, "%-8s %-22s %10.2f %12.2f %10.2f %12.2f %7.1fx  %s%s%n", m.label(), which,
                    rt.cpuSeconds(), rt.seriesPerCpuSecond(), keel.seconds(), keel.seriesPerCpuSecond(), ratio,
                    Agreement.count(keel.forecasts(), rt.forecasts(), subset), failures(keel));
        }
    }

    /**
     * Every method over all series: one thread (CPU time) and a pool (wall time), the mean MASE of
     * the forecasts (so a speed-up can be seen not to change them), and whether the pool's
     * forecasts are the single thread's.
     */
    private void allSeries(List<M4Data.M4Series> series, List<SpeedMethod> chosen,
            Map<SpeedMethod, KeelTiming.Pass[]> keelPasses) {
        out.printf(Locale.ROOT, "Keel on all %d series: %-8s %14s %18s %16s %9s %9s%n", series.size(), "method",
                "1 thread /CPU-s", threads + " threads /s (wall)", threads + " threads /CPU-s", "speed-up", "MASE");
        for (SpeedMethod m : chosen) {
            Forecaster f = m.forecaster();
            KeelTiming.Pass one = keelPasses.get(m)[1];
            KeelTiming.pool(f, first(series, warmup), threads);
            KeelTiming.Pass pool = KeelTiming.pool(f, series, threads);
            boolean same = one.forecasts().keySet().equals(pool.forecasts().keySet()) && one.forecasts().entrySet()
                    .stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), pool.forecasts().get(e.getKey())));
            out.printf(Locale.ROOT, "%-32s %-8s %14.2f %18.2f %16.2f %8.2fx %9.4f%s%s%n", "", m.label(),
                    one.seriesPerCpuSecond(), pool.seriesPerSecond(), pool.seriesPerCpuSecond(),
                    pool.seriesPerSecond() / one.seriesPerCpuSecond(), meanMase(one, series), failures(one),
                    same ? "" : " (pool forecasts differ from the single thread's)");
        }
    }

    /** Mean MASE over the series that have a forecast. */
    static double meanMase(KeelTiming.Pass pass, List<M4Data.M4Series> series) {
        double sum = 0;
        int count = 0;
        for (M4Data.M4Series s : series) {
            double[] f = pass.forecasts().get(s.id());
            if (f == null) continue;
            sum += Accuracy.mase(s.test(), f, s.train(), s.period());
            count++;
        }
        return sum / count;
    }

    private void printGoals(Map<String, double[]> ratios) {
        if (ratios.isEmpty()) return;
        StringBuilder b = new StringBuilder("\nGoals (one core): ets >= 10x R, arima >= 5x R:");
        ratios.forEach((k, v) -> {
            double goal = k.startsWith("ets") ? 10 : k.startsWith("arima") ? 5 : Double.NaN;
            String verdict = Double.isNaN(goal) ? "" : v[0] >= goal ? " (met)" : " (NOT met)";
            b.append(String.format(Locale.ROOT, " %s %.1fx%s;", k, v[0], verdict));
        });
        out.println(b.substring(0, b.length() - 1));
    }

    private static String failures(KeelTiming.Pass p) {
        return p.failures() == 0 ? "" : " (" + p.failures() + " series failed)";
    }

    private static List<M4Data.M4Series> first(List<M4Data.M4Series> series, int n) {
        return n > 0 && n < series.size() ? series.subList(0, n) : series;
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg, else the JVM's 1 minute figure. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
