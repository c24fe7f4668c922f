package keel.core.policy;

import java.util.Locale;

/**
 * The demand distribution implied by forecast quantiles {@code q_1..q_K} at levels {@code τ_1 < … < τ_K}
 * (DECISIONS §1, "From forecast quantiles"; piecewise-linear quantile functions after Gasthaus et al.,
 * AISTATS 2019).
 *
 * <ol>
 *   <li>values are made non-decreasing by a running maximum ({@link #crossingsRepaired()} counts repairs);
 *   <li>between knots the cdf is linear: {@code [q_k, q_{k+1}]} holds mass {@code τ_{k+1} − τ_k} uniformly;
 *   <li>lower tail: mass {@code τ_1} uniform on {@code [q_0, q_1]},
 *       {@code q_0 = max(0, q_1 − (q_2 − q_1)·τ_1/(τ_2 − τ_1))};
 *   <li>upper tail: {@code P(D > x) = (1 − τ_K)·exp(−(x − q_K)/θ)},
 *       {@code θ = (q_K − q_{K−1}) / ln((1 − τ_{K−1})/(1 − τ_K))}; when {@code θ = 0} the tail is a point mass
 *       at {@code q_K}.
 * </ol>
 * Shortage is closed form per piece, so {@code n(S)} costs {@code O(K)}.
 */
public final class QuantileDemand implements DemandDistribution {
    private final double[] levels;
    private final double[] knots;
    private final double lowest;
    private final double theta;
    private final double mean;
    private final int crossingsRepaired;

    QuantileDemand(double[] levels, double[] values) {
        validate(levels, values);
        this.levels = levels.clone();
        this.knots = values.clone();
        int crossings = 0;
        for (int i = 1; i < knots.length; i++) {
            if (knots[i] < knots[i - 1]) {
                knots[i] = knots[i - 1];
                crossings++;
            }
        }
        this.crossingsRepaired = crossings;
        int k = knots.length - 1;
        this.lowest = Math.max(0, knots[0] - (knots[1] - knots[0]) * levels[0] / (levels[1] - levels[0]));
        this.theta = (knots[k] - knots[k - 1]) / Math.log((1 - levels[k - 1]) / (1 - levels[k]));
        double m = levels[0] * (lowest + knots[0]) / 2;
        for (int i = 0; i < k; i++) {
            m += (levels[i + 1] - levels[i]) * (knots[i] + knots[i + 1]) / 2;
        }
        this.mean = m + (1 - levels[k]) * (knots[k] + theta);
    }

    private static void validate(double[] levels, double[] values) {
        if (levels.length < 2 || levels.length != values.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "quantile demand: %d levels and %d values; expected two or more of each, equally many",
                    levels.length, values.length));
        }
        for (int i = 0; i < levels.length; i++) {
            if (!(levels[i] > 0 && levels[i] < 1) || (i > 0 && levels[i] <= levels[i - 1])) {
                throw new IllegalArgumentException("quantile demand: level " + i + " was " + levels[i]
                        + "; expected levels strictly increasing in (0, 1)");
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("quantile demand: value " + i + " was " + values[i]
                        + "; expected a finite number");
            }
        }
    }

    /** How many quantile values were below their predecessor and raised to it (a forecaster bug). */
    public int crossingsRepaired() { return crossingsRepaired; }

    /** The exponential tail's scale {@code θ}, in units of demand. */
    public double tailScale() { return theta; }

    /** {@code q_0}, the lower end of the support. */
    public double lowerBound() { return lowest; }

    @Override public double mean() { return mean; }

    @Override
    public double cdf(double x) {
        int k = knots.length - 1;
        if (x >= knots[k]) {
            return theta == 0 ? 1 : 1 - (1 - levels[k]) * Math.exp(-(x - knots[k]) / theta);
        }
        if (x < knots[0]) {
            if (x < lowest) return 0;
            return levels[0] * (x - lowest) / (knots[0] - lowest);
        }
        int i = 0;
        while (x >= knots[i + 1]) i++;
        double width = knots[i + 1] - knots[i];
        return levels[i] + (levels[i + 1] - levels[i]) * (x - knots[i]) / width;
    }

    @Override
    public double quantile(double alpha) {
        Alphas.check(alpha);
        int k = knots.length - 1;
        if (alpha > levels[k]) return knots[k] + theta * Math.log((1 - levels[k]) / (1 - alpha));
        if (alpha <= levels[0]) return lowest + (knots[0] - lowest) * alpha / levels[0];
        int i = 0;
        while (alpha > levels[i + 1]) i++;
        return knots[i] + (knots[i + 1] - knots[i]) * (alpha - levels[i]) / (levels[i + 1] - levels[i]);
    }

    @Override
    public double expectedShortage(double level) {
        double n = uniformShortage(lowest, knots[0], levels[0], level);
        int k = knots.length - 1;
        for (int i = 0; i < k; i++) {
            n += uniformShortage(knots[i], knots[i + 1], levels[i + 1] - levels[i], level);
        }
        double tail = 1 - levels[k];
        if (level >= knots[k]) {
            return n + (theta == 0 ? 0 : tail * theta * Math.exp(-(level - knots[k]) / theta));
        }
        return n + tail * (knots[k] + theta - level);
    }

    /** A uniform piece {@code [a, b]} of mass {@code w}: its share of {@code E[(D − S)+]}. */
    private static double uniformShortage(double a, double b, double w, double s) {
        if (s >= b) return 0;
        if (s <= a) return w * ((a + b) / 2 - s);
        return w * (b - s) * (b - s) / (2 * (b - a));
    }

    @Override public boolean isDiscrete() { return false; }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "forecast quantiles (%d levels %.3f–%.3f, exponential tail θ %.2f)",
                levels.length, levels[0], levels[levels.length - 1], theta);
    }
}
