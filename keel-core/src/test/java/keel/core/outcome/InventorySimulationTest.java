package keel.core.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import keel.core.policy.Tradeoff;
import keel.core.policy.UnmetDemand;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InventorySimulationTest {
    private final Tradeoff lostSales = Tradeoff.of(1, 5).withLeadTime(2).withReviewPeriod(2)
            .withUnmetDemand(UnmetDemand.LOST_SALES);

    @Test
    void an_order_arrives_lead_time_periods_later_and_serves_that_periods_demand() {
        InventoryPath path = new InventorySimulation(lostSales)
                .run(new InventoryState(4, 0, new double[0]), new double[] {3, 3, 3, 3}, OrderRule.quantities(new double[] {10, 0}));

        // period 0: order 10, sell 3 of 4; 1: sell 1, lose 2; 2: 10 arrive, sell 3; 3: sell 3
        assertThat(path.periods()).extracting(PeriodOutcome::arrived).containsExactly(0.0, 0.0, 10.0, 0.0);
        assertThat(path.periods()).extracting(PeriodOutcome::lost).containsExactly(0.0, 2.0, 0.0, 0.0);
        assertThat(path.periods()).extracting(PeriodOutcome::onHandEnd).containsExactly(1.0, 0.0, 7.0, 4.0);
        assertThat(path.periods()).extracting(PeriodOutcome::ordered).containsExactly(10.0, 0.0, 0.0, 0.0);
        assertThat(path.totalCost()).isEqualTo(1 + 0 + 7 + 4 + 5 * 2);
    }

    @Test
    void backorders_are_filled_first_from_the_next_arrival_and_charged_every_period_they_wait() {
        Tradeoff backorders = lostSales.withUnmetDemand(UnmetDemand.BACKORDERS);

        InventoryPath path = new InventorySimulation(backorders)
                .run(new InventoryState(4, 0, new double[0]), new double[] {3, 3, 3, 3}, OrderRule.quantities(new double[] {10, 0}));

        assertThat(path.periods()).extracting(PeriodOutcome::backlog).containsExactly(0.0, 2.0, 0.0, 0.0);
        assertThat(path.periods()).extracting(PeriodOutcome::onHandEnd).containsExactly(1.0, 0.0, 5.0, 2.0);
        assertThat(path.periods().get(2).sales()).isEqualTo(5);
    }

    @Test
    void position_counts_pipeline_and_subtracts_backlog() {
        InventoryState state = new InventoryState(3, 5, new double[] {0, 7});

        assertThat(state.inventoryPosition()).isEqualTo(5);
    }

    @Test
    void zero_lead_time_order_serves_the_same_period() {
        InventoryPath path = new InventorySimulation(Tradeoff.of(1, 5))
                .run(InventoryState.empty(), new double[] {6}, OrderRule.quantities(new double[] {8}));

        assertThat(path.periods().get(0).sales()).isEqualTo(6);
        assertThat(path.periods().get(0).onHandEnd()).isEqualTo(2);
    }

    @Test
    void under_lost_sales_the_backorder_level_overshoots_and_a_lower_level_is_cheaper() {
        // DECISIONS §2: FoSCT Ex. 4.4 costs, R = 1, L = 4, N(50, 8) per period, 200k periods. The same
        // simulation under backorders gives 4.45-4.46 (the formula's 4.4668). Under lost sales it gives 3.347-3.364
        // at S = 249 across seeds 1, 2, 44 (minimum near S = 250): the table's 3.34 sits at the low edge of
        // that spread, so the lower level is checked at ±0.03 rather than ±0.02.
        Tradeoff tradeoff = Tradeoff.of(0.18, 0.70).withLeadTime(4).withUnmetDemand(UnmetDemand.LOST_SALES);
        SplittableRandom random = new SplittableRandom(1);
        double[] demand = new double[200_000];
        for (int i = 0; i < demand.length; i++) demand[i] = Math.max(0, 50 + 8 * random.nextGaussian());
        InventorySimulation simulation = new InventorySimulation(tradeoff);

        double atBackorderLevel = simulation.run(InventoryState.empty(), demand, upTo(264.77)).costPerPeriod();
        double atLowerLevel = simulation.run(InventoryState.empty(), demand, upTo(249)).costPerPeriod();

        assertThat(atBackorderLevel).isCloseTo(3.93, within(0.02));
        assertThat(atLowerLevel).isCloseTo(3.34, within(0.03));
        assertThat(atLowerLevel).isLessThan(atBackorderLevel - 0.5);
    }

    private static OrderRule upTo(double level) {
        return (review, period, ip) -> Math.max(0, level - ip);
    }
}
