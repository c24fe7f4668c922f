package keel.core.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Demand on the integers {@code 0..K} from a probability table (Poisson, negative binomial, any pmf).
 *
 * <p>Design: the table is built once, with prefix sums of the cdf and suffix sums of {@code P(D > k)} and
 * {@code E[D; D > k]}, so that {@code n(S) = E[D; D > k] − S·P(D > k)} with {@code k = ⌊S⌋} is one look-up
 * and the quantile one binary search. Suffix sums avoid the cancellation of {@code μ − Σ_{d≤k} d f(d)} in the
 * upper tail. Poisson and NB probabilities come from the pmf ratio recurrences, walked out from the mode
 * and normalised, so no gamma function is needed and large means do not underflow. The table ends where
 * probabilities fall below 1e-18 of the mode's (beyond the mean), which costs {@code O(μ + 40σ)} to build.
 */
final class DiscreteDemand implements DemandDistribution {
    private static final int MAX_SUPPORT = 5_000_000;
    private static final double TAIL_CUTOFF = 1e-18;

    private final double[] cdf;
    private final double[] tailProbability;
    private final double[] tailMoment;
    private final double mean;
    private final Supplier<String> description;

    private DiscreteDemand(double[] pmf, Supplier<String> description) {
        int n = pmf.length;
        double total = 0;
        for (double f : pmf) total += f;
        this.cdf = new double[n];
        this.tailProbability = new double[n];
        this.tailMoment = new double[n];
        double run = 0;
        for (int k = 0; k < n; k++) {
            run += pmf[k] / total;
            cdf[k] = run;
        }
        double p = 0;
        double m = 0;
        for (int k = n - 1; k >= 0; k--) {
            tailProbability[k] = p;
            tailMoment[k] = m;
            p += pmf[k] / total;
            m += k * pmf[k] / total;
        }
        this.mean = m;
        this.description = description;
    }

    static DiscreteDemand fromPmf(double[] pmf, String description) {
        if (pmf.length == 0) {
            throw new IllegalArgumentException("pmf is empty; expected at least one probability");
        }
        double total = 0;
        for (int k = 0; k < pmf.length; k++) {
            if (!(pmf[k] >= 0) || !Double.isFinite(pmf[k])) {
                throw new IllegalArgumentException("pmf[" + k + "] was " + pmf[k] + "; expected a probability >= 0");
            }
            total += pmf[k];
        }
        if (total <= 0) throw new IllegalArgumentException("pmf sums to 0; expected a positive total");
        return new DiscreteDemand(pmf.clone(), () -> description);
    }

    static DiscreteDemand poisson(double mean) {
        requireMean(mean, "Poisson");
        Supplier<String> text = () -> String.format(Locale.ROOT, "Poisson(mean %.2f)", mean);
        if (mean == 0) return new DiscreteDemand(new double[] {1}, text);
        int mode = (int) Math.min(Math.floor(mean), MAX_SUPPORT - 1);
        return new DiscreteDemand(walk(mode, mean, k -> mean / (k + 1)), text);
    }

    static DiscreteDemand negativeBinomial(double mean, double variance) {
        requireMean(mean, "negative binomial");
        if (!(variance >= 0) || !Double.isFinite(variance)) {
            throw new IllegalArgumentException("negative binomial: variance was " + variance
                    + "; expected a finite number >= 0");
        }
        if (variance <= mean || mean == 0) {
            DiscreteDemand poisson = poisson(mean);
            return new DiscreteDemand(poisson, () -> String.format(Locale.ROOT,
                    "Poisson(mean %.2f; negative binomial needs variance > mean, was %.2f)", mean, variance));
        }
        double success = mean / variance;
        double r = mean * mean / (variance - mean);
        double fail = 1 - success;
        int mode = r > 1 ? (int) Math.min(Math.floor((r - 1) * fail / success), MAX_SUPPORT - 1) : 0;
        double[] pmf = walk(mode, mean + 40 * Math.sqrt(variance), k -> (k + r) / (k + 1) * fail);
        return new DiscreteDemand(pmf, () -> String.format(Locale.ROOT,
                "negative binomial(mean %.2f, variance %.2f; r %.3f, p %.4f)", mean, variance, r, success));
    }

    private DiscreteDemand(DiscreteDemand other, Supplier<String> description) {
        this.cdf = other.cdf;
        this.tailProbability = other.tailProbability;
        this.tailMoment = other.tailMoment;
        this.mean = other.mean;
        this.description = description;
    }

    private interface Ratio {
        /** f(k + 1) / f(k). */
        double next(int k);
    }

    /** Unnormalised pmf from the mode outwards by the ratio recurrence; see the class comment. */
    private static double[] walk(int mode, double beyond, Ratio ratio) {
        double[] up = new double[Math.max(16, mode + 16)];
        up[mode] = 1;
        for (int k = mode; k > 0; k--) {
            up[k - 1] = up[k] / ratio.next(k - 1);
            if (up[k - 1] == 0) break;
        }
        int k = mode;
        while (k + 1 < MAX_SUPPORT && (up[k] > TAIL_CUTOFF || k < beyond)) {
            if (k + 1 == up.length) up = Arrays.copyOf(up, up.length * 2);
            up[k + 1] = up[k] * ratio.next(k);
            k++;
            if (up[k] == 0) break;
        }
        return Arrays.copyOf(up, k + 1);
    }

    private static void requireMean(double mean, String name) {
        if (!(mean >= 0) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException(name + " demand: mean was " + mean + "; expected a finite number >= 0");
        }
    }

    @Override public double mean() { return mean; }

    @Override
    public double cdf(double x) {
        if (x < 0) return 0;
        if (x >= cdf.length - 1) return 1;
        return cdf[(int) Math.floor(x)];
    }

    @Override
    public double quantile(double alpha) {
        Alphas.check(alpha);
        int i = Arrays.binarySearch(cdf, alpha);
        if (i >= 0) {
            while (i > 0 && cdf[i - 1] >= alpha) i--;
            return i;
        }
        return Math.min(-i - 1, cdf.length - 1);
    }

    @Override
    public double expectedShortage(double level) {
        if (level < 0) return mean - level;
        if (level >= cdf.length - 1) return 0;
        int k = (int) Math.floor(level);
        return Math.max(0, tailMoment[k] - level * tailProbability[k]);
    }

    /** {@code P(D = k)}. */
    double pmf(int k) {
        if (k < 0 || k >= cdf.length) return 0;
        return k == 0 ? cdf[0] : cdf[k] - cdf[k - 1];
    }

    @Override public boolean isDiscrete() { return true; }

    @Override public String description() { return description.get(); }
}
