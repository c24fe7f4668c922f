package keel.core.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import keel.core.outcome.DecisionValue;
import keel.core.outcome.DecisionValueReport;
import keel.core.outcome.DecisionValueReport.Dimension;
import keel.core.outcome.ValueGroup;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The qualitative targets of DECISIONS §6 on a fixed seed (Fildes, Goodwin, Lawrence & Nikolopoulos 2009). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SimulatedPlannerTest {
    private static final long SEED = 2026;
    private final PlannerScenario scenario = new PlannerScenario();
    private final List<DecisionValue> defaults = scenario.run(PlannerParameters.defaults(), SEED);

    private Map<String, ValueGroup> by(Dimension dimension) {
        return DecisionValueReport.by(defaults, dimension, SEED).stream()
                .collect(Collectors.toMap(ValueGroup::key, g -> g));
    }

    @Test
    void large_overrides_add_more_value_on_average_than_small_ones() {
        Map<String, ValueGroup> bands = by(Dimension.SIZE_BAND);

        assertThat(bands.get("over 50%").meanValue()).isGreaterThan(bands.get("under 10%").meanValue());
        assertThat(bands.get("25-50%").meanValue()).isGreaterThan(bands.get("under 10%").meanValue());
    }

    @Test
    void small_overrides_pay_off_less_than_half_the_time() {
        ValueGroup small = by(Dimension.SIZE_BAND).get("under 10%");

        assertThat(small.count()).isGreaterThan(100);
        assertThat(small.hitRate()).isLessThan(0.5);
    }

    @Test
    void upward_overrides_pay_off_less_often_than_downward_ones() {
        Map<String, ValueGroup> directions = by(Dimension.DIRECTION);

        assertThat(directions.get("up").hitRate()).isLessThan(directions.get("down").hitRate());
    }

    @Test
    void total_value_added_moves_from_negative_to_positive_as_planners_get_better_informed() {
        double none = total(0.0);
        double half = total(0.5);
        double all = total(1.0);

        assertThat(none).isNegative();
        assertThat(half).isGreaterThan(none);
        assertThat(all).isGreaterThan(half).isPositive();
    }

    @Test
    void every_override_is_labelled_as_simulated_and_uses_a_given_reason() {
        SimulatedPlanner planner = new SimulatedPlanner("p", PlannerParameters.defaults().withOverrideRate(1),
                PlannerScenario.REASONS, 5);

        for (int i = 0; i < 200; i++) {
            PlannerAction action = planner.review(new PlannerView(40, 40, 40 + i % 30, "promotion"));
            if (action instanceof PlannerAction.Override o) {
                assertThat(o.comment()).isEqualTo("simulated planner");
                assertThat(PlannerScenario.REASONS).contains(o.reasonCode());
                assertThat(o.quantity()).isNotEqualTo(40);
            }
        }
    }

    @Test
    void the_same_seed_gives_the_same_actions() {
        List<PlannerAction> first = actions(9);
        List<PlannerAction> again = actions(9);

        assertThat(again).isEqualTo(first);
        assertThat(actions(10)).isNotEqualTo(first);
    }

    @Test
    void a_planner_that_never_overrides_accepts_every_recommendation() {
        SimulatedPlanner planner = new SimulatedPlanner("p", PlannerParameters.defaults().withOverrideRate(0),
                PlannerScenario.REASONS, 1);

        assertThat(planner.review(new PlannerView(12, 10, 30, "promotion"))).isEqualTo(new PlannerAction.Accept(12));
    }

    @Test
    void after_a_big_loss_the_reaction_factor_scales_the_next_override_rate() {
        SimulatedPlanner planner = new SimulatedPlanner("p",
                PlannerParameters.defaults().withOverrideRate(0.5).withBigLossReaction(0), PlannerScenario.REASONS, 3);

        for (int i = 0; i < 50; i++) {
            planner.recordOutcome(true);

            assertThat(planner.review(new PlannerView(20, 20, 35, "promotion"))).isInstanceOf(PlannerAction.Accept.class);
        }
    }

    @Test
    void an_override_rate_above_one_is_refused() {
        assertThatThrownBy(() -> PlannerParameters.defaults().withOverrideRate(1.2))
                .hasMessage("planner.overrideRate was 1.2; expected a probability in [0, 1]");
    }

    private double total(double informedShare) {
        return scenario.run(PlannerParameters.defaults().withInformedShare(informedShare), SEED).stream()
                .mapToDouble(DecisionValue::value).sum();
    }

    private List<PlannerAction> actions(long seed) {
        SimulatedPlanner planner = new SimulatedPlanner("p", PlannerParameters.defaults(), PlannerScenario.REASONS, seed);
        return java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> planner.review(new PlannerView(30, 30, 20 + i % 25, "promotion"))).toList();
    }
}
