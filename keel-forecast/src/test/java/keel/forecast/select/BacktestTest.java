package keel.forecast.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import keel.forecast.Series;
import keel.forecast.baseline.Baselines;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BacktestTest {

    @Test
    void naive_errors_are_the_changes_since_each_origin() {
        Series s = Series.of("s", 1, 2, 4, 7, 11, 16);

        Backtest bt = Backtest.run(Baselines.naive(), s, 2, new int[] {4, 3});

        // origin 4: last 7, actuals 11, 16; origin 3: last 4, actuals 7, 11
        assertThat(bt.error(0, 0)).isEqualTo(4);
        assertThat(bt.error(0, 1)).isEqualTo(9);
        assertThat(bt.totalError(1)).isEqualTo(3 + 7);
        assertThat(bt.totalMae()).isEqualTo((13 + 10) / 2.0);
        assertThat(bt.totalMse()).isEqualTo((169 + 100) / 2.0);
        assertThat(bt.stepMse(0)).isEqualTo((16 + 9) / 2.0);
    }

    @Test
    void a_missing_actual_leaves_that_step_and_total_out_of_the_summaries() {
        Series s = Series.of("s", 1, 2, 4, Double.NaN, 11, 16);

        Backtest bt = Backtest.run(Baselines.naive(), s, 2, new int[] {4, 2});

        assertThat(bt.totalError(1)).isNaN();
        assertThat(bt.totalCount()).isEqualTo(1);
        assertThat(bt.totalMae()).isEqualTo(Math.abs(11 - 4 + 16 - 4));
        // step 1 errors: 11 - 4 (naive from the last observed value) and 4 - 2; step 2: only 16 - 4
        assertThat(bt.stepMse(0)).isCloseTo((49 + 4) / 2.0, within(1e-12));
        assertThat(bt.stepMse(1)).isCloseTo(144, within(1e-12));
    }

    @Test
    void a_training_length_that_leaves_no_room_for_the_horizon_is_refused() {
        Series s = Series.of("s", 1, 2, 3);

        assertThatThrownBy(() -> Backtest.run(Baselines.naive(), s, 2, new int[] {2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("training length 2 with horizon 2");
    }

    @Test
    void origins_spread_up_to_one_horizon_apart_over_the_second_half() {
        int[] lengths = OriginPlan.trainingLengths(300, 14, 12, 4, 14);

        assertThat(lengths).hasSize(12);
        assertThat(lengths[0]).isEqualTo(286);
        assertThat(lengths[0] - lengths[1]).isEqualTo(12);
        assertThat(lengths[11]).isGreaterThanOrEqualTo(150);
    }

    @Test
    void origins_never_overlap_more_than_needed_nor_step_past_the_horizon() {
        int[] lengths = OriginPlan.trainingLengths(1000, 7, 12, 4, 14);

        assertThat(lengths[0] - lengths[1]).isEqualTo(7);
    }

    @Test
    void short_series_use_consecutive_origins_down_to_the_minimum_training_length() {
        int[] lengths = OriginPlan.trainingLengths(30, 7, 12, 4, 14);

        assertThat(lengths).containsExactly(23, 22, 21, 20, 19, 18, 17, 16, 15, 14);
    }

    @Test
    void too_few_origins_give_an_empty_plan() {
        assertThat(OriginPlan.trainingLengths(20, 7, 12, 4, 14)).isEmpty();
        assertThat(OriginPlan.minimumLength(7, 4, 14)).isEqualTo(24);
    }
}
