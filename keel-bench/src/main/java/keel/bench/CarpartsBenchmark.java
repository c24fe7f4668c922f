package keel.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import keel.forecast.Forecast;
import keel.forecast.Forecaster;
import keel.forecast.Series;
import keel.forecast.accuracy.Accuracy;
import keel.forecast.baseline.Baselines;
import keel.forecast.combine.Auto;
import keel.forecast.combine.Combination;
import keel.forecast.ets.Ets;
import keel.forecast.intermittent.Intermittent;
import keel.forecast.select.AutoForecaster;
import keel.forecast.smoothing.Smoothing;

/**
 * Intermittent demand accuracy on carparts ({@code shared/data/carparts}: 2,674 monthly series, 39
 * months to train, 12 to test). Only the series without a missing value in either part are scored
 * (2,509). Every method sees the series with seasonal period 1.
 *
 * <p>Measures per series, then averaged: MASE and RMSSE scaled by the in-sample one-step naive
 * error (m = 1; a series whose training part is constant has scale 0 and is left out of the scaled
 * means, and the table says how many), and the scaled pinball loss at {@link #LEVELS} (pinball loss
 * divided by the MASE scale, as the M5 competition's SPL). A method that fails on a series is
 * scored there with naive (all quantiles at the last value) and counted. "auto" is {@link
 * AutoForecaster} as the demo's replenish-carparts decision type sets it up.
 */
final class CarpartsBenchmark {
    /** The quantile levels scored by pinball loss. */
    static final double[] LEVELS = {0.5, 0.8, 0.9, 0.95};
    static final int HORIZON = 12;

    record Part(String id, double[] train, double[] test) {}

    /** Per method: MASE, RMSSE, scaled pinball per level, means over the scored series; failures. */
    record Scores(List<String> labels, double[] mase, double[] rmsse, double[][] pinball, int[] failures, int scored,
            int complete, int zeroScale) {}

    private CarpartsBenchmark() {}

    /**
     * naive, Croston, SBA, TSB, ADIDA, IMAPA, SES, ETS (AICc), the demo's auto, {@code keel forecast
     * --model auto} ({@link Auto#withDefaults()}: routed by demand pattern), and the median of the
     * six smoothing methods among auto's candidates (ses, croston, sba, tsb, adida, imapa), in that order.
     */
    static Map<String, Forecaster> methods() {
        Map<String, Forecaster> out = new LinkedHashMap<>();
        out.put("naive", Baselines.naive());
        out.put("Croston", Intermittent.croston());
        out.put("SBA", Intermittent.sba());
        out.put("TSB", Intermittent.tsb());
        out.put("ADIDA", Intermittent.adida());
        out.put("IMAPA", Intermittent.imapa());
        out.put("SES", Smoothing.ses());
        out.put("ETS", Ets.forecaster());
        out.put("auto", demoAuto());
        out.put("model auto", Auto.withDefaults());
        out.put("combo", Combination.median(List.of(Smoothing.ses(), Intermittent.croston(), Intermittent.sba(),
                Intermittent.tsb(), Intermittent.adida(), Intermittent.imapa())));
        return out;
    }

    /** keel-app's replenish-carparts.yaml: these candidates, RMSE selection, backtest spread, 8 origins. */
    static AutoForecaster demoAuto() {
        List<Forecaster> candidates = List.of(Baselines.naive(), Baselines.mean(), Smoothing.ses(), Intermittent.croston(),
                Intermittent.sba(), Intermittent.tsb(), Intermittent.adida(), Intermittent.imapa());
        AutoForecaster.Settings d = AutoForecaster.Settings.defaults();
        return new AutoForecaster(candidates, new AutoForecaster.Settings(8, Math.min(d.minOrigins(), 8),
                d.minTrainingLength(), d.nonNegative(), d.trimLeadingZeros(), AutoForecaster.SelectionLoss.RMSE,
                AutoForecaster.Spread.BACKTEST));
    }

