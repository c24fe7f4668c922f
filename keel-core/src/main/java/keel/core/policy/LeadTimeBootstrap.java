package keel.core.policy;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Bootstrap of lead-time demand for intermittent series (DECISIONS §3; Willemain, Smart &amp; Schwarz,
 * <i>International Journal of Forecasting</i> 20(3) 2004, 375–387):
 * <ol>
 *   <li>a two-state Markov chain of zero / non-zero periods is estimated from the history;
 *   <li>the occurrence sequence over the horizon is simulated from the last observed state;
 *   <li>each non-zero period draws a size from the historical non-zero values and jitters it,
 *       {@code 1 + ⌊x + Z√x⌋}, {@code Z ~ N(0, 1)}, keeping {@code x} when that is {@code <= 0};
 *   <li>the sizes are summed; this is repeated for each path.
 * </ol>
 * The totals feed {@link SamplePaths}, whose {@link SamplePaths#probabilityOfZero()} the recommendation
 * reports. A transition never observed in the history falls back to the overall share of non-zero periods.
 */
public final class LeadTimeBootstrap {
    private final double[] sizes;
    private final double nonZeroAfterZero;
    private final double nonZeroAfterNonZero;
    private final boolean lastNonZero;

    private LeadTimeBootstrap(double[] history) {
        int zeroFrom = 0;
        int zeroToNonZero = 0;
        int nonZeroFrom = 0;
        int nonZeroToNonZero = 0;
        for (int t = 1; t < history.length; t++) {
            boolean was = history[t - 1] > 0;
            boolean is = history[t] > 0;
            if (was) {
                nonZeroFrom++;
                if (is) nonZeroToNonZero++;
            } else {
                zeroFrom++;
                if (is) zeroToNonZero++;
            }
        }
        this.sizes = Arrays.stream(history).filter(x -> x > 0).toArray();
        double share = (double) sizes.length / history.length;
        this.nonZeroAfterZero = zeroFrom > 0 ? (double) zeroToNonZero / zeroFrom : share;
        this.nonZeroAfterNonZero = nonZeroFrom > 0 ? (double) nonZeroToNonZero / nonZeroFrom : share;
        this.lastNonZero = history[history.length - 1] > 0;
    }

    /** Fits the occurrence chain and size pool to a demand history, one value {@code >= 0} per period. */
    public static LeadTimeBootstrap fit(double[] history) {
        if (history.length == 0) {
            throw new IllegalArgumentException("lead-time bootstrap: empty history; expected at least one period");
        }
        for (int t = 0; t < history.length; t++) {
            if (!(history[t] >= 0) || !Double.isFinite(history[t])) {
                throw new IllegalArgumentException("lead-time bootstrap: history[" + t + "] was " + history[t]
                        + "; expected a finite demand >= 0");
            }
        }
        return new LeadTimeBootstrap(history);
    }

    /** {@code P(non-zero | previous period zero)}. */
    public double nonZeroAfterZero() { return nonZeroAfterZero; }

    /** {@code P(non-zero | previous period non-zero)}. */
    public double nonZeroAfterNonZero() { return nonZeroAfterNonZero; }

    /** {@code paths} totals of demand over the next {@code periods} periods, reproducible from {@code seed}. */
    public SamplePaths sample(int periods, int paths, long seed) {
        if (periods < 1 || paths < 1) {
            throw new IllegalArgumentException("lead-time bootstrap: periods " + periods + " and paths " + paths
                    + "; expected both >= 1");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] totals = new double[paths];
        for (int i = 0; i < paths; i++) totals[i] = onePath(periods, random);
        return new SamplePaths(totals, "Willemain bootstrap over " + periods + " periods");
    }

    private double onePath(int periods, SplittableRandom random) {
        if (sizes.length == 0) return 0;
        boolean state = lastNonZero;
        double total = 0;
        for (int t = 0; t < periods; t++) {
            state = random.nextDouble() < (state ? nonZeroAfterNonZero : nonZeroAfterZero);
            if (state) total += jittered(sizes[random.nextInt(sizes.length)], random);
        }
        return total;
    }

    private static double jittered(double x, SplittableRandom random) {
        double j = 1 + Math.floor(x + random.nextGaussian() * Math.sqrt(x));
        return j <= 0 ? x : j;
    }
}
