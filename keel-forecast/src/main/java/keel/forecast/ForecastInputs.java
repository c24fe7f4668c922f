package keel.forecast;

/**
 * Argument checks and small helpers shared by the forecasters, so that they reject bad input with
 * the same messages.
 */
public final class ForecastInputs {
    private ForecastInputs() {
    }

    /**
     * Checks the arguments of {@link Forecaster#forecast} and returns a copy of the observations.
     *
     * @return the observations, oldest first; NaN marks a missing value
     * @throws IllegalArgumentException if the horizon is below 1 or the levels are not strictly
     *     increasing values in (0, 1)
     * @throws ForecastException if an observation is infinite (the model cannot use it)
     */
    public static double[] checkedValues(Series series, int horizon, double[] levels) {
        if (horizon < 1) {
            throw new IllegalArgumentException("series " + series.id() + ": horizon was " + horizon
                    + "; expected an integer >= 1");
        }
        for (int i = 0; i < levels.length; i++) {
            if (!(levels[i] > 0 && levels[i] < 1) || (i > 0 && !(levels[i] > levels[i - 1]))) {
                throw new IllegalArgumentException("series " + series.id() + ": quantile levels "
                        + java.util.Arrays.toString(levels) + "; expected strictly increasing values in (0, 1)");
            }
        }
        double[] values = series.values();
        for (int i = 0; i < values.length; i++) {
            if (Double.isInfinite(values[i])) {
                throw new ForecastException(series.id(), "value at index " + i + " is " + values[i]
                        + "; expected a finite number, or NaN for a missing value");
            }
        }
        return values;
    }

    /** The number of non-missing (non-NaN) values. */
    public static int countPresent(double[] values) {
        int count = 0;
        for (double v : values) {
            if (v == v) {
                count++;
            }
        }
        return count;
    }

    /** The non-missing values in their order (a copy without the NaNs). */
    public static double[] present(double[] values) {
        double[] out = new double[countPresent(values)];
        int j = 0;
        for (double v : values) {
            if (v == v) {
                out[j++] = v;
            }
        }
        return out;
    }

    /**
     * Whether the non-missing values look like counts: every one a whole number &gt;= 0 (within
     * 1e-9). An empty or all-missing array counts as counts.
     */
    public static boolean isCounts(double[] values) {
        for (double v : values) {
            if (v == v && (v < 0 || Math.abs(v - Math.rint(v)) > 1e-9)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Quantile rows [level][step] of normal distributions with the given means and standard
     * deviations per step.
     */
    public static double[][] normalQuantiles(double[] mean, double[] sd, double[] levels) {
        double[][] q = new double[levels.length][mean.length];
        for (int i = 0; i < levels.length; i++) {
            double z = Distributions.normalQuantile(levels[i]);
            for (int h = 0; h < mean.length; h++) {
                q[i][h] = sd[h] > 0 ? mean[h] + z * sd[h] : mean[h];
            }
        }
        return q;
    }

    /** A point forecast repeated over the horizon. */
    public static double[] flat(double value, int horizon) {
        double[] out = new double[horizon];
        java.util.Arrays.fill(out, value);
        return out;
    }

    private static final long[] POW10 = {1, 10, 100, 1000, 10000, 100000, 1000000};

    /**
     * A number for descriptions, to 4 significant digits without trailing zeros ("2.28", "0.2400",
     * "1235"), cheap enough for inner loops (no {@link String#format}). Very large or small magnitudes
     * use scientific notation.
     */
    public static String shortNumber(double value) {
        double a = Math.abs(value);
        if (!Double.isFinite(value) || a >= 1e9 || (a < 1e-3 && a > 0)) {
            return String.format(java.util.Locale.ROOT, "%.3e", value);
        }
        if (a == 0) {
            return "0";
        }
        int decimals = Math.max(0, Math.min(6, 3 - (int) Math.floor(Math.log10(a))));
        long scaled = Math.round(a * POW10[decimals]);
        StringBuilder s = new StringBuilder(16);
        if (value < 0) {
            s.append('-');
        }
        s.append(scaled / POW10[decimals]);
        long fraction = scaled % POW10[decimals];
        if (fraction != 0) {
            s.append('.');
            String digits = Long.toString(fraction + POW10[decimals]).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            s.append(digits, 0, end);
        }
        return s.toString();
    }

    /**
     * Σ_j c_j² for the error of the total over {@code horizon} steps of a local-level model
     * (ETS(A,N,N); α = 1 is the random walk), forecast {@code gap} periods after the last
     * observation: the innovation of future period j counts once in its own step and α times in
     * every later step, so c_j = 1{j > gap} + α·(number of steps after j). Times σ² this is the
     * variance of the total.
     */
    public static double levelTotalWeights(int horizon, int gap, double alpha) {
        double sum = 0;
        for (int j = 1; j <= gap + horizon; j++) {
            int later = horizon - Math.max(0, j - gap);
            double c = (j > gap ? 1 : 0) + alpha * later;
            sum += c * c;
        }
        return sum;
    }
}
