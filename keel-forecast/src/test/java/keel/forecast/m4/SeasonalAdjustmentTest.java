package keel.forecast.m4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import keel.forecast.ClassicalDecomposition;
import keel.forecast.Forecast;
import keel.forecast.Series;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SeasonalAdjustmentTest {
    private static final double[] PATTERN = {0.8, 1.2, 0.9, 1.1};

    @Test
    void multiplicative_decomposition_recovers_a_pattern_on_a_flat_level() {
        double[] y = new double[16];
        for (int t = 0; t < y.length; t++) y[t] = 10 * PATTERN[t % 4];

        double[] figure = ClassicalDecomposition.seasonalIndices(y, 4, true);

        for (int i = 0; i < 4; i++) assertThat(figure[i]).isCloseTo(PATTERN[i], within(1e-12));
    }

    @Test
    void additive_decomposition_recovers_a_pattern_around_a_linear_trend() {
        double[] effects = {-2, 3, -1, 0};
        double[] y = new double[20];
        for (int t = 0; t < y.length; t++) y[t] = 5 + 0.5 * t + effects[t % 4];

        double[] figure = ClassicalDecomposition.seasonalIndices(y, 4, false);

        for (int i = 0; i < 4; i++) assertThat(figure[i]).isCloseTo(effects[i], within(1e-12));
    }

    @Test
    void centred_moving_average_of_odd_order_is_the_plain_window_mean() {
        double[] trend = ClassicalDecomposition.centredMovingAverage(new double[] {1, 2, 6, 4, 5}, 3);

        assertThat(trend[0]).isNaN();
        assertThat(trend[1]).isEqualTo(3.0);
        assertThat(trend[2]).isEqualTo(4.0);
        assertThat(trend[4]).isNaN();
    }

    @Test
    void a_strong_cycle_is_seasonal_and_noise_or_a_short_series_is_not() {
        SplittableRandom random = new SplittableRandom(7);
        double[] cycle = new double[60];
        double[] noise = new double[60];
        for (int t = 0; t < 60; t++) {
            cycle[t] = 100 + 10 * Math.sin(2 * Math.PI * t / 12) + random.nextDouble();
            noise[t] = random.nextDouble();
        }

        assertThat(SeasonalityTest.isSeasonal(cycle, 12)).isTrue();
        assertThat(SeasonalityTest.isSeasonal(noise, 12)).isFalse();
        assertThat(SeasonalityTest.isSeasonal(java.util.Arrays.copyOf(cycle, 35), 12)).isFalse();
    }

    @Test
    void forecasts_are_reseasonalised_with_the_indices_that_follow_the_last_observation() {
        double[] y = new double[48];
        for (int t = 0; t < y.length; t++) y[t] = 10 * PATTERN[t % 4] * (1 + 0.001 * t);
        Series series = Series.of("cycle", y, 4);

        Forecast naive2 = M4Benchmarks.forecaster(M4Method.NAIVE2).forecast(series, 4, new double[] {0.1, 0.9});

        // the last observation is position 3 (index 1.1); the next steps take positions 0, 1, 2, 3
        double level = y[47] / 1.1;
        for (int h = 0; h < 4; h++) {
            assertThat(naive2.mean(h)).isCloseTo(level * PATTERN[h], within(2e-2 * level));
            assertThat(naive2.quantile(0, h)).isLessThanOrEqualTo(naive2.mean(h));
            assertThat(naive2.quantile(1, h)).isGreaterThanOrEqualTo(naive2.mean(h));
        }
    }

    @Test
    void naive_methods_scale_exactly_with_the_data() {
        double[] y = new double[48];
        for (int t = 0; t < y.length; t++) y[t] = 10 * PATTERN[t % 4] + t % 7;
        double[] scaled = y.clone();
        for (int t = 0; t < y.length; t++) scaled[t] *= 100;

        var a = M4Benchmarks.pointForecasts(y, 4, 6);
        var b = M4Benchmarks.pointForecasts(scaled, 4, 6);

        for (M4Method m : new M4Method[] {M4Method.NAIVE1, M4Method.SEASONAL_NAIVE, M4Method.NAIVE2}) {
            for (int h = 0; h < 6; h++) assertThat(b.get(m)[h]).isCloseTo(100 * a.get(m)[h], within(1e-9 * b.get(m)[h]));
        }
    }
}
