package keel.forecast.accuracy;

/**
 * Point and interval accuracy measures, with the exact definitions of the M4 organisers'
 * evaluation script (Makridakis, Spiliotis &amp; Assimakopoulos 2020, IJF 36(1); M4-methods
 * {@code Benchmarks and Evaluation.R}).
 *
 * <p>All methods take the actual test values and the forecasts step by step (equal lengths) and
 * return the mean over the horizon. Steps whose actual value is NaN (missing) are skipped; a
 * horizon with no usable step gives NaN. Scaled measures (MASE, RMSSE, MSIS) divide by a scale
 * computed from the training part with {@link #maseScale(double[], int)} or
 * {@link #rmsseScale(double[], int)}.
 */
public final class Accuracy {
    private Accuracy() {}

    /**
     * Symmetric MAPE in percent: mean of 200·|y−f|/(|y|+|f|). A step with y = f = 0 counts as 0
     * (the M4 script would give NaN there; M4 data has no zeros).
     */
    public static double smape(double[] actual, double[] forecast) {
        checkLengths(actual, forecast);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < actual.length; i++) {
            if (Double.isNaN(actual[i])) continue;
            double denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
            sum += denominator == 0 ? 0 : 200 * Math.abs(actual[i] - forecast[i]) / denominator;
            count++;
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * The MASE scale: mean |x_t − x_{t−m}| over t = m+1..n of the training part (in-sample
     * seasonal naive MAE), missing pairs skipped. Returns NaN when no pair exists.
     */
    public static double maseScale(double[] insample, int seasonalPeriod) {
        checkPeriod(seasonalPeriod);
        double sum = 0;
        int count = 0;
        for (int t = seasonalPeriod; t < insample.length; t++) {
            double d = insample[t] - insample[t - seasonalPeriod];
            if (Double.isNaN(d)) continue;
            sum += Math.abs(d);
            count++;
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Mean absolute scaled error: mean |y−f| divided by {@link #maseScale(double[], int)}. */
    public static double mase(double[] actual, double[] forecast, double[] insample, int seasonalPeriod) {
        return mae(actual, forecast) / maseScale(insample, seasonalPeriod);
    }

    /** Mean absolute error over the usable steps. */
    public static double mae(double[] actual, double[] forecast) {
        checkLengths(actual, forecast);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < actual.length; i++) {
            if (Double.isNaN(actual[i])) continue;
            sum += Math.abs(actual[i] - forecast[i]);
            count++;
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * The RMSSE scale (M5 competition): mean (x_t − x_{t−m})² over the training part. The M5
     * definition uses m = 1.
     */
    public static double rmsseScale(double[] insample, int seasonalPeriod) {
        checkPeriod(seasonalPeriod);
        double sum = 0;
        int count = 0;
        for (int t = seasonalPeriod; t < insample.length; t++) {
            double d = insample[t] - insample[t - seasonalPeriod];
            if (Double.isNaN(d)) continue;
            sum += d * d;
            count++;
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Root mean squared scaled error: √(mean (y−f)² / {@link #rmsseScale(double[], int)}). */
    public static double rmsse(double[] actual, double[] forecast, double[] insample, int seasonalPeriod) {
        checkLengths(actual, forecast);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < actual.length; i++) {
            if (Double.isNaN(actual[i])) continue;
            double d = actual[i] - forecast[i];
            sum += d * d;
            count++;
        }
        return count == 0 ? Double.NaN : Math.sqrt(sum / count / rmsseScale(insample, seasonalPeriod));
    }

    /** Weighted absolute percentage error in percent: 100·Σ|y−f| / Σ|y|. */
    public static double wape(double[] actual, double[] forecast) {
        checkLengths(actual, forecast);
        double errors = 0;
        double totals = 0;
        for (int i = 0; i < actual.length; i++) {
            if (Double.isNaN(actual[i])) continue;
            errors += Math.abs(actual[i] - forecast[i]);
            totals += Math.abs(actual[i]);
        }
        return totals == 0 ? Double.NaN : 100 * errors / totals;
    }

    /** Mean error f − y: positive when the forecast is too high (over-forecast). */
    public static double bias(double[] actual, double[] forecast) {
        checkLengths(actual, forecast);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < actual.length; i++) {
            if (Double.isNaN(actual[i])) continue;
            sum += forecast[i] - actual[i];
            count++;
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * Mean pinball (quantile) loss of quantile forecasts at level τ: (y−q)·τ when y ≥ q, else
     * (q−y)·(1−τ).
     */
    public static double pinball(double[] actual, double[] quantile, double level) {
        checkLengths(actual, quantile);
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("pinball level was " + level + "; expected a value in (0, 1)");
        }
        double sum = 0;
        int count = 0;
        for (int i = 0; i < actual.length; i++) {
            if (Double.isNaN(actual[i])) continue;
            double d = actual[i] - quantile[i];
            sum += d >= 0 ? level * d : (level - 1) * d;
            count++;
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * Mean scaled interval score (M4): mean of (U−L) + (2/a)(L−y)·1{y&lt;L} + (2/a)(y−U)·1{y&gt;U},
     * divided by the MASE scale. {@code a} is the miss rate: 0.05 for 95% intervals.
     */
    public static double msis(double[] actual, double[] lower, double[] upper, double[] insample,
            int seasonalPeriod, double a) {
        checkLengths(actual, lower);
        checkLengths(actual, upper);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < actual.length; i++) {
            double y = actual[i];
            if (Double.isNaN(y)) continue;
            double score = upper[i] - lower[i];
            if (y < lower[i]) score += 2 / a * (lower[i] - y);
            if (y > upper[i]) score += 2 / a * (y - upper[i]);
            sum += score;
            count++;
        }
        return count == 0 ? Double.NaN : sum / count / maseScale(insample, seasonalPeriod);
    }

    /** Share of usable steps with lower ≤ y ≤ upper, in [0, 1]. */
    public static double coverage(double[] actual, double[] lower, double[] upper) {
        checkLengths(actual, lower);
        checkLengths(actual, upper);
        int inside = 0;
        int count = 0;
        for (int i = 0; i < actual.length; i++) {
            if (Double.isNaN(actual[i])) continue;
            if (actual[i] >= lower[i] && actual[i] <= upper[i]) inside++;
            count++;
        }
        return count == 0 ? Double.NaN : (double) inside / count;
    }

    /**
     * Overall weighted average (M4): ½·(sMAPE/sMAPE_Naive2 + MASE/MASE_Naive2), from values already
     * averaged over all series of a set.
     */
    public static double owa(double smape, double mase, double smapeNaive2, double maseNaive2) {
        return 0.5 * (smape / smapeNaive2 + mase / maseNaive2);
    }

    private static void checkLengths(double[] actual, double[] other) {
        if (actual.length != other.length) {
            throw new IllegalArgumentException("actual values have " + actual.length + " steps, forecasts "
                    + other.length + "; expected equal lengths");
        }
    }

    private static void checkPeriod(int seasonalPeriod) {
        if (seasonalPeriod < 1) {
            throw new IllegalArgumentException("seasonal period was " + seasonalPeriod + "; expected an integer >= 1");
        }
    }
}
