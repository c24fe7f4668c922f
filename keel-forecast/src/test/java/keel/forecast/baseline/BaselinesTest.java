package keel.forecast.baseline;

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
 * Point forecasts and intervals against R forecast 8.20 ({@code naive}, {@code snaive},
 * {@code rwf(drift = TRUE)}, {@code meanf}); see src/test/resources/r/reference.R. Tolerance 1e-9
 * (R prints 15 digits). R's naive, snaive and drift intervals use FPP3 §5.5's σ̂, so they match;
 * R's meanf uses Student t quantiles where FPP3 §5.5 uses normal ones, so for the mean the interval
 * is checked against the FPP3 formula worked by hand.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BaselinesTest {
    private static final double[] Y = {12, 15, 14, 18, 20, 17, 16, 21, 24, 22, 19, 23};
    private static final double[] LEVELS = {0.1, 0.9, 0.975};
    private static final double TOL = 1e-9;

    @Test
    void naive_matches_R_naive_with_intervals() {
        Forecast f = Baselines.naive().forecast(Series.of("s", Y), 3, new double[] {0.1, 0.975});

        assertThat(f.mean()).containsExactly(23, 23, 23);
        assertThat(row(f, 1)).containsExactly(new double[] {28.9975014383377, 31.4817478744494, 33.3879772096684},
                within(TOL));
        assertThat(row(f, 0)).containsExactly(new double[] {19.0784445947554, 17.4540831603056, 16.2076667934201},
                within(TOL));
    }

    @Test
    void seasonal_naive_matches_R_snaive_over_two_seasons() {
        Forecast f = Baselines.seasonalNaive().forecast(Series.of("s", Y, 4), 6, LEVELS);

        assertThat(f.mean()).containsExactly(24, 22, 19, 23, 24, 22);
        assertThat(row(f, 2)).containsExactly(new double[] {32.0513736467272, 30.0513736467272, 27.0513736467272,
            31.0513736467272, 35.3863618069349, 33.3863618069349}, within(TOL));
    }

    @Test
    void drift_matches_R_rwf_with_drift() {
        Forecast f = Baselines.drift().forecast(Series.of("s", Y), 3, LEVELS);

        assertThat(f.mean()).containsExactly(new double[] {24, 25, 26}, within(TOL));
        assertThat(row(f, 2)).containsExactly(new double[] {30.2092090976712, 34.1397083199432, 37.6163665431627},
                within(TOL));
    }

    @Test
    void mean_matches_R_meanf_and_the_FPP3_normal_interval() {
        Forecast f = Baselines.mean().forecast(Series.of("s", Y), 2, LEVELS);

        double sd = Math.sqrt(variance(Y)) * Math.sqrt(1 + 1.0 / 12);
        assertThat(f.mean(0)).isCloseTo(18.4166666666667, within(TOL));
        assertThat(f.quantile(2, 1)).isCloseTo(18.4166666666667 + 1.959963984540054 * sd, within(TOL));
    }

    @Test
    void naive_forecasts_from_the_last_observed_value_and_widens_by_the_gap() {
        Series s = Series.of("s", 1, 2, 3, Double.NaN, Double.NaN);

        Forecast f = Baselines.naive().forecast(s, 1, LEVELS);

        assertThat(f.mean(0)).isEqualTo(3);
        // residuals 1, 1 -> sigma 1; step 1 is 3 steps after the last observation
        assertThat(f.quantile(1, 0) - 3).isCloseTo(1.2815515655446004 * Math.sqrt(3), within(TOL));
    }

    @Test
    void seasonal_naive_reaches_back_a_season_past_a_missing_value() {
        Series s = Series.of("s", new double[] {1, 2, 3, 4, Double.NaN, 6}, 2);

        Forecast f = Baselines.seasonalNaive().forecast(s, 2, new double[0]);

        assertThat(f.mean()).containsExactly(3, 6);
    }

    @Test
    void a_series_shorter_than_one_season_is_refused_with_the_reason() {
        Series s = Series.of("store-1/sku-9", new double[] {1, 2, 3}, 7);

        assertThatThrownBy(() -> Baselines.seasonalNaive().forecast(s, 2, LEVELS))
                .isInstanceOf(ForecastException.class)
                .hasMessageContaining("store-1/sku-9")
                .hasMessageContaining("needs at least 7");
    }

    @Test
    void an_infinite_value_is_refused_with_its_index() {
        Series s = Series.of("s", 1, Double.POSITIVE_INFINITY, 3);

        assertThatThrownBy(() -> Baselines.mean().forecast(s, 1, LEVELS))
                .isInstanceOf(ForecastException.class)
                .hasMessageContaining("index 1");
    }

    @Test
    void drift_needs_two_observed_values() {
        assertThatThrownBy(() -> Baselines.drift().forecast(Series.of("s", Double.NaN, 4), 1, new double[0]))
                .isInstanceOf(ForecastException.class)
                .hasMessageContaining("drift needs at least 2");
    }

    @Test
    void total_quantiles_add_up_the_correlated_step_errors() {
        double z = 1.959963984540054;
        double naiveSigma = 3.0600059417648;   // sqrt(mean of squared changes), as R's naive
        double seasonalSigma = Math.sqrt(135.0 / 8);

        double naive = Baselines.naive().forecast(Series.of("s", Y), 3, LEVELS).totalQuantiles().orElseThrow()[2];
        double seasonal = Baselines.seasonalNaive().forecast(Series.of("s", Y, 4), 6, LEVELS)
                .totalQuantiles().orElseThrow()[2];
        double drift = Baselines.drift().forecast(Series.of("s", Y), 3, LEVELS).totalQuantiles().orElseThrow()[2];
        double mean = Baselines.mean().forecast(Series.of("s", Y), 3, LEVELS).totalQuantiles().orElseThrow()[2];

        // naive: step h sums h innovations, so the total weighs them 3, 2, 1
        assertThat(naive).isCloseTo(69 + z * naiveSigma * Math.sqrt(9 + 4 + 1), within(1e-9));
        // snaive, m = 4: steps 5 and 6 repeat the innovations of steps 1 and 2, weights 2, 2, 1, 1, 1, 1
        assertThat(seasonal).isCloseTo(134 + z * seasonalSigma * Math.sqrt(12), within(1e-9));
        // drift: random walk weights plus the slope error over 1 + 2 + 3 steps, Var(slope) = s^2 / 11
        double driftSigma = (30.2092090976712 - 24) / z / Math.sqrt(1 + 1.0 / 11); // R's step-1 interval
        assertThat(drift).isCloseTo(75 + z * driftSigma * Math.sqrt(14 + 36.0 / 11), within(1e-9));
        assertThat(mean).isCloseTo(3 * 18.4166666666667 + z * Math.sqrt(variance(Y) * (3 + 9.0 / 12)), within(1e-9));
    }

    @Test
    void seasonal_total_survives_values_missing_two_seasons_back() {
        Series s = Series.of("s", new double[] {1, 2, 3, 4, 5, Double.NaN, 7, Double.NaN}, 2);

        Forecast f = Baselines.seasonalNaive().forecast(s, 4, LEVELS);

        assertThat(f.mean()).containsExactly(7, 4, 7, 4); // the 4 is three seasons back
        assertThat(f.totalQuantiles().orElseThrow()[2]).isGreaterThan(22);
    }

    private static double[] row(Forecast f, int level) {
        double[] out = new double[f.horizon()];
        for (int h = 0; h < out.length; h++) {
            out[h] = f.quantile(level, h);
        }
        return out;
    }

    private static double variance(double[] y) {
        double mean = 0;
        for (double v : y) {
            mean += v / y.length;
        }
        double ss = 0;
        for (double v : y) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (y.length - 1);
    }
}
