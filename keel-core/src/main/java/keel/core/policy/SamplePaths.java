package keel.core.policy;

import java.util.Arrays;
import java.util.Locale;

/**
 * The empirical distribution of {@code N} demand totals (simulated paths, a bootstrap, an ensemble):
 * DECISIONS §1, "From sample paths". {@code ĝ(S) = (1/N)Σ[h(S − d_i)+ + p(d_i − S)+]}, minimised by the order
 * statistic {@code d_(⌈Nα⌉)}, and reported with its standard error {@code sd/√N}
 * ({@link #costStandardError}). Every candidate is scored on the same paths (common random numbers).
 *
 * <p>The totals are sorted once with prefix sums of {@code d} and {@code d²}, so each evaluation is a binary
 * search.
 */
public final class SamplePaths implements DemandDistribution {
    private final double[] sorted;
    private final double[] sum;
    private final double[] sumSquares;
    private final boolean integral;
    private final String description;

    SamplePaths(double[] totals, String description) {
        if (totals.length == 0) {
            throw new IllegalArgumentException("sample paths: none given; expected at least one demand total");
        }
        this.sorted = totals.clone();
        Arrays.sort(sorted);
        this.sum = new double[sorted.length + 1];
        this.sumSquares = new double[sorted.length + 1];
        boolean whole = true;
        for (int i = 0; i < sorted.length; i++) {
            double d = sorted[i];
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("sample paths: total " + i + " was " + d + "; expected a finite number");
            }
            whole &= d == Math.rint(d);
            sum[i + 1] = sum[i] + d;
            sumSquares[i + 1] = sumSquares[i] + d * d;
        }
        this.integral = whole;
        this.description = description;
    }

    /** The number of paths {@code N}. */
    public int size() { return sorted.length; }

    @Override public double mean() { return sum[sorted.length] / sorted.length; }

    /** Share of paths with demand exactly 0: {@code P(D = 0)}, which the rationale reports for slow movers. */
    public double probabilityOfZero() {
        return (double) countAtOrBelow(0) / sorted.length - (double) countBelow(0) / sorted.length;
    }

    @Override
    public double cdf(double x) {
        return (double) countAtOrBelow(x) / sorted.length;
    }

    @Override
    public double quantile(double alpha) {
        Alphas.check(alpha);
        int rank = (int) Math.ceil(sorted.length * alpha - 1e-12);
        return sorted[Math.max(1, rank) - 1];
    }

    @Override
    public double expectedShortage(double level) {
        int i = countAtOrBelow(level);
        int n = sorted.length;
        return Math.max(0, ((sum[n] - sum[i]) - level * (n - i)) / n);
    }

    /**
     * Standard error {@code sd/√N} of the sample-average cost {@code ĝ(S)} at stock level {@code level} with
     * holding cost {@code h} and shortage cost {@code p}; 0 for a single path.
     */
    public double costStandardError(double level, double h, double p) {
        int n = sorted.length;
        if (n < 2) return 0;
        int i = countAtOrBelow(level);
        double below = i * level * level - 2 * level * sum[i] + sumSquares[i];
        double above = (sumSquares[n] - sumSquares[i]) - 2 * level * (sum[n] - sum[i]) + (n - i) * level * level;
        double meanCost = (h * (i * level - sum[i]) + p * ((sum[n] - sum[i]) - level * (n - i))) / n;
        double meanSquare = (h * h * below + p * p * above) / n;
        double variance = Math.max(0, meanSquare - meanCost * meanCost) * n / (n - 1);
        return Math.sqrt(variance / n);
    }

    private int countAtOrBelow(double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private int countBelow(double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    @Override public boolean isDiscrete() { return integral; }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "%s (%d paths, mean %.2f)", description, sorted.length, mean());
    }
}
