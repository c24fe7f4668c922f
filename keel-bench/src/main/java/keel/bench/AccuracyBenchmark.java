package keel.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.Forecaster;
import keel.forecast.Series;
import keel.forecast.accuracy.Accuracy;
import keel.forecast.ets.EtsOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs methods on M4 Hourly and Weekly and prints sMAPE, MASE and OWA per frequency and method next
 * to the published figures, with the relative difference. Series run on a fixed thread pool and
 * results are collected by series index, so the output does not depend on the thread count.
 */
@Command(name = "accuracy", mixinStandardHelpOptions = true,
        description = "sMAPE, MASE, OWA on M4 Hourly/Weekly next to the published figures.")
public final class AccuracyBenchmark implements Callable<Integer> {

    @Option(names = "--data", description = "directory holding m4/ (default: shared/data beside the project)")
    Path data;

    @Option(names = "--frequency", split = ",", defaultValue = "Hourly,Weekly",
            description = "M4 frequencies to run, and/or carparts (intermittent, its own method list) (default: ${DEFAULT-VALUE})")
    List<String> frequencies;

    @Option(names = "--methods", split = ",", defaultValue = "m4",
            description = "method groups: m4 (the eight M4 benchmarks), ets (AutoETS, R search), ets-box (AutoETS, box search with restarts: Keel default), ets-models (each ETS candidate), theta (Theta family), arima (auto.arima), combo (mean and median of ETS, ARIMA, AutoTheta), auto (Keel's ensemble forecaster) (default: ${DEFAULT-VALUE})")
    List<String> methods;

    @Option(names = "--threads", defaultValue = "2", description = "worker threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--limit", defaultValue = "0", description = "only the first N series of each frequency (0 = all)")
    int limit;

    @Option(names = "--ets-maxit", defaultValue = "2000",
            description = "Nelder-Mead evaluations per ETS fit (R: ${DEFAULT-VALUE})")
    int etsMaxEvaluations;

    @Option(names = "--ets-restarts", defaultValue = "0",
            description = "extra Nelder-Mead runs from the best point per ETS fit (R: ${DEFAULT-VALUE}; ets-box runs at least 1)")
    int etsRestarts;

    @Option(names = "--ets-search", defaultValue = "R_NELDER_MEAD",
            description = "ETS parameter search: R_NELDER_MEAD (R's, default) or BOX_NELDER_MEAD (statsforecast-like)")
    EtsOptions.Search etsSearch;

    @Option(names = "--ets-tolerance", defaultValue = "0.01",
            description = "box searches stop at this standard deviation of the simplex values (Keel: ${DEFAULT-VALUE}, statsforecast: 1e-4)")
    double etsTolerance;

    @Option(names = "--intervals",
            description = "also score 95%% intervals (MSIS, coverage) through each method's Forecaster")
    boolean intervals;

    @Override
    public Integer call() throws Exception {
        Path root = DataDirectory.resolve(data).resolve("m4");
        List<BenchMethod> groups = new ArrayList<>();
        for (String name : methods) groups.add(BenchMethod.parse(name));
        for (String frequency : frequencies) {
            if (frequency.equalsIgnoreCase("carparts")) {
                runCarparts(root.resolveSibling("carparts"));
                continue;
            }
            M4Data set = M4Data.load(root, frequency);
            List<M4Data.M4Series> series = limit > 0 && limit < set.series().size()
                    ? set.series().subList(0, limit) : set.series();
            long start = System.nanoTime();
            Scores scores = run(series, groups, threads, new EtsOptions(etsMaxEvaluations, etsRestarts, etsSearch, etsTolerance), intervals);
            double seconds = (System.nanoTime() - start) / 1e9;
            print(System.out, frequency, series, scores, seconds);
        }
        return 0;
    }

