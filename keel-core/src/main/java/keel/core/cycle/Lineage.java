package keel.core.cycle;

import java.util.List;
import java.util.Map;

/**
 * Exactly what made a recommendation: the input batches (content hashes), the decision type's
 * version, the forecaster and its fitted parameters, and the policy's version.
 */
public record Lineage(List<String> batches, String decisionTypeVersion, String forecaster,
        Map<String, Double> parameters, String policyVersion) {
    public Lineage {
        batches = List.copyOf(batches);
        parameters = Map.copyOf(parameters);
    }
}
