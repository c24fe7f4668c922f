package keel.forecast.combine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.Series;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AutoTest {
    private static final double[] LEVELS = {0.1, 0.9};
    private static final Auto AUTO = new Auto(Fixed.of("regular", new double[] {7, 7}, -1, 1),
            Fixed.of("intermittent", new double[] {0.5, 0.5}, -0.5, 1));

    @Test
    void demand_in_most_periods_goes_to_the_regular_forecaster_and_the_description_says_why() {
        // 10 of 12 periods non-zero: ADI 1.2 < 1.32
        Forecast f = AUTO.forecast(Series.of("s", 3, 0, 4, 5, 0, 6, 2, 3, 4, 5, 6, 7), 2, LEVELS);

        assertThat(f.model()).isEqualTo("regular");
        assertThat(f.mean()).containsExactly(7, 7);
        assertThat(f.quantile(1, 0)).isEqualTo(8);
        assertThat(f.description()).isEqualTo(
                "regular demand (ADI 1.20 < 1.32: 10 of 12 observed periods non-zero). regular: regular fixed");
    }

    @Test
    void leading_zeros_and_missing_values_do_not_count_and_sparse_demand_is_intermittent() {
        // after the leading zeros: 9 observed periods (the NaN is not one), 6 non-zero: ADI 1.5
        Forecast f = AUTO.forecast(Series.of("s", 0, 0, 0, 2, 0, 1, Double.NaN, 0, 3, 1, 0, 1, 1), 2, LEVELS);

        assertThat(f.model()).isEqualTo("intermittent");
        assertThat(f.description()).startsWith("intermittent demand (ADI 1.50 >= 1.32: 6 of 9 observed periods non-zero)");
    }

    @Test
    void a_negative_value_is_not_demand_so_the_series_is_regular() {
        Forecast f = AUTO.forecast(Series.of("s", 0, 0, -2, 0, 0, 5), 2, LEVELS);

        assertThat(f.model()).isEqualTo("regular");
        assertThat(f.description()).startsWith("regular series (a negative value, -2.0 at t=2: not demand)");
    }

    @Test
    void when_the_intermittent_selection_cannot_forecast_the_regular_forecaster_does_and_says_so() {
        Auto auto = new Auto(Fixed.of("regular", new double[] {1, 1}, -1, 1), Fixed.failing("intermittent"));

        Forecast f = auto.forecast(Series.of("s", 0, 1, 0, 0, 2), 2, LEVELS);

        assertThat(f.model()).isEqualTo("regular");
        assertThat(f.description()).contains("the intermittent selection could not forecast it (")
                .contains("intermittent cannot fit this series").contains("so regular did");
    }

    @Test
    void when_both_fail_the_intermittent_reason_is_thrown_with_the_other_suppressed() {
        Auto auto = new Auto(Fixed.failing("regular"), Fixed.failing("intermittent"));

        assertThatThrownBy(() -> auto.forecast(Series.of("s", 0, 1, 0, 0, 2), 2, LEVELS))
                .isInstanceOf(ForecastException.class).hasMessageContaining("intermittent cannot fit")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    }

    @Test
    void with_the_defaults_a_series_without_zeros_gets_exactly_the_ensembles_forecast() {
        double[] y = new double[72];
        for (int t = 0; t < y.length; t++) y[t] = 100 + 0.5 * t + 10 * Math.sin(2 * Math.PI * t / 12) + (t * 37 % 11);
        Series s = Series.of("m", y, 12);

        Forecast routed = Auto.withDefaults().forecast(s, 12, LEVELS);
        Forecast ensemble = Ensemble.withDefaults().forecast(s, 12, LEVELS);

        assertThat(routed.mean()).containsExactly(ensemble.mean());
        assertThat(routed.model()).isEqualTo(ensemble.model());
        assertThat(routed.quantile(0, 11)).isEqualTo(ensemble.quantile(0, 11));
        assertThat(routed.description()).startsWith("regular demand (ADI 1.00 < 1.32").endsWith(ensemble.description());
    }

    @Test
    void with_the_defaults_intermittent_forecasts_are_never_negative() {
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) y[t] = t % 4 == 0 ? 1 + t % 3 : 0;
        Forecast f = Auto.withDefaults().forecast(Series.of("i", y), 6, LEVELS);

        assertThat(f.description()).startsWith("intermittent demand (ADI 4.00");
        for (int h = 0; h < 6; h++) {
            assertThat(f.mean(h)).isGreaterThanOrEqualTo(0);
            assertThat(f.quantile(0, h)).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void with_the_defaults_an_intermittent_series_too_short_for_the_backtest_gets_imapa_never_negative() {
        // a carparts-like part: 14 observed months, two with demand; too short for the selection's origins at h = 12
        Series s = Series.of("part", 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 1);

        Forecast f = Auto.withDefaults().forecast(s, 12, new double[] {0.025, 0.5, 0.975});

        assertThat(f.model()).isEqualTo("imapa");
        assertThat(f.description()).startsWith("intermittent demand (ADI").contains("so imapa did");
        for (int h = 0; h < 12; h++) {
            assertThat(f.mean(h)).isGreaterThan(0);
            assertThat(f.quantile(0, h)).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void a_demand_forecast_is_floored_at_zero_and_a_series_with_negative_values_is_left_alone() {
        Auto auto = new Auto(Fixed.of("regular", new double[] {-1, 2}, -5, 1), Fixed.of("intermittent", new double[] {1, 1}, 0, 1));

        Forecast demand = auto.forecast(Series.of("d", 3, 1, 4, 5, 2, 6, 2, 3, 4, 5, 6, 7), 2, LEVELS);
        Forecast signed = auto.forecast(Series.of("n", 3, 1, -4, 5, 2, 6, 2, 3, 4, 5, 6, 7), 2, LEVELS);

        assertThat(demand.mean()).containsExactly(0, 2);
        assertThat(demand.quantile(0, 0)).isZero();
        assertThat(demand.quantile(0, 1)).isZero();
        assertThat(demand.quantile(1, 0)).isZero();
        assertThat(demand.quantile(1, 1)).isEqualTo(3);
        assertThat(demand.description()).endsWith("(3 values below zero floored at zero: demand is never negative)");
        assertThat(signed.mean()).containsExactly(-1, 2);
        assertThat(signed.quantile(0, 0)).isEqualTo(-6);
        assertThat(signed.description()).doesNotContain("floored");
    }
}
