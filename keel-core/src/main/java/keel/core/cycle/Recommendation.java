package keel.core.cycle;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What Keel recommends for one item in one cycle, with everything an owner needs to trust it or
 * disagree with it: the expected cost and its parts, the alternatives it beat, the risk, the reason
 * in words, and where every figure came from.
 *
 * @param id {@code cycleId/item}
 * @param quantity recommended order quantity, in units
 * @param orderUpTo the policy's order-up-to level S (before pack and minimum-order rounding); for the
 *     fallback policy, the naive target
 * @param inventoryPosition on hand plus on order minus backorders when the cycle ran
 * @param expectedCost expected holding plus shortage cost over the protection interval of ordering {@code quantity}
 * @param naiveQuantity what the naive policy would order
 * @param costs the declared tradeoff as it applied to this item
 * @param fallbackReason why the fallback policy acted instead of the model, when it did
 * @param reviewReasons why this needs a person; empty means touchless
 */
public record Recommendation(String id, String cycleId, String decisionType, String item, String location,
        LocalDate asOf, double quantity, double orderUpTo, double inventoryPosition, double expectedCost,
        double stockoutProbability, double expectedLeftover, double expectedShortage, double naiveQuantity,
        List<Alternative> alternatives, ForecastSummary forecast, String rationale, Lineage lineage,
        CostFigures costs, Optional<String> fallbackReason, List<String> reviewReasons) {

    public Recommendation {
        alternatives = List.copyOf(alternatives);
        reviewReasons = List.copyOf(reviewReasons);
        if (!(quantity >= 0)) throw new IllegalArgumentException(id + ": quantity " + quantity + "; expected >= 0");
    }

    public boolean needsReview() {
        return !reviewReasons.isEmpty();
    }
}
