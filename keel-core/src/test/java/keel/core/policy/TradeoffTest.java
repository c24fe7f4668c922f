package keel.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TradeoffTest {

    @Test
    void service_level_target_derives_the_shortage_cost_that_makes_it_the_critical_fractile() {
        Tradeoff tradeoff = Tradeoff.forServiceLevel(2, 0.9);

        assertThat(tradeoff.shortageCost()).isCloseTo(18, within(1e-12));
        assertThat(tradeoff.criticalFractile()).isCloseTo(0.9, within(1e-15));
    }

    @Test
    void protection_interval_is_review_period_plus_lead_time() {
        assertThat(Tradeoff.of(1, 4).withReviewPeriod(7).withLeadTime(3).protectionInterval()).isEqualTo(10);
    }

    @Test
    void negative_holding_cost_is_refused_naming_field_value_and_expectation() {
        assertThatThrownBy(() -> Tradeoff.of(-0.5, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tradeoff.holdingCost was -0.5; expected a finite cost per unit per period > 0");
    }

    @Test
    void zero_pack_size_is_refused() {
        assertThatThrownBy(() -> Tradeoff.of(1, 4).withPack(0, 0))
                .hasMessage("tradeoff.packSize was 0; expected a whole number of units >= 1");
    }

    @Test
    void review_period_of_zero_is_refused() {
        assertThatThrownBy(() -> Tradeoff.of(1, 4).withReviewPeriod(0))
                .hasMessageContaining("tradeoff.reviewPeriod was 0");
    }

    @Test
    void service_level_of_one_is_refused() {
        assertThatThrownBy(() -> Tradeoff.forServiceLevel(1, 1))
                .hasMessage("tradeoff.serviceLevel was 1; expected a probability in (0, 1)");
    }

    @Test
    void feasible_set_is_zero_or_pack_multiples_at_or_above_the_minimum_order() {
        Tradeoff tradeoff = Tradeoff.of(1, 4).withPack(6, 10);

        assertThat(tradeoff.smallestPositiveOrder()).isEqualTo(12);
        assertThat(tradeoff.feasibleAtOrBelow(11.5)).isZero();
        assertThat(tradeoff.feasibleAtOrBelow(20)).isEqualTo(18);
        assertThat(tradeoff.feasibleAtOrAbove(1)).isEqualTo(12);
        assertThat(tradeoff.feasibleAtOrAbove(19)).isEqualTo(24);
        assertThat(tradeoff.feasibleAtOrAbove(0)).isZero();
        assertThat(tradeoff.isFeasible(6)).isFalse();
        assertThat(tradeoff.isFeasible(18)).isTrue();
    }

    @Test
    void naive_policy_orders_up_to_its_forecast_plus_safety_rounded_up_to_a_feasible_order() {
        Tradeoff tradeoff = Tradeoff.of(1, 4).withPack(6, 10);

        long quantity = new NaivePolicy(0.2).quantity(tradeoff, 50, 41);

        assertThat(quantity).isEqualTo(24);
        assertThat(new NaivePolicy(0.2).quantity(tradeoff, 50, 70)).isZero();
    }
}
