package keel.store.jdbc;

/**
 * What a decision cost once its demand was known: for the final action, the system's recommendation
 * and the naive policy, all scored with the decision type's own cost function.
 *
 * @param payload details as JSON (replay span, units short and left over per action, assumptions)
 */
public record OutcomeRecord(String recommendationId, double actualDemand, double costFinal, double costSystem,
        double costNaive, String payload) {
}
