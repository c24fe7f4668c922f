package keel.core.policy;

import java.util.List;

/**
 * Service measures of an order-up-to level (DECISIONS §2). They differ a lot; the screen names which one it
 * shows. Cycle service level {@code CSL = P(D_{R+L} ≤ S)}; fill rate from the expected shortage per
 * replenishment cycle {@code ESPRC = n_{R+L}(S) − n_L(S)}; ready rate, the share of periods ending with stock.
 * Silver, Pyke &amp; Thomas (2017), ch. 6.
 */
public final class ServiceLevels {
    private ServiceLevels() {}

    /** {@code CSL = P(D_{R+L} ≤ S)}. */
    public static double cycleServiceLevel(DemandDistribution demandOverProtection, double level) {
        return demandOverProtection.cdf(level);
    }

    /** {@code ESPRC = n_{R+L}(S) − n_L(S)}: expected units short per replenishment cycle. */
    public static double expectedShortagePerCycle(DemandDistribution demandOverProtection,
            DemandDistribution demandOverLeadTime, double level) {
        return demandOverProtection.expectedShortage(level) - demandOverLeadTime.expectedShortage(level);
    }

    /**
     * Fill rate {@code β}: {@code 1 − ESPRC/E[D_R]} under backorders, {@code 1 − ESPRC/(E[D_R] + ESPRC)} under
     * lost sales (an approximation). {@code meanDemandPerCycle} is {@code E[D_R]} and must be {@code > 0}.
     */
    public static double fillRate(double expectedShortagePerCycle, double meanDemandPerCycle, UnmetDemand unmet) {
        if (!(meanDemandPerCycle > 0)) {
            throw new IllegalArgumentException("fill rate: mean demand per cycle was " + meanDemandPerCycle
                    + "; expected a number > 0");
        }
        double esprc = expectedShortagePerCycle;
        return unmet == UnmetDemand.BACKORDERS ? 1 - esprc / meanDemandPerCycle
                : 1 - esprc / (meanDemandPerCycle + esprc);
    }

    /**
     * Ready rate {@code (1/R)·Σ_{j=1..R} P(D_{L+j} < S)}: pass the distributions of demand over
     * {@code L+1, …, L+R} periods in order.
     */
    public static double readyRate(List<DemandDistribution> demandOverLeadTimePlusJ, double level) {
        if (demandOverLeadTimePlusJ.isEmpty()) {
            throw new IllegalArgumentException("ready rate: no distributions; expected one for each of the R periods");
        }
        double sum = 0;
        for (DemandDistribution d : demandOverLeadTimePlusJ) sum += d.cdf(level);
        return sum / demandOverLeadTimePlusJ.size();
    }

    /**
     * Normal demand: the safety factor {@code k} with {@code σ_{R+L}·𝓛(k) = (1 − β)·E[D_R]}, i.e. the level
     * {@code S = μ_{R+L} + k·σ_{R+L}} that meets fill-rate target {@code β} under backorders, ignoring the
     * (usually negligible) shortage already present when the order arrives.
     */
    public static double normalSafetyFactorForFillRate(double fillRate, double sdOverProtection,
            double meanDemandPerCycle) {
        if (!(fillRate > 0 && fillRate < 1) || !(sdOverProtection > 0) || !(meanDemandPerCycle > 0)) {
            throw new IllegalArgumentException("fill-rate safety factor: fill rate " + fillRate + ", sd "
                    + sdOverProtection + ", mean per cycle " + meanDemandPerCycle
                    + "; expected a fill rate in (0, 1) and positive sd and mean");
        }
        double target = (1 - fillRate) * meanDemandPerCycle / sdOverProtection;
        double lo = -40;
        double hi = 40;
        for (int i = 0; i < 200 && hi - lo > 1e-13; i++) {
            double mid = (lo + hi) / 2;
            if (StandardNormal.loss(mid) > target) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }

    /** The standard normal loss function {@code 𝓛(z) = φ(z) − z(1 − Φ(z))}. */
    public static double standardNormalLoss(double z) {
        return StandardNormal.loss(z);
    }
}
