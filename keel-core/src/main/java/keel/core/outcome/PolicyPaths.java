package keel.core.outcome;

import java.util.LinkedHashMap;
import java.util.Map;
import keel.core.policy.Tradeoff;

/**
 * The value scorecard's paths (DECISIONS §4): each policy run on its own state from a common start over the
 * whole window, e.g. "always system", "always naive", "recorded finals". This answers "what if we had always
 * followed X"; {@link TargetReplay} answers "was this override right".
 */
public final class PolicyPaths {
    private PolicyPaths() {}

    /** One path per named rule, in the order given, all from {@code start} against the same demand. */
    public static Map<String, InventoryPath> compare(Tradeoff tradeoff, InventoryState start, double[] demand,
            Map<String, OrderRule> rules) {
        InventorySimulation simulation = new InventorySimulation(tradeoff);
        Map<String, InventoryPath> paths = new LinkedHashMap<>();
        rules.forEach((name, rule) -> paths.put(name, simulation.run(start, demand, rule)));
        return paths;
    }
}
