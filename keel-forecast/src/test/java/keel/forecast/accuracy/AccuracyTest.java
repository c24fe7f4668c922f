package keel.forecast.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AccuracyTest {
    private static final double[] ACTUAL = {10, 20, 30};
    private static final double[] FORECAST = {12, 18, 33};
    private static final double[] INSAMPLE = {1, 3, 2, 6, 4};

    @Test
    void smape_is_the_mean_of_200_abs_error_over_abs_sum() {
        // 200*2/22, 200*2/38, 200*3/63
        double expected = (400.0 / 22 + 400.0 / 38 + 600.0 / 63) / 3;

        assertThat(Accuracy.smape(ACTUAL, FORECAST)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void mase_scale_is_the_in_sample_seasonal_naive_mae() {
        // m = 1: |2|,|1|,|4|,|2| -> 9/4; m = 2: |1|,|3|,|2| -> 2
        assertThat(Accuracy.maseScale(INSAMPLE, 1)).isEqualTo(2.25);
        assertThat(Accuracy.maseScale(INSAMPLE, 2)).isEqualTo(2.0);
    }

    @Test
    void mase_divides_the_mae_by_the_scale() {
        // MAE = 7/3
        assertThat(Accuracy.mase(ACTUAL, FORECAST, INSAMPLE, 2)).isCloseTo(7.0 / 6, within(1e-12));
    }

    @Test
    void rmsse_uses_squared_errors_and_squared_differences() {
        // MSE = (4+4+9)/3; scale m=1 = (4+1+16+4)/4 = 6.25
        assertThat(Accuracy.rmsse(ACTUAL, FORECAST, INSAMPLE, 1)).isCloseTo(Math.sqrt(17.0 / 3 / 6.25), within(1e-12));
    }

    @Test
    void wape_and_bias_follow_their_definitions() {
        assertThat(Accuracy.wape(ACTUAL, FORECAST)).isCloseTo(100 * 7.0 / 60, within(1e-12));
        assertThat(Accuracy.bias(ACTUAL, FORECAST)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void pinball_loss_weights_under_and_over_forecasts_by_the_level() {
        // tau 0.9: y-q = -2 -> 0.2, +2 -> 1.8, -3 -> 0.3
        assertThat(Accuracy.pinball(ACTUAL, FORECAST, 0.9)).isCloseTo((0.2 + 1.8 + 0.3) / 3, within(1e-12));
    }

    @Test
    void msis_adds_forty_times_the_miss_for_95_percent_intervals() {
        double[] lower = {9, 21, 25};
        double[] upper = {11, 23, 35};

        // widths 2, 2, 10; step 2 misses below by 1 -> +40
        double expected = (2 + 42 + 10) / 3.0 / 2.0;

        assertThat(Accuracy.msis(ACTUAL, lower, upper, INSAMPLE, 2, 0.05)).isCloseTo(expected, within(1e-12));
        assertThat(Accuracy.coverage(ACTUAL, lower, upper)).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void owa_averages_the_relative_smape_and_mase() {
        assertThat(Accuracy.owa(9, 3, 10, 2)).isCloseTo(0.5 * (0.9 + 1.5), within(1e-12));
    }

    @Test
    void missing_actual_values_are_skipped() {
        double[] actual = {10, Double.NaN};
        double[] forecast = {12, 99};

        assertThat(Accuracy.mae(actual, forecast)).isEqualTo(2.0);
    }
}
