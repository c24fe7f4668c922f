package keel.forecast.select;

import java.util.List;
import java.util.Map;
import keel.forecast.Distributions;
import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.Forecaster;

/** Picks the winner of the backtest, fits it to the whole series and attaches honest quantiles. */
final class Selection {
    private static final double[] NO_LEVELS = new double[0];

    private Selection() {
    }

    static Forecast choose(String id, Prepared data, List<Forecaster> candidates, Backtest[] backtests,
            double[] scores, String[] failures, int horizon, double[] levels, AutoForecaster.Settings settings) {
        boolean[] excluded = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            excluded[i] = failures[i] != null;
        }
        while (true) {
            int i = AutoForecaster.best(scores, excluded);
            if (i < 0) {
                throw new ForecastException(id, "no candidate could forecast it" + reasons(candidates, failures)
                        + data.trimNote());
            }
            try {
                Forecast fit = candidates.get(i).forecast(data.series(), horizon, NO_LEVELS);
                if (Backtest.finite(fit)) {
                    return build(id, data, candidates, backtests, scores, failures, i, fit, levels, settings);
                }
                failures[i] = "forecast a non-finite value from the whole series";
            } catch (RuntimeException e) {
                failures[i] = "failed on the whole series: " + e.getMessage();
            }
            excluded[i] = true;
        }
    }

    private static Forecast build(String id, Prepared data, List<Forecaster> candidates, Backtest[] backtests,
            double[] scores, String[] failures, int chosen, Forecast fit, double[] levels,
            AutoForecaster.Settings settings) {
        Backtest bt = backtests[chosen];
        int horizon = fit.horizon();
        boolean floor = settings.nonNegative();
        double[] mean = new double[horizon];
        double total = 0;
        for (int h = 0; h < horizon; h++) {
            mean[h] = floor ? Math.max(0, fit.mean(h)) : fit.mean(h);
            total += mean[h];
        }
        boolean[] excluded = new boolean[failures.length];
        for (int i = 0; i < failures.length; i++) {
            excluded[i] = failures[i] != null || backtests[i] == null;
        }
        boolean sharp = settings.spread() == AutoForecaster.Spread.BACKTEST;
        SelectionErrors honest = SelectionErrors.of(backtests, excluded);
        double totalMse = sharp ? bt.totalMse() : honest.totalMse();
        if (totalMse != totalMse) {
            totalMse = bt.totalMse();
        }
        int windows = bt.effectiveTotalCount();
        double totalVariance = totalMse * (sharp ? 1 : predictiveFactor(windows));
        double historyVariance = historySpread(data.series(), horizon);
        totalVariance = Math.max(totalVariance, historyVariance);
        double[][] q = stepQuantiles(mean, sharp ? null : honest, bt, totalVariance / horizon, historySpread(data.series(), 1), data.counts(),
                floor, levels);
        double[] totalQ = new double[levels.length];
        String family = quantiles(total, totalVariance, data.counts(), floor, levels, totalQ);
        Forecast.Builder b = Forecast.builder(id, candidates.get(chosen).name()).mean(mean).quantiles(levels, q)
                .totalQuantiles(totalQ);
        for (Map.Entry<String, Double> p : fit.parameters().entrySet()) {
            b.parameter(p.getKey(), p.getValue());
        }
        b.parameter("backtestOrigins", bt.totalCount()).parameter("backtestScaledMae", scores[chosen] / data.scale())
                .parameter("backtestTotalMse", bt.totalMse()).parameter("selectionTotalMse", totalMse)
                .parameter("backtestWindows", windows)
                .parameter("historyTotalVariance", historyVariance).parameter("totalVariance", totalVariance)
                .parameter("errorScale", data.scale());
        String spread = sharp ? sharpSpreadText(horizon, totalMse, totalVariance, historyVariance)
                : spreadText(bt, horizon, totalMse, totalVariance, historyVariance);
        return b.description(describe(data, candidates, scores, failures, chosen, bt, total, spread, family, fit,
                settings.selection().name()))
                .build();
    }

    /**
     * Per step: the selection procedure's MSE at that step times the t factor for its origins
     * ({@code fallback} when no origin saw the step), at least the history's one-period spread.
     */
    private static double[][] stepQuantiles(double[] mean, SelectionErrors honest, Backtest chosen, double fallback,
            double historyFloor, boolean counts, boolean floor, double[] levels) {
        double[][] q = new double[levels.length][mean.length];
        double[] row = new double[levels.length];
        for (int h = 0; h < mean.length; h++) {
            double variance = honest == null ? chosen.stepMse(h) : honest.stepMse(h) * predictiveFactor(honest.stepCount(h));
            variance = Math.max(variance == variance ? variance : fallback, historyFloor);
            quantiles(mean[h], variance, counts, floor, levels, row);
            for (int l = 0; l < levels.length; l++) {
                q[l][h] = row[l];
            }
        }
        return q;
    }

    private static String sharpSpreadText(int horizon, double mse, double variance, double history) {
        String backtest = "the chosen model's backtest mean squared error of totals, " + num(mse);
        if (history > mse) {
            return num(variance) + " (the spread of " + horizon + "-period totals over the history, larger than "
                    + backtest + ")";
        }
        return num(variance) + " (" + backtest + ")";
    }

    private static String spreadText(Backtest bt, int horizon, double mse, double variance, double history) {
        int windows = bt.effectiveTotalCount();
        String backtest = "mean squared error of totals when each origin is forecast by the model the other origins"
                + " choose, " + num(mse) + ", times " + num(predictiveFactor(windows)) + " for " + windows
                + " independent windows";
        if (history > mse * predictiveFactor(windows)) {
            return num(variance) + " (the spread of " + horizon + "-period totals over the history, larger than the "
                    + backtest + ")";
        }
        return num(variance) + " (" + backtest + ")";
    }

    /**
     * The spread of demand totals over the history: half the variance of S_{t+H} − S_t, S_t being
     * the sum of the {@code horizon} periods from t (a successive-difference estimator after von
     * Neumann: Var(S) for a level series, untouched by a linear trend and little moved by a level
     * shift). Used as a floor on the backtest variance, which a dozen windows easily underestimate
     * when demand comes in rare large orders. 0 when the series is too short for two differences.
     */
    static double historySpread(keel.forecast.Series s, int horizon) {
        double[] y = s.values();
        int n = y.length;
        if (n < 2 * horizon) {
            return 0;
        }
        // rolling sums S_t of horizon periods; half the mean square of S_{t+H} - S_t
        double[] sums = new double[n - horizon + 1];
        for (int t = 0; t < sums.length; t++) {
            double total = 0;
            for (int h = 0; h < horizon; h++) {
                total += y[t + h];
            }
            sums[t] = total;
        }
        double sum = 0;
        double sumSq = 0;
        int count = 0;
        for (int t = 0; t + horizon < sums.length; t++) {
            double d = sums[t + horizon] - sums[t];
            if (d == d) {
                sum += d;
                sumSq += d * d;
                count++;
            }
        }
        if (count < 2) {
            return 0;
        }
        double meanDifference = sum / count;
        return Math.max(0, (sumSq - count * meanDifference * meanDifference) / (count - 1) / 2);
    }

    /**
     * ν/(ν − 2), the variance of Student's t with ν degrees of freedom: the predictive variance of a
     * new error, in units of the mean squared error, when that is estimated from ν independent
     * errors. ν is held at 3 or more (factor at most 3).
     */
    static double predictiveFactor(int independentErrors) {
        double nu = Math.max(3, independentErrors);
        return nu / (nu - 2);
    }

    /** Fills {@code out}; returns the name of the distribution used. */
    static String quantiles(double mean, double mse, boolean counts, boolean floor, double[] levels, double[] out) {
        double variance = mse == mse ? mse : 0;
        String family;
        if (counts && mean > 0) {
            Distributions.countQuantiles(mean, variance, levels, out);
            family = variance > mean ? "negative binomial" : "Poisson";
        } else {
            Distributions.normalQuantiles(mean, Math.sqrt(variance), levels, out);
            family = "normal";
        }
        if (floor) {
            for (int l = 0; l < levels.length; l++) {
                out[l] = Math.max(0, out[l]);
            }
        }
        return family;
    }

    private static String describe(Prepared data, List<Forecaster> candidates, double[] scores, String[] failures,
            int chosen, Backtest bt, double total, String spread, String family, Forecast fit, String loss) {
        StringBuilder s = new StringBuilder(256);
        s.append(candidates.get(chosen).name()).append(": lowest backtest ").append(loss).append(" of the ").append(bt.horizon())
                .append("-step total over ").append(bt.totalCount()).append(" origins (")
                .append(num(scores[chosen] / data.scale()));
        boolean[] shown = new boolean[scores.length];
        shown[chosen] = true;
        String sep = " vs ";
        for (int k = 0; k < scores.length; k++) {
            int i = AutoForecaster.best(scores, shown);
            if (i < 0) {
                break;
            }
            shown[i] = true;
            if (failures[i] == null) {
                s.append(sep).append(candidates.get(i).name()).append(' ')
                        .append(num(scores[i] / data.scale()));
                sep = ", ";
            }
        }
        s.append("; scaled by the mean absolute one-step change ").append(num(data.scale())).append(')');
        String tied = "";
        for (int i = 0; i < scores.length; i++) {
            if (i != chosen && failures[i] == null && AutoForecaster.tie(scores[i], scores[chosen])) {
                tied += (tied.isEmpty() ? "" : ", ") + candidates.get(i).name();
            }
        }
        if (!tied.isEmpty()) {
            s.append(", tied with ").append(tied).append(": the candidate listed first wins");
        }
        s.append(". Quantiles: ").append(family).append(data.counts() ? " (count data)" : "")
                .append(" fitted to the forecast total ").append(num(total))
                .append(" and variance ").append(spread);
        for (int i = 0; i < failures.length; i++) {
            if (failures[i] != null) {
                s.append(". Skipped ").append(candidates.get(i).name()).append(": ").append(failures[i]);
            }
        }
        s.append(data.sentences());
        if (!fit.description().isEmpty()) {
            s.append(". Model: ").append(fit.description());
        }
        return s.toString();
    }

    private static String num(double value) {
        return keel.forecast.ForecastInputs.shortNumber(value);
    }

    private static String reasons(List<Forecaster> candidates, String[] failures) {
        boolean same = failures.length > 1;
        for (String f : failures) {
            same &= f != null && f.equals(failures[0]);
        }
        if (same) {
            return ": " + failures[0] + " (all " + failures.length + " candidates)";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < failures.length; i++) {
            s.append(i == 0 ? ": " : "; ").append(candidates.get(i).name()).append(' ')
                    .append(failures[i] == null ? "not scored" : failures[i]);
        }
        return s.toString();
    }
}
