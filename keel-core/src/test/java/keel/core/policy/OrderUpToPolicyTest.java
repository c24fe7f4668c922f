package keel.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OrderUpToPolicyTest {
    private final Tradeoff packsOfTen = Tradeoff.of(2, 18).withReviewPeriod(2).withLeadTime(1).withPack(10, 0);

    @Test
    void order_brings_position_to_the_cheapest_pack_multiple_around_the_target() {
        DemandDistribution demand = DemandDistribution.normal(36, 6);

        OrderDecision decision = new OrderUpToPolicy(packsOfTen).decide(demand, 12);

        assertThat(decision.orderUpToLevel()).isCloseTo(36 + 6 * 1.2815515655446004, within(1e-9));
        assertThat(decision.quantity()).isIn(30L, 40L);
        assertThat(decision.quantity() % 10).isZero();
        assertThat(decision.resultingPosition()).isEqualTo(12 + decision.quantity());
        assertThat(decision.alternatives()).allSatisfy(a -> assertThat(a.extraCost()).isGreaterThanOrEqualTo(0));
    }

    @Test
    void alternatives_include_nothing_one_pack_less_one_pack_more_and_naive_with_their_costs() {
        DemandDistribution demand = DemandDistribution.normal(36, 6);

        OrderDecision decision = new OrderUpToPolicy(packsOfTen).decide(demand, 12, 25);

        long q = decision.quantity();
        assertThat(decision.alternative("order nothing").orElseThrow().quantity()).isZero();
        assertThat(decision.alternative("one pack less").orElseThrow().quantity()).isEqualTo(q - 10);
        assertThat(decision.alternative("one pack more").orElseThrow().quantity()).isEqualTo(q + 10);
        Alternative naive = decision.alternative("naive").orElseThrow();
        assertThat(naive.quantity()).isEqualTo(25);
        assertThat(naive.feasible()).isFalse();
        assertThat(naive.cost().total()).isCloseTo(Newsvendor.evaluate(demand, 37, packsOfTen).total(), within(1e-12));
        assertThat(decision.alternatives()).extracting(Alternative::quantity).doesNotContain(q).doesNotHaveDuplicates();
    }

    @Test
    void alternatives_are_listed_cheapest_first() {
        OrderDecision decision = new OrderUpToPolicy(packsOfTen).decide(DemandDistribution.normal(36, 6), 12, 0);

        assertThat(decision.alternatives()).extracting(Alternative::extraCost).isSorted();
    }

    @Test
    void rationale_states_quantity_packs_level_fractile_and_the_cost_of_the_nearest_alternative() {
        OrderDecision decision = new OrderUpToPolicy(packsOfTen).decide(DemandDistribution.normal(36, 6), 12);

        assertThat(decision.rationale())
                .startsWith("Order " + decision.quantity() + " (" + decision.quantity() / 10 + " packs of 10): brings stock to")
                .contains("covering 3 periods of demand (mean 36)")
                .contains("at a 90% critical fractile (shortage cost 18 vs holding 2 per unit)")
                .containsPattern("ordering \\d+ would cost \\d+\\.\\d\\d more, mostly in expected (stockouts|leftover stock)\\.$");
    }

    @Test
    void rationale_speaks_of_the_decision_types_period_and_currency() {
        OrderUpToPolicy policy = new OrderUpToPolicy(packsOfTen).withWording("week", "£");

        OrderDecision decision = policy.decide(DemandDistribution.normal(36, 6), 12);

        assertThat(decision.rationale()).contains("covering 3 weeks of demand")
                .contains("(shortage cost £18 vs holding £2 per unit)").containsPattern("would cost £\\d+\\.\\d\\d more");
    }

    @Test
    void slow_mover_rationale_says_how_likely_no_demand_is_and_which_distribution() {
        SamplePaths paths = LeadTimeBootstrap.fit(new double[] {0, 0, 2, 0, 0, 0, 1, 0, 0, 3, 0, 0}).sample(3, 1000, 4);

        OrderDecision decision = new OrderUpToPolicy(Tradeoff.of(1, 4)).decide(paths, 0);

        assertThat(decision.rationale()).containsPattern("no demand at all is \\d+% likely \\(Willemain bootstrap");
    }

    @Test
    void position_above_the_level_orders_nothing_and_says_so() {
        OrderDecision decision = new OrderUpToPolicy(packsOfTen).decide(DemandDistribution.normal(36, 6), 80);

        assertThat(decision.quantity()).isZero();
        assertThat(decision.rationale()).startsWith("Order nothing: stock of 80 already reaches the order-up-to level");
        assertThat(decision.alternative("smallest order").orElseThrow().quantity()).isEqualTo(10);
    }

    @Test
    void negative_position_under_backorders_orders_the_backlog_as_well() {
        Tradeoff tradeoff = Tradeoff.of(1, 4);

        OrderDecision decision = new OrderUpToPolicy(tradeoff).decide(DemandDistribution.poisson(6), -3);

        assertThat(decision.quantity()).isEqualTo(11);
    }

    @Test
    void discrete_demand_gives_an_integer_level_and_stockout_probability_of_the_chosen_position() {
        OrderDecision decision = new OrderUpToPolicy(Tradeoff.of(1, 4)).decide(DemandDistribution.poisson(6), 2);

        assertThat(decision.orderUpToLevel()).isEqualTo(8);
        assertThat(decision.stockoutProbability())
                .isCloseTo(1 - DemandDistribution.poisson(6).cdf(8), within(1e-15));
    }

    @Test
    void negative_naive_quantity_is_refused_with_the_value() {
        OrderUpToPolicy policy = new OrderUpToPolicy(Tradeoff.of(1, 4));

        assertThatThrownBy(() -> policy.decide(DemandDistribution.poisson(6), 0, -5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("naive quantity was -5");
    }

    @Test
    void a_recommendation_from_quantiles_or_negative_binomial_takes_microseconds() {
        double[] levels = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99};
        double[] values = new double[levels.length];
        for (int i = 0; i < levels.length; i++) values[i] = 40 + 8 * StandardNormal.quantile(levels[i]);
        OrderUpToPolicy policy = new OrderUpToPolicy(packsOfTen.withPack(6, 12));
        int n = 5_000;
        for (int i = 0; i < n; i++) policy.decide(DemandDistribution.negativeBinomial(40, 90), i % 50, 24);

        // thread CPU time, not wall time: other builds share these cores
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        double sink = 0;
        for (int i = 0; i < n; i++) {
            sink += policy.decide(DemandDistribution.fromQuantiles(levels, values), i % 50, 24).quantity();
            sink += policy.decide(DemandDistribution.negativeBinomial(40 + i % 7, 90), i % 50, 24).quantity();
        }
        double microsPerDecision = (threads.getCurrentThreadCpuTime() - start) / 1e3 / (2.0 * n);

        assertThat(sink).isPositive();
        assertThat(microsPerDecision).as("microseconds per recommendation").isLessThan(250); // about 10-25 us measured; the bound only catches a slide into milliseconds
    }
}
