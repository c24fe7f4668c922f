package keel.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.Series;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * auto.arima against R forecast 8.20 (reference.R): same order, AICc within 1e-5 relative,
 * coefficients within 1e-3, 12-step means within 1e-4 relative.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AutoArimaTest {

    @ParameterizedTest
    @ValueSource(strings = {"lh", "usacc", "logair", "www", "h1", "w246"})
    void chooses_the_model_R_auto_arima_chooses(String s) {
        String c = "auto_" + s;
        Series series = Series.of(s, ReferenceValues.data(s), ReferenceValues.period(s));

        ArimaFit fit = new AutoArima(AutoArima.Options.r()).fit(series);

        double[] o = ReferenceValues.numbers(c, "order");
        ArimaOrder r = fit.order();
        assertThat(new int[] {r.p(), r.d(), r.q(), r.seasonalP(), r.seasonalD(), r.seasonalQ()})
                .containsExactly((int) o[0], (int) o[1], (int) o[2], (int) o[3], (int) o[4], (int) o[5]);
        ArimaEstimatorTest.assertRelative("aicc", fit.aicc(), ReferenceValues.number(c, "aicc"), 1e-5);
        double[] coef = ReferenceValues.numbers(c, "coef");
        for (int i = 0; i < coef.length; i++) {
            assertThat(fit.coefficients()[i]).isCloseTo(coef[i], within(1e-3 * Math.max(1, Math.abs(coef[i]))));
        }
        double[] mean = ReferenceValues.numbers(c, "mean");
        double[][] f = fit.forecast(12);
        for (int h = 0; h < 12; h++) ArimaEstimatorTest.assertRelative("mean " + h, f[0][h], mean[h], 1e-4);
    }

    @Test
    void the_root_margin_decides_whether_a_near_unit_root_model_may_carry_the_level() {
        // a stationary AR(1) around 500 with no mean allowed: only an AR root close to 1 can carry the level
        java.util.Random random = new java.util.Random(7);
        double[] y = new double[300];
        double x = 0;
        for (int t = 0; t < y.length; t++) {
            x = 0.5 * x + 5 * random.nextGaussian();
            y[t] = 500 + x;
        }
        Series series = Series.of("level", y, 1);

        Forecast loose = new AutoArima(new AutoArima.Options(AutoArima.Approximation.AUTO, false, false, 1.0))
                .forecast(series, 20, new double[0]);
        Forecast r = new AutoArima(new AutoArima.Options(AutoArima.Approximation.AUTO, false, false))
                .forecast(series, 20, new double[0]);

        assertThat(loose.mean(19)).isCloseTo(500, within(10.0));
        assertThat(r.mean(19)).isCloseTo(0, within(1e-9));
        assertThat(r.description()).startsWith("ARIMA(0,0,5)");
        assertThatThrownBy(() -> new AutoArima.Options(AutoArima.Approximation.AUTO, false, false, 0.99))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minRootModulus was 0.99");
    }

    @Test
    void quantiles_are_ordered_around_the_mean_and_the_description_names_the_model() {
        Series www = Series.of("www", ReferenceValues.data("www"), 1);
        double[] levels = {0.05, 0.5, 0.95};

        Forecast f = new AutoArima(AutoArima.Options.r()).forecast(www, 10, levels);

        assertThat(f.description()).startsWith("ARIMA(1,1,1)").contains("AICc=514.55");
        for (int h = 0; h < 10; h++) {
            assertThat(f.quantile(0, h)).isLessThan(f.quantile(1, h));
            assertThat(f.quantile(1, h)).isCloseTo(f.mean(h), within(1e-9));
            assertThat(f.quantile(2, h)).isGreaterThan(f.quantile(1, h));
        }
        assertThat(f.parameters()).containsKeys("ar1", "ma1", "sigma2", "aicc");
    }

    @Test
    void forecasts_are_deterministic_and_independent_of_threads() throws Exception {
        Series usacc = Series.of("usacc", ReferenceValues.data("usacc"), 12);
        AutoArima model = new AutoArima();
        double[] alone = model.forecast(usacc, 6, new double[] {0.9}).mean();

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<double[]> a = pool.submit(() -> model.forecast(usacc, 6, new double[] {0.9}).mean());
            java.util.concurrent.Future<double[]> b = pool.submit(() -> model.forecast(usacc, 6, new double[] {0.9}).mean());

            assertThat(a.get()).containsExactly(alone);
            assertThat(b.get()).containsExactly(alone);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void a_constant_series_forecasts_its_value_with_no_spread() {
        double[] x = new double[30];
        java.util.Arrays.fill(x, 4.5);

        Forecast f = new AutoArima().forecast(Series.of("flat", x), 3, new double[] {0.1, 0.9});

        assertThat(f.mean()).containsExactly(4.5, 4.5, 4.5);
        assertThat(f.quantile(0, 2)).isEqualTo(4.5);
    }

    @Test
    void a_series_with_gaps_is_fitted_by_exact_likelihood() {
        double[] x = ReferenceValues.data("lhna");

        Forecast f = new AutoArima().forecast(Series.of("lhna", x), 4, new double[] {0.5});

        assertThat(f.description()).startsWith("ARIMA(");
        for (int h = 0; h < 4; h++) assertThat(f.mean(h)).isBetween(1.0, 4.0);
    }

    @Test
    void leading_gaps_are_dropped_as_R_does() {
        double[] lh = ReferenceValues.data("lh");
        double[] padded = new double[lh.length + 3];
        java.util.Arrays.fill(padded, Double.NaN);
        System.arraycopy(lh, 0, padded, 3, lh.length);

        ArimaFit fit = new AutoArima(AutoArima.Options.r()).fit(Series.of("lh", padded));

        assertThat(fit.aicc()).isCloseTo(ReferenceValues.number("auto_lh", "aicc"), within(1e-6));
        assertThat(fit.forecast(1)[0][0]).isCloseTo(ReferenceValues.numbers("auto_lh", "mean")[0], within(1e-6));
    }

    @Test
    void an_all_missing_series_is_refused_with_the_reason() {
        double[] x = {Double.NaN, Double.NaN, Double.NaN};

        assertThatThrownBy(() -> new AutoArima().forecast(Series.of("gone", x), 2, new double[] {0.5}))
                .isInstanceOf(ForecastException.class)
                .hasMessageContaining("gone")
                .hasMessageContaining("missing");
    }
}
