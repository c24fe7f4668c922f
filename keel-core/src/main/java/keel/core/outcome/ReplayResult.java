package keel.core.outcome;

import java.util.List;

/**
 * The attribution of one decision by target-level replay (DECISIONS §4, "Recommended").
 *
 * @param review               index of the review replayed
 * @param actualQuantity       what was actually ordered there
 * @param alternativeQuantity  what the replay ordered instead
 * @param fromPeriod           first period of the span compared (the review's period)
 * @param periods              length of the span: until the paths merged, or {@code H = 4(R + L)}, or the
 *                             end of the demand data
 * @param merged               whether the two stock states coincided (then later costs are identical)
 * @param actualCost           actual cost over the span, money, including any terminal charge
 * @param alternativeCost      alternative's cost over the span, money, including any terminal charge
 * @param terminalCharge       when not merged, {@code h·|ΔIP|} charged to the path holding more stock at the
 *                             end of the span; 0 when merged
 * @param alternativePeriods   the alternative path's periods over the span
 */
public record ReplayResult(int review, double actualQuantity, double alternativeQuantity, int fromPeriod, int periods,
        boolean merged, double actualCost, double alternativeCost, double terminalCharge,
        List<PeriodOutcome> alternativePeriods) {

    public ReplayResult {
        alternativePeriods = List.copyOf(alternativePeriods);
    }

    /**
     * {@code cost(alternative) − cost(actual)}: money the actual action saved against the alternative. With the
     * system's quantity as the alternative this is the Decision Value Added of the override; positive means the
     * override paid.
     */
    public double valueOfActual() {
        return alternativeCost - actualCost;
    }
}
