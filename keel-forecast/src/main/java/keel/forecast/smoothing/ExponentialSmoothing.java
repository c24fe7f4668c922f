package keel.forecast.smoothing;

/**
 * The simple exponential smoothing kernel shared by SES and the intermittent-demand methods:
 * level ℓ_t = α·y_t + (1 − α)·ℓ_{t−1}, started at the first observation ("simple" initialisation,
 * as R's {@code ses(initial = "simple")} and statsforecast's {@code ses_forecast}), so the one-step
 * errors run from the second observation on.
 *
 * <p>Every method works on the slice {@code x[from, to)} without copying. A NaN value is a missing
 * observation: the level is carried over and no error is counted. Pure functions; thread-safe.
 */
public final class ExponentialSmoothing {
    private static final double INVERSE_GOLDEN = (Math.sqrt(5.0) - 1.0) / 2.0;

    private ExponentialSmoothing() {
    }

    /**
     * Sum of squared one-step errors y_t − ℓ_{t−1} over the slice, the level starting at the first
     * non-missing value.
     *
     * @return the SSE; 0 when the slice holds fewer than two non-missing values
     */
    public static double sse(double[] x, int from, int to, double alpha) {
        int i = firstPresent(x, from, to);
        if (i >= to) {
            return 0;
        }
        double level = x[i];
        double sse = 0;
        double complement = 1 - alpha;
        for (i++; i < to; i++) {
            double y = x[i];
            if (y == y) {
                double e = y - level;
                sse += e * e;
                level = alpha * y + complement * level;
            }
        }
        return sse;
    }

    /**
     * The level after the last observation of the slice: the flat SES forecast.
     *
     * @return NaN when every value of the slice is missing
     */
    public static double level(double[] x, int from, int to, double alpha) {
        int i = firstPresent(x, from, to);
        if (i >= to) {
            return Double.NaN;
        }
        double level = x[i];
        double complement = 1 - alpha;
        for (i++; i < to; i++) {
            double y = x[i];
            if (y == y) {
                level = alpha * y + complement * level;
            }
        }
        return level;
    }

    /**
     * The α in [lower, upper] minimising {@link #sse} by golden-section search, stopping when the
     * bracket is narrower than {@code tolerance} or the two inner values tie (a flat objective);
     * returns the middle of the final bracket. Deterministic.
     */
    public static double optimalAlpha(double[] x, int from, int to, double lower, double upper,
            double tolerance) {
        double a = lower;
        double b = upper;
        double c = b - (b - a) * INVERSE_GOLDEN;
        double d = a + (b - a) * INVERSE_GOLDEN;
        double fc = sse(x, from, to, c);
        double fd = sse(x, from, to, d);
        while (b - a >= tolerance) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - (b - a) * INVERSE_GOLDEN;
                fc = sse(x, from, to, c);
            } else if (fd < fc) {
                a = c;
                c = d;
                fc = fd;
                d = a + (b - a) * INVERSE_GOLDEN;
                fd = sse(x, from, to, d);
            } else {
                break;
            }
        }
        return (a + b) / 2;
    }

    private static int firstPresent(double[] x, int from, int to) {
        int i = from;
        while (i < to && x[i] != x[i]) {
            i++;
        }
        return i;
    }
}