    /** carparts with its own fixed method list (intermittent demand; --methods does not apply). */
    private void runCarparts(Path directory) throws InterruptedException, ExecutionException {
        List<CarpartsBenchmark.Part> parts = CarpartsBenchmark.load(directory);
        if (limit > 0 && limit < parts.size()) parts = parts.subList(0, limit);
        long start = System.nanoTime();
        CarpartsBenchmark.Scores scores = CarpartsBenchmark.run(parts, CarpartsBenchmark.methods(), threads);
        CarpartsBenchmark.print(System.out, scores, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Mean sMAPE, MASE (and, when intervals were scored, MSIS and 95% coverage) per method over the
     * series, and the number of failures per method.
     */
    record Scores(List<String> labels, double[] smape, double[] mase, double[] msis, double[] coverage,
            int[] failures) {}

    static Scores run(List<M4Data.M4Series> series, List<BenchMethod> groups, int threads, EtsOptions ets)
            throws InterruptedException, ExecutionException {
        return run(series, groups, threads, ets, false);
    }

    static Scores run(List<M4Data.M4Series> series, List<BenchMethod> groups, int threads, EtsOptions ets,
            boolean intervals) throws InterruptedException, ExecutionException {
        List<String> labels = new ArrayList<>();
        for (BenchMethod g : groups) labels.addAll(g.labels());
        int k = labels.size();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<double[][]>> futures = new ArrayList<>();
            for (M4Data.M4Series s : series) futures.add(pool.submit(() -> intervals ? evaluateWithIntervals(s, groups, k, ets)
                    : evaluate(s, groups, k, ets)));
            double[] smape = new double[k];
            double[] mase = new double[k];
            double[] msis = new double[k];
            double[] coverage = new double[k];
            int[] failures = new int[k];
            for (Future<double[][]> f : futures) {
                double[][] r = f.get();
                for (int j = 0; j < k; j++) {
                    smape[j] += r[j][0];
                    mase[j] += r[j][1];
                    failures[j] += (int) r[j][2];
                    msis[j] += r[j][3];
                    coverage[j] += r[j][4];
                }
            }
            for (int j = 0; j < k; j++) {
                smape[j] /= series.size();
                mase[j] /= series.size();
                msis[j] = intervals ? msis[j] / series.size() : Double.NaN;
                coverage[j] = intervals ? coverage[j] / series.size() : Double.NaN;
            }
            return new Scores(labels, smape, mase, msis, coverage, failures);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Per method through its Forecaster: sMAPE, MASE, failed (then scored with Naive1 and a zero-width
     * interval), MSIS and coverage of the 2.5%–97.5% quantiles.
     */
    private static double[][] evaluateWithIntervals(M4Data.M4Series s, List<BenchMethod> groups, int k,
            EtsOptions ets) {
        double[][] out = new double[k][5];
        Series series = Series.of(s.id(), s.train(), s.period());
        int j = 0;
        for (BenchMethod g : groups) {
            for (Forecaster forecaster : g.forecasters(ets)) {
                double[] mean;
                double[] lower;
                double[] upper;
                boolean failed = false;
                try {
                    Forecast f = forecaster.forecast(series, s.horizon(), INTERVAL_LEVELS);
                    mean = f.mean();
                    lower = new double[s.horizon()];
                    upper = new double[s.horizon()];
                    for (int i = 0; i < s.horizon(); i++) {
                        lower[i] = f.quantile(0, i);
                        upper[i] = f.quantile(1, i);
                    }
                    failed = !allFinite(mean) || !allFinite(lower) || !allFinite(upper);
                } catch (ForecastException e) {
                    failed = true;
                    mean = null;
                    lower = null;
                    upper = null;
                }
                if (failed) {
                    mean = naive(s.train(), s.horizon());
                    lower = mean;
                    upper = mean;
                }
                out[j][0] = Accuracy.smape(s.test(), mean);
                out[j][1] = Accuracy.mase(s.test(), mean, s.train(), s.period());
                out[j][2] = failed ? 1 : 0;
                out[j][3] = Accuracy.msis(s.test(), lower, upper, s.train(), s.period(), 0.05);
                out[j][4] = Accuracy.coverage(s.test(), lower, upper);
                j++;
            }
        }
        return out;
    }

    private static final double[] INTERVAL_LEVELS = {0.025, 0.975};

    /** Per method: sMAPE, MASE and 1 if the method failed (then scored with Naive1). */
    private static double[][] evaluate(M4Data.M4Series s, List<BenchMethod> groups, int k, EtsOptions ets) {
        double[][] out = new double[k][5];
        int j = 0;
        for (BenchMethod g : groups) {
            double[][] f = g.forecast(s.train(), s.period(), s.horizon(), ets);
            for (double[] row : f) {
                boolean failed = row == null || !allFinite(row);
                double[] forecast = failed ? naive(s.train(), s.horizon()) : row;
                out[j][0] = Accuracy.smape(s.test(), forecast);
                out[j][1] = Accuracy.mase(s.test(), forecast, s.train(), s.period());
                out[j][2] = failed ? 1 : 0;
                j++;
            }
        }
        return out;
    }

    private static boolean allFinite(double[] x) {
        for (double v : x) if (!Double.isFinite(v)) return false;
        return true;
    }

    private static double[] naive(double[] y, int h) {
        double[] f = new double[h];
        java.util.Arrays.fill(f, y[y.length - 1]);
        return f;
    }

    static void print(PrintStream out, String frequency, List<M4Data.M4Series> series, Scores scores, double seconds) {
        M4Data.M4Series first = series.get(0);
        out.printf(Locale.ROOT, "%nM4 %s: %d series, h=%d, m=%d, %.1f s wall%n", frequency, series.size(),
                first.horizon(), first.period(), seconds);
        boolean withIntervals = scores.msis().length > 0 && !Double.isNaN(scores.msis()[0]);
        out.printf(Locale.ROOT, "%-12s %8s %8s %8s   %7s %7s %8s   %6s %6s %8s  %s%s%n", "method", "sMAPE", "publ.",
                "rel.diff", "MASE", "publ.", "rel.diff", "OWA", "publ.", "rel.diff", "failed",
                withIntervals ? "   MSIS  cover95" : "");
        int naive2 = scores.labels().indexOf("Naive2");
        for (int j = 0; j < scores.labels().size(); j++) {
            String label = scores.labels().get(j);
            double smape = scores.smape()[j];
            double mase = scores.mase()[j];
            double owa = naive2 < 0 ? Double.NaN
                    : Accuracy.owa(smape, mase, scores.smape()[naive2], scores.mase()[naive2]);
            Optional<double[]> published = PublishedScores.of(frequency, label);
            double[] p = published.orElse(new double[] {Double.NaN, Double.NaN, Double.NaN});
            String interval = withIntervals ? String.format(Locale.ROOT, "  %7.3f  %6.3f", scores.msis()[j],
                    scores.coverage()[j]) : "";
            out.printf(Locale.ROOT, "%-12s %8.3f %8s %8s   %7.3f %7s %8s   %6.3f %6s %8s  %6d%s%n", label, smape,
                    fmt(p[0]), rel(smape, p[0]), mase, fmt(p[1]), rel(mase, p[1]), owa, fmt(p[2]), rel(owa, p[2]),
                    scores.failures()[j], interval);
        }
        if (scores.labels().contains("AutoETS") || scores.labels().contains("AutoETS box")) {
            out.println("AutoETS published: statsforecast MASE (Hourly 1.61, Weekly 2.55); R forecast::ets "
                    + "Hourly MASE 1.82, Weekly MASE 2.527 / sMAPE 8.727.");
        }
        if (scores.labels().contains("AutoARIMA")) {
            out.println("AutoARIMA published: statsforecast MASE (Hourly 0.92, Weekly 2.34); R auto.arima Hourly 1.02, "
                    + "Weekly 2.58.");
        }
        if (scores.labels().contains("Combo mean")) {
            out.println("M4 rank 6, mean of ETS, ARIMA, CES, DOTM: Hourly sMAPE 13.167 MASE 1.458 OWA 0.663; "
                    + "Weekly 6.726 / 2.133 / 0.751.");
        }
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String rel(double value, double published) {
        if (Double.isNaN(published)) return "-";
        return String.format(Locale.ROOT, "%+.2f%%", 100 * (value - published) / published);
    }
}
