package keel.forecast.intermittent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import keel.forecast.Forecast;
import keel.forecast.Series;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Worked examples on y = 0, 2, 0, 0, 4, 0, 3: sizes 2, 4, 3 and intervals 2, 3, 2 (the first from
 * the series start). Hand values hold to 1e-12; R forecast 8.20 {@code croston(alpha = 0.1)} to
 * 1e-12; ADIDA and IMAPA against an independent grid search over α (step 1e-6) to 1e-5 relative,
 * src/test/resources/python/aggregation_reference.py.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IntermittentTest {
    private static final Series Y = Series.of("s", 0, 2, 0, 0, 4, 0, 3);
    private static final double[] NONE = new double[0];

    @Test
    void croston_smooths_sizes_and_intervals_by_hand() {
        // sizes: 2 -> 2.2 -> 2.28; intervals: 2 -> 2.1 -> 2.09
        Forecast f = Intermittent.croston().forecast(Y, 3, NONE);

        assertThat(f.mean()).containsExactly(new double[] {2.28 / 2.09, 2.28 / 2.09, 2.28 / 2.09}, within(1e-12));
        assertThat(f.parameters().get("interval")).isCloseTo(2.09, within(1e-12));
    }

    @Test
    void sba_is_croston_times_0_95() {
        Forecast f = Intermittent.sba().forecast(Y, 1, NONE);

        assertThat(f.mean(0)).isCloseTo(0.95 * 2.28 / 2.09, within(1e-12));
    }

    @Test
    void croston_matches_R_croston() {
        Series d = Series.of("d", 0, 0, 3, 0, 0, 0, 5, 0, 2, 0, 0, 0, 0, 4, 0, 1, 0, 0, 6, 0, 0, 3, 0, 0);

        Forecast f = Intermittent.croston().forecast(d, 3, NONE);

        assertThat(f.mean(2)).isCloseTo(1.05727119430496, within(1e-12));
    }

    @Test
    void tsb_updates_probability_every_period_and_size_on_demand() {
        // probability from d1 = 0: .1, .09, .081, .1729, .15561, .240049; size 2.28
        Forecast f = Intermittent.tsb(0.1, 0.1).forecast(Y, 2, NONE);

        assertThat(f.mean(1)).isCloseTo(0.240049 * 2.28, within(1e-12));
    }

    @Test
    void tsb_decays_towards_zero_after_demand_stops() {
        double[] y = new double[60];
        y[3] = 5;
        y[9] = 4;

        double f = Intermittent.tsb().forecast(Series.of("s", y), 1, NONE).mean(0);

        assertThat(f).isGreaterThan(0).isLessThan(0.02);
    }

    @Test
    void adida_sums_blocks_of_the_rounded_mean_interval() {
        // mean interval 7/3 -> k = 2; drop y1; sums 2, 4, 3; SSE = 4 + (1 - 2a)^2 so a = 0.3 (bound);
        // level 2 + 3a - 2a^2 = 2.72; forecast 2.72 / 2
        Forecast f = Intermittent.adida().forecast(Y, 1, NONE);

        assertThat(f.mean(0)).isCloseTo(1.36, within(1e-6)); // golden section stops at rounding-noise ties
        assertThat(f.parameters()).containsEntry("aggregation", 2.0);
    }

    @Test
    void imapa_averages_levels_1_to_k() {
        Forecast f = Intermittent.imapa().forecast(Y, 1, NONE);
        Series longer = Series.of("s", 0, 0, 3, 1, 0, 0, 0, 2, 0, 5, 0, 0, 1, 0, 0, 0, 0, 4, 0, 2, 0, 0, 0, 3);
        Forecast g = Intermittent.imapa().forecast(longer, 1, NONE);

        assertThat(f.mean(0)).isCloseTo(1.364533181143508, within(1.36 * 1e-5));
        assertThat(g.mean(0)).isCloseTo(0.8782679920658886, within(0.88 * 1e-5));
        assertThat(Intermittent.adida().forecast(longer, 1, NONE).mean(0)).isCloseTo(0.9370276, within(0.94 * 1e-5));
    }

    @Test
    void aggregation_level_rounds_halves_to_even_like_python() {
        Series half2 = Series.of("s", 0, 1, 0, 0, 1);          // intervals 2, 3: mean 2.5 -> 2
        Series half4 = Series.of("s", 0, 0, 1, 0, 0, 0, 1);    // intervals 3, 4: mean 3.5 -> 4

        assertThat(Intermittent.adida().forecast(half2, 1, NONE).parameters()).containsEntry("aggregation", 2.0);
        assertThat(Intermittent.adida().forecast(half4, 1, NONE).parameters()).containsEntry("aggregation", 4.0);
    }

    @Test
    void no_demand_gives_a_zero_forecast_from_every_method() {
        Series zeros = Series.of("s", 0, 0, 0, 0, Double.NaN, 0);

        for (var m : new keel.forecast.Forecaster[] {Intermittent.croston(), Intermittent.sba(), Intermittent.tsb(),
            Intermittent.adida(), Intermittent.imapa()}) {
            Forecast f = m.forecast(zeros, 2, new double[] {0.5, 0.9});
            assertThat(f.mean()).as(m.name()).containsOnly(0.0);
            assertThat(f.quantile(1, 1)).as(m.name()).isEqualTo(0.0);
        }
    }

    @Test
    void missing_periods_are_dropped_before_fitting() {
        Series withGaps = Series.of("s", 0, 2, Double.NaN, 0, 0, 4, 0, Double.NaN, 3);

        assertThat(Intermittent.croston().forecast(withGaps, 1, NONE).mean(0))
                .isEqualTo(Intermittent.croston().forecast(Y, 1, NONE).mean(0));
    }

    @Test
    void negative_values_never_make_a_negative_forecast() {
        Series returns = Series.of("s", 0, -5, 0, -2, 0, 1);

        for (var m : new keel.forecast.Forecaster[] {Intermittent.croston(), Intermittent.tsb(), Intermittent.imapa()}) {
            assertThat(m.forecast(returns, 1, new double[] {0.1, 0.9}).quantile(0, 0)).as(m.name()).isGreaterThanOrEqualTo(0);
            assertThat(m.forecast(returns, 1, NONE).mean(0)).as(m.name()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void count_data_get_whole_number_quantiles() {
        Forecast f = Intermittent.sba().forecast(Y, 2, new double[] {0.5, 0.9, 0.99});

        for (int l = 0; l < 3; l++) {
            assertThat(f.quantile(l, 0)).isEqualTo(Math.rint(f.quantile(l, 0)));
        }
        assertThat(f.quantile(2, 1)).isGreaterThan(f.mean(1));
    }
}
