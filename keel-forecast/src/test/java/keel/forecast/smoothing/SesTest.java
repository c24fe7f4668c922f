package keel.forecast.smoothing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.Series;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * SES against R forecast 8.20 {@code ses(y, initial = "simple")} (src/test/resources/r/reference.R).
 * Both optimisers stop at a tolerance near 1e-4 in α (ours: Brent's method), so α agrees to 1e-3,
 * the forecast to 1e-4 relative, and our SSE is never above R's (by more than 1e-9 relative).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SesTest {
    private static final double[] TREND = {30.1, 32.4, 31.0, 33.8, 35.2, 34.0, 36.5, 35.9, 37.2, 39.0, 38.1, 40.3,
        39.7, 41.2, 40.8, 42.5, 44.1, 43.0, 45.2, 44.6, 46.3, 47.0, 45.9, 48.2, 49.1};
    private static final double[] NOISE = {5, 7, 3, 8, 6, 4, 9, 5, 6, 7, 2, 8, 6, 5, 7, 4, 6, 8, 5, 6};

    @Test
    void alpha_and_forecast_match_R_on_a_trending_series() {
        Forecast f = Smoothing.ses().forecast(Series.of("s", TREND), 4, new double[0]);

        double alpha = f.parameters().get("alpha");
        assertThat(alpha).isCloseTo(0.82737339807949, within(1e-3));
        assertThat(f.mean(3)).isCloseTo(48.8808790817012, within(48.88 * 1e-4));
        assertThat(ExponentialSmoothing.sse(TREND, 0, TREND.length, alpha))
                .isLessThanOrEqualTo(57.6525481241682 * (1 + 1e-9));
    }

    @Test
    void alpha_and_forecast_match_R_on_a_noisy_level() {
        Forecast f = Smoothing.ses().forecast(Series.of("s", NOISE), 2, new double[0]);

        double alpha = f.parameters().get("alpha");
        assertThat(alpha).isCloseTo(0.0663093822159641, within(1e-3));
        assertThat(f.mean(0)).isCloseTo(5.65466345192057, within(5.65 * 1e-4));
        assertThat(ExponentialSmoothing.sse(NOISE, 0, NOISE.length, alpha))
                .isLessThanOrEqualTo(69.7434193762171 * (1 + 1e-9));
    }

    @Test
    void interval_widens_as_sigma_squared_times_one_plus_h_minus_one_alpha_squared() {
        Forecast f = Smoothing.ses().forecast(Series.of("s", NOISE), 3, new double[] {0.5, 0.975});

        double alpha = f.parameters().get("alpha");
        double sigma = f.parameters().get("sigma");
        double sse = ExponentialSmoothing.sse(NOISE, 0, NOISE.length, alpha);
        assertThat(sigma * sigma).isCloseTo(sse / (NOISE.length - 2), within(1e-12));
        for (int h = 0; h < 3; h++) {
            double sd = sigma * Math.sqrt(1 + h * alpha * alpha);
            assertThat(f.quantile(1, h) - f.mean(h)).isCloseTo(1.959963984540054 * sd, within(1e-12));
            assertThat(f.quantile(0, h)).isEqualTo(f.mean(h));
        }
    }

    @Test
    void total_quantile_weighs_each_innovation_by_its_own_step_plus_alpha_per_later_step() {
        Forecast f = Smoothing.ses().forecast(Series.of("s", NOISE), 3, new double[] {0.975});

        double a = f.parameters().get("alpha");
        double sigma = f.parameters().get("sigma");
        double weights = (1 + 2 * a) * (1 + 2 * a) + (1 + a) * (1 + a) + 1;
        assertThat(f.totalQuantiles().orElseThrow()[0])
                .isCloseTo(3 * f.mean(0) + 1.959963984540054 * sigma * Math.sqrt(weights), within(1e-9));
    }

    @Test
    void missing_values_carry_the_level_over() {
        double[] y = {4, Double.NaN, 6, 5, Double.NaN};

        double level = ExponentialSmoothing.level(y, 0, y.length, 0.5);

        assertThat(level).isCloseTo(5.0, within(1e-15)); // 4 -> 5 -> 5
        assertThat(ExponentialSmoothing.sse(y, 0, y.length, 0.5)).isCloseTo(4 + 0, within(1e-15));
    }

    @Test
    void golden_section_finds_the_interior_minimum_of_a_known_objective() {
        // SSE = 4 + (1 - 2a)^2 for the block sums 2, 4, 3: minimum at a = 0.5
        double[] x = {2, 4, 3};

        double alpha = ExponentialSmoothing.optimalAlpha(x, 0, 3, 0.01, 0.99, 1e-10);

        assertThat(alpha).isCloseTo(0.5, within(1e-8));
    }

    @Test
    void brent_and_golden_section_agree_on_random_series() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int k = 0; k < 50; k++) {
            double[] y = new double[40 + r.nextInt(200)];
            double level = 10;
            for (int t = 0; t < y.length; t++) {
                level += r.nextGaussian() * r.nextDouble();
                y[t] = level + 2 * r.nextGaussian();
            }

            double brent = ExponentialSmoothing.brentAlpha(y, 0, y.length, 0.01, 0.99, 1e-4);
            double golden = ExponentialSmoothing.optimalAlpha(y, 0, y.length, 0.01, 0.99, 1e-10);

            double best = ExponentialSmoothing.sse(y, 0, y.length, golden);
            assertThat(ExponentialSmoothing.sse(y, 0, y.length, brent)).isLessThanOrEqualTo(best * (1 + 1e-6));
        }
    }

    @Test
    void one_observation_is_not_enough() {
        assertThatThrownBy(() -> Smoothing.ses().forecast(Series.of("sku-1", 3, Double.NaN), 1, new double[0]))
                .isInstanceOf(ForecastException.class)
                .hasMessageContaining("sku-1")
                .hasMessageContaining("ses needs at least 2");
    }
}
