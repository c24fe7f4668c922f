package keel.core.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import keel.core.decision.DecisionType;
import keel.core.decision.TestDecisionTypes;
import keel.forecast.select.AutoForecaster;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CycleRunnerTest {
    static final LocalDate AS_OF = LocalDate.of(2011, 6, 6);
    final DecisionType type = TestDecisionTypes.weekly();

    static double[] poissonish(long seed, int n, double mean) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            v[i] = Math.floor(-mean * Math.log(1 - u) + 0.5);
        }
        return v;
    }

    static ItemInput item(String id, double[] history) {
        return new ItemInput(id, history, Map.of(), 5, Optional.empty(), List.of(), Optional.empty());
    }

    List<ItemInput> items(int n) {
        List<ItemInput> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(item("item-" + i, poissonish(i, 60, 3 + i % 7)));
        return out;
    }

    CycleResult run(List<ItemInput> items, int threads) {
        return new CycleRunner(type, AutoForecaster.withDefaults(), threads).run(AS_OF, items, List.of("batch-a"));
    }

    @Test
    void every_item_gets_a_recommendation_with_alternatives_costs_and_lineage() {
        CycleResult result = run(items(5), 1);

        assertThat(result.recommendations()).hasSize(5);
        for (Recommendation r : result.recommendations()) {
            assertThat(r.quantity() % 6).isZero();
            assertThat(r.alternatives()).extracting(Alternative::label).contains("order nothing");
            assertThat(r.alternatives()).allSatisfy(a -> assertThat(a.expectedCost()).isGreaterThanOrEqualTo(r.expectedCost() - 1e-9));
            assertThat(r.lineage().batches()).containsExactly("batch-a");
            assertThat(r.lineage().decisionTypeVersion()).isEqualTo("v1");
            assertThat(r.lineage().policyVersion()).isEqualTo(CycleRunner.POLICY_VERSION);
            assertThat(r.rationale()).isNotBlank();
            assertThat(r.costs().holdingCost()).isCloseTo(4.2 * 0.25 / 52, within(1e-12));
        }
    }

    @Test
    void an_item_that_cannot_be_forecast_falls_back_to_the_naive_policy_and_is_marked_for_review() {
        List<ItemInput> items = new ArrayList<>(items(3));
        double[] broken = new double[60];
        Arrays.fill(broken, Double.NaN);
        broken[58] = 4;
        broken[59] = 6;
        items.add(item("broken", broken));

        CycleResult result = run(items, 2);

        Recommendation r = result.recommendations().get(3);
        assertThat(r.fallbackReason()).isPresent();
        assertThat(r.reviewReasons()).anySatisfy(reason -> assertThat(reason).startsWith("fallback policy used"));
        assertThat(r.quantity()).isEqualTo(r.naiveQuantity());
        assertThat(result.recommendations().subList(0, 3)).allSatisfy(x -> assertThat(x.fallbackReason()).isEmpty());
    }

    @Test
    void a_blocked_input_makes_every_item_fall_back_with_the_reason() {
        ItemInput blocked = new ItemInput("x", poissonish(1, 60, 4), Map.of(), 0, Optional.empty(), List.of(),
                Optional.of("sales file was not a CSV"));

        Recommendation r = run(List.of(blocked), 1).recommendations().get(0);

        assertThat(r.fallbackReason()).contains("input blocked: sales file was not a CSV");
        assertThat(r.needsReview()).isTrue();
    }

    @Test
    void a_failure_outside_the_forecast_still_yields_a_held_recommendation_not_a_failed_cycle() {
        DecisionType perItemCost = TestDecisionTypes.weeklyWith("unitCost", Map.of("catalogColumn", "unit_price"));
        ItemInput noPrice = item("no-price", poissonish(3, 60, 4));

        CycleResult result = new CycleRunner(perItemCost, AutoForecaster.withDefaults(), 1)
                .run(AS_OF, List.of(noPrice), List.of());

        Recommendation r = result.recommendations().get(0);
        assertThat(r.quantity()).isZero();
        assertThat(r.fallbackReason().orElseThrow()).contains("unit_price");
        assertThat(r.needsReview()).isTrue();
    }

    @Test
    void the_result_does_not_depend_on_the_number_of_threads() {
        List<ItemInput> items = items(24);

        CycleResult one = run(items, 1);
        CycleResult four = run(items, 4);

        assertThat(four.recommendations()).isEqualTo(one.recommendations());
    }

    @Test
    void the_same_decision_type_date_and_batches_give_the_same_cycle_id_in_any_batch_order() {
        assertThat(CycleRunner.cycleId(type, AS_OF, List.of("b", "a")))
                .isEqualTo(CycleRunner.cycleId(type, AS_OF, List.of("a", "b")))
                .isNotEqualTo(CycleRunner.cycleId(type, AS_OF.plusDays(7), List.of("a", "b")));
    }

    @Test
    void the_naive_policy_orders_up_to_its_safety_factor_times_recent_mean_demand() {
        CycleRunner runner = new CycleRunner(type, AutoForecaster.withDefaults(), 1);

        double target = runner.naiveTarget(new double[] {100, 2, 4, 6, 8});

        assertThat(target).isCloseTo(1.2 * 5 * 2, within(1e-12));
    }
}
