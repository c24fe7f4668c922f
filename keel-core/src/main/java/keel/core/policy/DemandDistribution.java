package keel.core.policy;

/**
 * The distribution of demand over one horizon (for an order-up-to decision, the protection interval
 * {@code R + L}), with the loss functions the newsvendor needs.
 *
 * <p>Notation of DECISIONS §1: {@code n(S) = E[(D − S)+]} is the expected shortage and
 * {@code n̄(S) = E[(S − D)+] = S − E[D] + n(S)} the expected leftover at stock level {@code S}.
 * All methods are cheap (closed form or a table look-up), so that a recommendation takes microseconds.
 *
 * <p>Make one with the factories: {@link #normal}, {@link #poisson}, {@link #negativeBinomial},
 * {@link #fromPmf}, {@link #fromQuantiles}, {@link #samplePaths}; from a forecast with
 * {@link ForecastDemand#total}; for intermittent series with {@link LeadTimeBootstrap}.
 */
public sealed interface DemandDistribution permits NormalDemand, DiscreteDemand, QuantileDemand, SamplePaths {

    /** {@code E[D]}, in units. */
    double mean();

    /** {@code P(D ≤ x)}. */
    double cdf(double x);

    /**
     * The smallest {@code x} with {@code P(D ≤ x) ≥ α}: an integer for discrete distributions, the order
     * statistic {@code d_(⌈Nα⌉)} for sample paths. {@code α} must lie in (0, 1).
     */
    double quantile(double alpha);

    /** {@code n(S) = E[(D − S)+]}, expected units short at stock level {@code S}. */
    double expectedShortage(double level);

    /** {@code n̄(S) = E[(S − D)+]}, expected units left over at stock level {@code S}. */
    default double expectedLeftover(double level) {
        return Math.max(0, level - mean() + expectedShortage(level));
    }

    /**
     * {@code E[D | D ≥ sales]}: the upper end of demand in a period that stocked out after selling
     * {@code sales} (censored demand, DECISIONS §4; Nahmias, NRL 41, 1994). Computed as
     * {@code s + n(s)/P(D ≥ s)}; returns {@code sales} when {@code P(D ≥ sales)} is 0.
     */
    default double meanGivenAtLeast(double sales) {
        double atLeast = isDiscrete() ? 1 - cdf(Math.ceil(sales) - 1) : 1 - cdf(sales);
        if (!(atLeast > 0)) return sales;
        return sales + expectedShortage(sales) / atLeast;
    }

    /** Whether demand takes whole values only (then optimal levels are integers). */
    boolean isDiscrete();

    /** In words, for the recommendation's rationale: e.g. {@code "normal(mean 120.0, sd 10.0)"}. */
    String description();

    /** Normal demand {@code N(mean, sd²)}; {@code sd = 0} is a point mass at the mean. */
    static DemandDistribution normal(double mean, double sd) {
        return new NormalDemand(mean, sd);
    }

    /** Poisson demand with the given mean {@code > 0} (a mean of 0 gives demand 0 always). */
    static DemandDistribution poisson(double mean) {
        return DiscreteDemand.poisson(mean);
    }

    /**
     * Negative binomial demand fitted by moments (DECISIONS §3): {@code r = μ²/(σ² − μ)},
     * success probability {@code μ/σ²}. When {@code variance <= mean} the NB does not exist and this returns
     * a Poisson with the same mean, whose description says so.
     */
    static DemandDistribution negativeBinomial(double mean, double variance) {
        return DiscreteDemand.negativeBinomial(mean, variance);
    }

    /**
     * Demand on {@code 0, 1, …, pmf.length − 1} with the given probabilities (an empirical or any
     * tabulated pmf); probabilities must be {@code >= 0} and are normalised to sum to 1.
     */
    static DemandDistribution fromPmf(double[] pmf, String description) {
        return DiscreteDemand.fromPmf(pmf, description);
    }

    /**
     * The distribution implied by forecast quantiles, by the rules of DECISIONS §1: piecewise-linear cdf
     * between knots, a uniform lower tail from {@code q_0}, an exponential upper tail through the last two
     * knots. Needs at least two levels, strictly increasing in (0, 1). Crossed values are repaired by a
     * running maximum; {@link QuantileDemand#crossingsRepaired()} counts them (a forecaster bug to log).
     */
    static QuantileDemand fromQuantiles(double[] levels, double[] values) {
        return new QuantileDemand(levels, values);
    }

    /** The empirical distribution of simulated or bootstrapped demand totals, one per path. */
    static SamplePaths samplePaths(double[] totals, String description) {
        return new SamplePaths(totals, description);
    }
}
