package keel.core.policy;

import java.util.Locale;

/**
 * The declared costs and constraints of a replenishment decision: what a unit short costs against what a
 * unit left over costs, and the rules an order must follow.
 *
 * <p>All costs are money per unit in the decision type's currency; periods are the decision type's base
 * period (a day, a week). The critical fractile {@code α = p / (p + h)} follows from the costs; when the
 * business states a service target instead, {@link #forServiceLevel} derives {@code p = h·α / (1 − α)}.
 *
 * @param unitCost      purchase cost per unit, {@code >= 0}; used for order value, not for the optimum
 * @param holdingCost   {@code h}, cost of holding one unit for one period, {@code > 0}
 * @param shortageCost  {@code p}, cost per unit short: per unit lost (lost sales) or per unit per period
 *                      backordered (backorders), {@code > 0}
 * @param unmetDemand   whether unmet demand is lost or waits
 * @param leadTime      {@code L}, periods from order to receipt, {@code >= 0}
 * @param reviewPeriod  {@code R}, periods between reviews, {@code >= 1}
 * @param packSize      orders are whole multiples of this, {@code >= 1}
 * @param minimumOrder  smallest positive order (MOQ), {@code >= 0}; 0 means none
 */
public record Tradeoff(double unitCost, double holdingCost, double shortageCost, UnmetDemand unmetDemand,
        int leadTime, int reviewPeriod, int packSize, int minimumOrder) {

    public Tradeoff {
        require("unitCost", unitCost, Double.isFinite(unitCost) && unitCost >= 0, "a finite cost >= 0");
        require("holdingCost", holdingCost, Double.isFinite(holdingCost) && holdingCost > 0,
                "a finite cost per unit per period > 0");
        require("shortageCost", shortageCost, Double.isFinite(shortageCost) && shortageCost > 0,
                "a finite cost per unit short > 0");
        if (unmetDemand == null) {
            throw new IllegalArgumentException("tradeoff.unmetDemand is missing; expected LOST_SALES or BACKORDERS");
        }
        require("leadTime", leadTime, leadTime >= 0, "a whole number of periods >= 0");
        require("reviewPeriod", reviewPeriod, reviewPeriod >= 1, "a whole number of periods >= 1");
        require("packSize", packSize, packSize >= 1, "a whole number of units >= 1");
        require("minimumOrder", minimumOrder, minimumOrder >= 0, "a whole number of units >= 0");
    }

    /** Backorders, no lead time, review every period, no pack or MOQ, unit cost 0. */
    public static Tradeoff of(double holdingCost, double shortageCost) {
        return new Tradeoff(0, holdingCost, shortageCost, UnmetDemand.BACKORDERS, 0, 1, 1, 0);
    }

    /**
     * A tradeoff stated as a cycle service target {@code α} in (0, 1): the shortage cost is derived as
     * {@code h·α / (1 − α)} so that the critical fractile equals {@code α}.
     */
    public static Tradeoff forServiceLevel(double holdingCost, double serviceLevel) {
        require("serviceLevel", serviceLevel, serviceLevel > 0 && serviceLevel < 1, "a probability in (0, 1)");
        return of(holdingCost, holdingCost * serviceLevel / (1 - serviceLevel));
    }

    public Tradeoff withUnitCost(double value) {
        return new Tradeoff(value, holdingCost, shortageCost, unmetDemand, leadTime, reviewPeriod, packSize,
                minimumOrder);
    }

    public Tradeoff withUnmetDemand(UnmetDemand value) {
        return new Tradeoff(unitCost, holdingCost, shortageCost, value, leadTime, reviewPeriod, packSize,
                minimumOrder);
    }

    public Tradeoff withLeadTime(int periods) {
        return new Tradeoff(unitCost, holdingCost, shortageCost, unmetDemand, periods, reviewPeriod, packSize,
                minimumOrder);
    }

    public Tradeoff withReviewPeriod(int periods) {
        return new Tradeoff(unitCost, holdingCost, shortageCost, unmetDemand, leadTime, periods, packSize,
                minimumOrder);
    }

    public Tradeoff withPack(int packSize, int minimumOrder) {
        return new Tradeoff(unitCost, holdingCost, shortageCost, unmetDemand, leadTime, reviewPeriod, packSize,
                minimumOrder);
    }

    /** {@code α = p / (p + h)}: the probability of covering demand that minimises expected cost. */
    public double criticalFractile() {
        return shortageCost / (shortageCost + holdingCost);
    }

    /** {@code R + L}: the periods one order must cover (DECISIONS §2, timing convention). */
    public int protectionInterval() {
        return reviewPeriod + leadTime;
    }

    /** Whether {@code quantity} is 0 or a pack multiple at or above the minimum order. */
    public boolean isFeasible(long quantity) {
        return quantity == 0 || (quantity > 0 && quantity % packSize == 0 && quantity >= minimumOrder);
    }

    /** The largest feasible quantity at or below {@code quantity} (0 when the minimum order binds). */
    public long feasibleAtOrBelow(double quantity) {
        long packs = (long) Math.floor(quantity / packSize + 1e-9);
        long q = Math.max(0, packs) * packSize;
        return q >= smallestPositiveOrder() ? q : 0;
    }

    /** The smallest feasible quantity at or above {@code quantity}; 0 for {@code quantity <= 0}. */
    public long feasibleAtOrAbove(double quantity) {
        if (quantity <= 1e-9) return 0;
        long q = (long) Math.ceil(quantity / packSize - 1e-9) * packSize;
        return Math.max(q, smallestPositiveOrder());
    }

    /** The smallest positive feasible order: the minimum order rounded up to a pack multiple. */
    public long smallestPositiveOrder() {
        long packs = Math.max(1, (minimumOrder + packSize - 1) / packSize);
        return packs * packSize;
    }

    private static void require(String field, double value, boolean ok, String expected) {
        if (!ok) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "tradeoff.%s was %s; expected %s",
                    field, value == Math.rint(value) && Math.abs(value) < 1e15
                            ? Long.toString((long) value) : Double.toString(value), expected));
        }
    }
}
