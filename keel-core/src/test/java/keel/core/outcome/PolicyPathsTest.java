package keel.core.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import keel.core.policy.Tradeoff;
import keel.core.policy.UnmetDemand;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PolicyPathsTest {

    @Test
    void each_policy_runs_on_its_own_state_from_the_common_start() {
        Tradeoff tradeoff = Tradeoff.of(1, 9).withReviewPeriod(2).withLeadTime(1).withUnmetDemand(UnmetDemand.LOST_SALES);
        double[] demand = {6, 4, 7, 5, 6, 6, 3, 8};
        Map<String, OrderRule> rules = new LinkedHashMap<>();
        rules.put("always system", OrderRule.upTo(new double[] {20, 20, 20, 20}, tradeoff));
        rules.put("always naive", OrderRule.upTo(new double[] {12, 12, 12, 12}, tradeoff));
        rules.put("recorded finals", OrderRule.quantities(new double[] {10, 10, 10, 10}));

        Map<String, InventoryPath> paths = PolicyPaths.compare(tradeoff, new InventoryState(8, 0, new double[0]), demand, rules);

        assertThat(paths).containsOnlyKeys("always system", "always naive", "recorded finals");
        assertThat(paths.get("always system").totalCost()).isLessThan(paths.get("always naive").totalCost());
        assertThat(paths.get("always naive").totalLost()).isPositive();
        assertThat(paths.get("recorded finals").periods()).extracting(PeriodOutcome::ordered)
                .containsExactly(10.0, 0.0, 10.0, 0.0, 10.0, 0.0, 10.0, 0.0);
    }
}
