package keel.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Golden values of DECISIONS §2, to the decimals stated there. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PeriodicReviewGoldenTest {
    private static final double SIX = 5e-7;

    private static DemandDistribution normalOver(int periods, double mean, double sd) {
        return DemandDistribution.normal(periods * mean, sd * Math.sqrt(periods));
    }

    @Test
    void base_stock_with_one_period_review_and_lead_time_4_matches_fosct_example_4_4() {
        Tradeoff tradeoff = Tradeoff.of(0.18, 0.70).withLeadTime(4);
        DemandDistribution demand = normalOver(tradeoff.protectionInterval(), 50, 8);

        OrderDecision decision = new OrderUpToPolicy(tradeoff).decide(demand, 0);

        assertThat(decision.orderUpToLevel()).isCloseTo(264.766894, within(SIX));
        assertThat(Newsvendor.evaluate(demand, decision.orderUpToLevel(), tradeoff).total())
                .isCloseTo(4.466781, within(SIX));
        assertThat(Newsvendor.evaluate(demand, 180, tradeoff).total()).isCloseTo(49.000165, within(SIX));
    }

    @Test
    void base_stock_service_measures_at_264_7669() {
        DemandDistribution protection = normalOver(5, 50, 8);
        DemandDistribution leadTime = normalOver(4, 50, 8);

        double csl = ServiceLevels.cycleServiceLevel(protection, 264.7669);
        double esprc = ServiceLevels.expectedShortagePerCycle(protection, leadTime, 264.7669);
        double fill = ServiceLevels.fillRate(esprc, 50, UnmetDemand.BACKORDERS);

        assertThat(csl).isCloseTo(0.795455, within(SIX));
        // ESPRC's first term is given at the exact optimum 264.766894 (2.055385 at 264.7669)
        assertThat(protection.expectedShortage(264.766894)).isCloseTo(2.055386, within(SIX));
        assertThat(leadTime.expectedShortage(264.7669)).isCloseTo(0.000092, within(SIX));
        assertThat(fill).isCloseTo(0.958894, within(SIX));
    }

    @Test
    void cost_only_with_lead_time_3_at_level_120() {
        Tradeoff tradeoff = Tradeoff.of(0.18, 0.70).withLeadTime(3);

        double cost = Newsvendor.evaluate(normalOver(tradeoff.protectionInterval(), 50, 8), 120, tradeoff).total();

        assertThat(cost).isCloseTo(56.000001, within(SIX));
    }

    @Test
    void normal_h43_p79_mean900_sd60_matches_fosct_problem_4_1() {
        Tradeoff tradeoff = Tradeoff.of(43, 79).withReviewPeriod(1).withLeadTime(0);
        DemandDistribution demand = DemandDistribution.normal(900, 60);

        OrderDecision decision = new OrderUpToPolicy(tradeoff).decide(demand, 0);

        assertThat(decision.orderUpToLevel()).isCloseTo(922.721404, within(SIX));
        assertThat(Newsvendor.evaluate(demand, decision.orderUpToLevel(), tradeoff).total())
                .isCloseTo(2718.196782, within(SIX));
    }

    @Test
    void poisson_with_lead_time_4_matches_stockpyl_problem_4_19() {
        Tradeoff tradeoff = Tradeoff.of(0.08, 1.25).withLeadTime(4);
        DemandDistribution demand = DemandDistribution.poisson(18 * tradeoff.protectionInterval());

        OrderDecision decision = new OrderUpToPolicy(tradeoff).decide(demand, 0);

        assertThat(decision.orderUpToLevel()).isEqualTo(105);
        assertThat(decision.quantity()).isEqualTo(105);
        assertThat(decision.expectedCost().total()).isCloseTo(1.545019, within(SIX));
    }

    @Test
    void review_every_7_days_lead_time_3_at_95_percent_cycle_service() {
        Tradeoff tradeoff = Tradeoff.forServiceLevel(1, 0.95).withReviewPeriod(7).withLeadTime(3);
        DemandDistribution protection = normalOver(10, 20, 6);

        double level = new OrderUpToPolicy(tradeoff).decide(protection, 0).orderUpToLevel();
        double esprc = ServiceLevels.expectedShortagePerCycle(protection, normalOver(3, 20, 6), level);
        List<DemandDistribution> leadTimePlusJ = new ArrayList<>();
        for (int j = 1; j <= 7; j++) leadTimePlusJ.add(normalOver(3 + j, 20, 6));

        assertThat(level).isCloseTo(231.2089, within(5e-5));
        assertThat(esprc).isCloseTo(0.396416, within(SIX));
        assertThat(ServiceLevels.fillRate(esprc, 140, UnmetDemand.BACKORDERS)).isCloseTo(0.997168, within(SIX));
        assertThat(ServiceLevels.readyRate(leadTimePlusJ, level)).isCloseTo(0.992538, within(SIX));
    }

    @Test
    void a_98_percent_fill_rate_target_implies_only_75_percent_cycle_service() {
        double sd = 6 * Math.sqrt(10);

        double k = ServiceLevels.normalSafetyFactorForFillRate(0.98, sd, 140);
        double level = 200 + k * sd;

        assertThat(k).isCloseTo(0.680840, within(SIX));
        assertThat(level).isCloseTo(212.9180, within(5e-5));
        assertThat(ServiceLevels.cycleServiceLevel(normalOver(10, 20, 6), level)).isCloseTo(0.7520, within(5e-5));
    }

    @Test
    void pack_of_5_from_empty_orders_10_because_5_costs_more() {
        Tradeoff tradeoff = Tradeoff.of(1, 4).withPack(5, 0);

        OrderDecision decision = new OrderUpToPolicy(tradeoff).decide(DemandDistribution.poisson(6), 0);

        assertThat(decision.quantity()).isEqualTo(10);
        assertThat(decision.expectedCost().total()).isCloseTo(4.387, within(5e-4));
        assertThat(decision.alternative("one pack less").orElseThrow().quantity()).isEqualTo(5);
        assertThat(decision.alternative("one pack less").orElseThrow().cost().total()).isCloseTo(6.590, within(5e-4));
    }

    @Test
    void minimum_order_of_4_at_position_7_orders_nothing_because_rounding_up_costs_more() {
        Tradeoff tradeoff = Tradeoff.of(1, 4).withPack(1, 4);

        OrderDecision decision = new OrderUpToPolicy(tradeoff).decide(DemandDistribution.poisson(6), 7);

        assertThat(decision.quantity()).isZero();
        assertThat(decision.expectedCost().total()).isCloseTo(3.850, within(5e-4));
        Alternative smallest = decision.alternatives().get(0);
        assertThat(smallest.quantity()).isEqualTo(4);
        assertThat(smallest.cost().total()).isCloseTo(5.174, within(5e-4));
    }
}