    /** Reads the train and test files of {@code directory} (long format, quoted ids); all series, file order. */
    static List<Part> load(Path directory) {
        Map<String, double[]> train = read(directory.resolve("carparts_train.csv"));
        Map<String, double[]> test = read(directory.resolve("carparts_test.csv"));
        List<Part> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : train.entrySet()) {
            double[] t = test.get(e.getKey());
            if (t == null) throw new IllegalStateException(directory + ": series " + e.getKey() + " has no test rows");
            out.add(new Part(e.getKey(), e.getValue(), t));
        }
        return out;
    }

    static Scores run(List<Part> all, Map<String, Forecaster> methods, int threads)
            throws InterruptedException, ExecutionException {
        List<Part> complete = all.stream().filter(p -> !hasMissing(p.train()) && !hasMissing(p.test())).toList();
        List<Forecaster> forecasters = List.copyOf(methods.values());
        int k = forecasters.size();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<double[][]>> futures = new ArrayList<>();
            for (Part p : complete) futures.add(pool.submit(() -> evaluate(p, forecasters)));
            double[] mase = new double[k];
            double[] rmsse = new double[k];
            double[][] pinball = new double[k][LEVELS.length];
            int[] failures = new int[k];
            int scored = 0;
            for (Future<double[][]> f : futures) {
                double[][] r = f.get();
                for (int j = 0; j < k; j++) failures[j] += (int) r[j][2];
                if (r[0][0] != r[0][0]) continue;
                scored++;
                for (int j = 0; j < k; j++) {
                    mase[j] += r[j][0];
                    rmsse[j] += r[j][1];
                    for (int i = 0; i < LEVELS.length; i++) pinball[j][i] += r[j][3 + i];
                }
            }
            for (int j = 0; j < k; j++) {
                mase[j] /= scored;
                rmsse[j] /= scored;
                for (int i = 0; i < LEVELS.length; i++) pinball[j][i] /= scored;
            }
            return new Scores(List.copyOf(methods.keySet()), mase, rmsse, pinball, failures, scored, complete.size(),
                    complete.size() - scored);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Per method: MASE, RMSSE, failed, scaled pinball per level (NaN scores when the scale is 0). */
    private static double[][] evaluate(Part p, List<Forecaster> forecasters) {
        Series series = Series.of(p.id(), p.train(), 1);
        double scale = Accuracy.maseScale(p.train(), 1);
        double[][] out = new double[forecasters.size()][3 + LEVELS.length];
        for (int j = 0; j < forecasters.size(); j++) {
            double[] mean;
            double[][] q = new double[LEVELS.length][];
            boolean failed = false;
            try {
                Forecast f = forecasters.get(j).forecast(series, HORIZON, LEVELS);
                mean = f.mean();
                for (int i = 0; i < LEVELS.length; i++) {
                    q[i] = new double[HORIZON];
                    for (int h = 0; h < HORIZON; h++) q[i][h] = f.quantile(i, h);
                }
                failed = !finite(mean) || Arrays.stream(q).anyMatch(row -> !finite(row));
            } catch (RuntimeException e) {
                failed = true;
                mean = null;
            }
            if (failed) {
                mean = new double[HORIZON];
                Arrays.fill(mean, p.train()[p.train().length - 1]);
                Arrays.fill(q, mean);
            }
            boolean scaled = scale > 0;
            out[j][0] = scaled ? Accuracy.mase(p.test(), mean, p.train(), 1) : Double.NaN;
            out[j][1] = scaled ? Accuracy.rmsse(p.test(), mean, p.train(), 1) : Double.NaN;
            out[j][2] = failed ? 1 : 0;
            for (int i = 0; i < LEVELS.length; i++) {
                out[j][3 + i] = scaled ? Accuracy.pinball(p.test(), q[i], LEVELS[i]) / scale : Double.NaN;
            }
        }
        return out;
    }

    static void print(PrintStream out, Scores s, double seconds) {
        out.printf(Locale.ROOT, "%ncarparts: %d complete series of 2,674, %d scored (%d with a constant training part "
                + "have MASE scale 0), h=%d, m=1, %.1f s wall%n", s.complete(), s.scored(), s.zeroScale(), HORIZON, seconds);
        out.printf(Locale.ROOT, "%-8s %7s %8s %8s %7s", "method", "MASE", "/naive", "/Croston", "RMSSE");
        for (double level : LEVELS) out.printf(Locale.ROOT, " %7s", String.format(Locale.ROOT, "SPL%.2f", level).replace("0.", "."));
        out.printf(Locale.ROOT, " %7s  %s%n", "SPLmean", "failed");
        int naive = s.labels().indexOf("naive");
        int croston = s.labels().indexOf("Croston");
        for (int j = 0; j < s.labels().size(); j++) {
            double mean = Arrays.stream(s.pinball()[j]).average().orElse(Double.NaN);
            out.printf(Locale.ROOT, "%-8s %7.4f %8.3f %8.3f %7.4f", s.labels().get(j), s.mase()[j],
                    s.mase()[j] / s.mase()[naive], s.mase()[j] / s.mase()[croston], s.rmsse()[j]);
            for (double v : s.pinball()[j]) out.printf(Locale.ROOT, " %7.4f", v);
            out.printf(Locale.ROOT, " %7.4f  %6d%n", mean, s.failures()[j]);
        }
    }

    private static boolean hasMissing(double[] x) {
        for (double v : x) if (Double.isNaN(v)) return true;
        return false;
    }

    private static boolean finite(double[] x) {
        for (double v : x) if (!Double.isFinite(v)) return false;
        return true;
    }

    /** series_id,t,value rows (id possibly quoted); values in t order, empty value = NaN. */
    private static Map<String, double[]> read(Path file) {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            String line;
            int row = 1;
            while ((line = reader.readLine()) != null) {
                row++;
                String[] f = line.split(",", -1);
                if (f.length != 3) {
                    throw new IllegalStateException(file + " row " + row + ": " + f.length
                            + " fields; expected series_id,t,value");
                }
                String id = f[0].replace("\"", "");
                String v = f[2].trim();
                rows.computeIfAbsent(id, x -> new ArrayList<>()).add(new double[] {Double.parseDouble(f[1]),
                        v.isEmpty() ? Double.NaN : Double.parseDouble(v)});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        rows.forEach((id, r) -> {
            r.sort((a, b) -> Double.compare(a[0], b[0]));
            out.put(id, r.stream().mapToDouble(x -> x[1]).toArray());
        });
        return out;
    }
}
