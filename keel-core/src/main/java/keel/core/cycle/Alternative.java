package keel.core.cycle;

/**
 * An order quantity the policy considered, with what it would be expected to cost over the
 * protection interval (review period plus lead time).
 *
 * @param label what the alternative is, e.g. "order nothing", "one pack more", "naive policy"
 * @param expectedCost expected holding plus shortage cost, in the decision type's currency
 * @param expectedLeftover expected units left over at the end of the interval
 * @param expectedShortage expected units of demand not met
 */
public record Alternative(String label, double quantity, double expectedCost, double stockoutProbability,
        double expectedLeftover, double expectedShortage) {
}
