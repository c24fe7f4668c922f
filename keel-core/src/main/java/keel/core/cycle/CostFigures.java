package keel.core.cycle;

/**
 * The declared tradeoff as it applied to one item, in money per unit.
 *
 * @param holdingCost cost of holding one unit for one period
 * @param shortageCost cost of one unit of demand not met (per period owed, when backordered)
 * @param criticalFractile {@code p / (p + h)}: the service level the costs imply
 */
public record CostFigures(String currency, double unitCost, double holdingCost, double shortageCost,
        double criticalFractile) {
}
