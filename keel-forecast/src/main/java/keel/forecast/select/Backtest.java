package keel.forecast.select;

import java.util.List;
import keel.forecast.Forecast;
import keel.forecast.Forecaster;
import keel.forecast.Series;

/**
 * A rolling-origin backtest (time-series cross-validation, FPP3 §5.10) of one forecaster on one
 * series: at each origin the forecaster is fitted to the first {@code trainingLength} observations
 * and forecasts {@code horizon} steps, which are compared with what followed.
 *
 * <p>Errors are actual − forecast. A step whose actual value is missing has a NaN error; an origin
 * with any missing actual in its window has a NaN total error. Summaries skip NaN errors.
 * Immutable.
 */
public final class Backtest {
    private static final double[] NO_LEVELS = new double[0];
    private final String model;
    private final int horizon;
    private final int[] trainingLengths;
    private final double[][] errors;
    private final double[] totalErrors;

    Backtest(String model, int horizon, int[] trainingLengths, double[][] errors) {
        this.model = model;
        this.horizon = horizon;
        this.trainingLengths = trainingLengths.clone();
        this.errors = errors;
        this.totalErrors = new double[errors.length];
        for (int o = 0; o < errors.length; o++) {
            double total = 0;
            for (int h = 0; h < horizon; h++) {
                total += errors[o][h];
            }
            totalErrors[o] = total;
        }
    }

    /**
     * Runs {@code forecaster} at every origin.
     *
     * @param trainingLengths the number of observations before each origin; each in
     *     [1, series length − horizon]
     * @throws keel.forecast.ForecastException if the forecaster cannot forecast at some origin
     * @throws IllegalArgumentException if a training length leaves no room for the horizon
     */
    public static Backtest run(Forecaster forecaster, Series series, int horizon, int[] trainingLengths) {
        Series[] heads = heads(series, horizon, trainingLengths);
        double[][] errors = new double[trainingLengths.length][];
        for (int o = 0; o < heads.length; o++) {
            Forecast f = forecaster.forecast(heads[o], horizon, NO_LEVELS);
            errors[o] = errors(series, trainingLengths[o], f, horizon);
        }
        return new Backtest(forecaster.name(), horizon, trainingLengths, errors);
    }

    /**
     * Backtests every candidate on the same origins, sharing the training slices. A candidate that
     * throws or forecasts a non-finite value gets a null backtest and a reason in {@code failures}.
     */
    static Backtest[] runAll(List<Forecaster> candidates, Series series, int horizon, int[] trainingLengths,
            String[] failures) {
        Series[] heads = heads(series, horizon, trainingLengths);
        int c = candidates.size();
        double[][][] errors = new double[c][trainingLengths.length][];
        for (int o = 0; o < heads.length; o++) {
            for (int i = 0; i < c; i++) {
                if (failures[i] != null) {
                    continue;
                }
                try {
                    Forecast f = candidates.get(i).forecast(heads[o], horizon, NO_LEVELS);
                    errors[i][o] = errors(series, trainingLengths[o], f, horizon);
                    if (!finite(f)) {
                        failures[i] = "forecast a non-finite value from " + trainingLengths[o] + " observations";
                    }
                } catch (RuntimeException e) {
                    failures[i] = "failed on the first " + trainingLengths[o] + " observations: " + e.getMessage();
                }
            }
        }
        Backtest[] out = new Backtest[c];
        for (int i = 0; i < c; i++) {
            if (failures[i] == null) {
                out[i] = new Backtest(candidates.get(i).name(), horizon, trainingLengths, errors[i]);
            }
        }
        return out;
    }

    private static Series[] heads(Series series, int horizon, int[] trainingLengths) {
        Series[] heads = new Series[trainingLengths.length];
        for (int o = 0; o < heads.length; o++) {
            int n = trainingLengths[o];
            if (n < 1 || n + horizon > series.length()) {
                throw new IllegalArgumentException("series " + series.id() + ": training length " + n
                        + " with horizon " + horizon + " does not fit in " + series.length() + " observations");
            }
            heads[o] = series.head(n);
        }
        return heads;
    }

    private static double[] errors(Series series, int origin, Forecast f, int horizon) {
        double[] e = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            e[h] = series.value(origin + h) - f.mean(h);
        }
        return e;
    }

    static boolean finite(Forecast f) {
        for (int h = 0; h < f.horizon(); h++) {
            if (!Double.isFinite(f.mean(h))) {
                return false;
            }
        }
        return true;
    }

    /** The name of the forecaster tested. */
    public String model() {
        return model;
    }

    /** Steps forecast at each origin. */
    public int horizon() {
        return horizon;
    }

    /** The number of origins. */
    public int origins() {
        return trainingLengths.length;
    }

    /** Observations before origin {@code o}. */
    public int trainingLength(int o) {
        return trainingLengths[o];
    }

    /** actual − forecast at origin {@code o}, zero-based step {@code h}; NaN if the actual is missing. */
    public double error(int o, int h) {
        return errors[o][h];
    }

    /** Sum of actuals − sum of forecasts over the horizon at origin {@code o}; NaN if any actual is missing. */
    public double totalError(int o) {
        return totalErrors[o];
    }

    /** Origins whose total error is known. */
    public int totalCount() {
        int count = 0;
        for (double e : totalErrors) {
            if (e == e) {
                count++;
            }
        }
        return count;
    }

    /**
     * How many non-overlapping horizon windows the known totals amount to: the origins span
     * divided by the horizon, plus one, at most {@link #totalCount()}. Overlapping windows share
     * actuals, so their errors are not independent; this is the sample size for the spread of totals.
     */
    public int effectiveTotalCount() {
        int first = -1;
        int last = -1;
        for (int o = 0; o < totalErrors.length; o++) {
            if (totalErrors[o] == totalErrors[o]) {
                if (first < 0) {
                    first = o;
                }
                last = o;
            }
        }
        if (first < 0) {
            return 0;
        }
        int span = Math.abs(trainingLengths[first] - trainingLengths[last]);
        return Math.min(totalCount(), 1 + span / horizon);
    }

    /** Origins whose error at zero-based step {@code h} is known. */
    public int stepCount(int h) {
        int count = 0;
        for (double[] row : errors) {
            if (row[h] == row[h]) {
                count++;
            }
        }
        return count;
    }

    /** Mean absolute total error over the origins where it is known; NaN if none. */
    public double totalMae() {
        double sum = 0;
        int count = 0;
        for (double e : totalErrors) {
            if (e == e) {
                sum += Math.abs(e);
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Mean squared total error over the origins where it is known; NaN if none. */
    public double totalMse() {
        return meanSquare(totalErrors);
    }

    /** Mean squared error at zero-based step {@code h} over the origins where it is known; NaN if none. */
    public double stepMse(int h) {
        double sum = 0;
        int count = 0;
        for (double[] row : errors) {
            double e = row[h];
            if (e == e) {
                sum += e * e;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static double meanSquare(double[] values) {
        double sum = 0;
        int count = 0;
        for (double e : values) {
            if (e == e) {
                sum += e * e;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
