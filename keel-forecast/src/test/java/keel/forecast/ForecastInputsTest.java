package keel.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ForecastInputsTest {

    @Test
    void a_horizon_below_one_is_refused_with_the_value() {
        assertThatThrownBy(() -> ForecastInputs.checkedValues(Series.of("s", 1, 2), 0, new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("series s: horizon was 0; expected an integer >= 1");
    }

    @Test
    void levels_must_increase_strictly_inside_zero_and_one() {
        assertThatThrownBy(() -> ForecastInputs.checkedValues(Series.of("s", 1, 2), 1, new double[] {0.9, 0.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quantile levels [0.9, 0.5]");
        assertThatThrownBy(() -> ForecastInputs.checkedValues(Series.of("s", 1, 2), 1, new double[] {0.5, 1.0}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void counts_are_whole_non_negative_numbers_ignoring_missing_values() {
        assertThat(ForecastInputs.isCounts(new double[] {0, 3, Double.NaN, 12})).isTrue();
        assertThat(ForecastInputs.isCounts(new double[] {0, 2.5})).isFalse();
        assertThat(ForecastInputs.isCounts(new double[] {-1, 2})).isFalse();
    }

    @Test
    void short_numbers_keep_four_significant_digits_without_trailing_zeros() {
        assertThat(ForecastInputs.shortNumber(2.28)).isEqualTo("2.28");
        assertThat(ForecastInputs.shortNumber(0.24004)).isEqualTo("0.24");
        assertThat(ForecastInputs.shortNumber(1234.56)).isEqualTo("1235");
        assertThat(ForecastInputs.shortNumber(-7.0)).isEqualTo("-7");
        assertThat(ForecastInputs.shortNumber(0.0)).isEqualTo("0");
        assertThat(ForecastInputs.shortNumber(1.5e-5)).isEqualTo("1.500e-05");
        assertThat(ForecastInputs.shortNumber(Double.NaN)).isEqualTo("NaN");
    }
}
