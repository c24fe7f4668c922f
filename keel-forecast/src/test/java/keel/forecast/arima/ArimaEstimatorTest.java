package keel.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import keel.forecast.arima.ArimaFit.Method;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fixed-order fits against R 4.2.2 {@code forecast::Arima} (reference.R). Tolerances: coefficients
 * 1e-3 (relative to max(1, |value|)), log-likelihood 1e-6 relative, sigma^2 and AICc 1e-4 relative,
 * 12-step forecasts and 95% upper bounds 1e-4 relative.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ArimaEstimatorTest {

    @ParameterizedTest
    @ValueSource(strings = {"lh_100", "lh_300", "lh_101", "lh_101css", "lhna_100", "usacc_011011", "usacc_110100",
        "logair_011011", "logair_210011", "www_310", "www_111", "h1_201011"})
    void fit_matches_R_Arima(String c) throws Exception {
        String s = ReferenceValues.text(c, "series");
        double[] o = ReferenceValues.numbers(c, "order");
        ArimaOrder order = new ArimaOrder((int) o[0], (int) o[1], (int) o[2], (int) o[3], (int) o[4], (int) o[5],
                ReferenceValues.period(s));
        Method method = ReferenceValues.text(c, "method").equals("CSS") ? Method.CSS : Method.CSS_ML;

        ArimaFit fit = ArimaEstimator.fit(ReferenceValues.data(s), order, ReferenceValues.number(c, "constant") == 1,
                method, 0, Double.NaN);

        double[] coef = ReferenceValues.numbers(c, "coef");
        assertThat(fit.coefficients()).hasSize(coef.length);
        for (int i = 0; i < coef.length; i++) {
            assertThat(fit.coefficients()[i]).as("coef %d", i).isCloseTo(coef[i], within(1e-3 * Math.max(1, Math.abs(coef[i]))));
        }
        assertRelative("loglik", fit.loglik(), ReferenceValues.number(c, "loglik"), 1e-6);
        assertRelative("sigma2", fit.sigma2(), ReferenceValues.number(c, "sigma2"), 1e-4);
        double aicc = ReferenceValues.number(c, "aicc");
        if (!Double.isNaN(aicc)) assertRelative("aicc", fit.aicc(), aicc, 1e-4);
        double[][] f = fit.forecast(12);
        double[] mean = ReferenceValues.numbers(c, "mean");
        double[] upper = ReferenceValues.numbers(c, "upper95");
        for (int h = 0; h < 12; h++) {
            assertRelative("mean " + h, f[0][h], mean[h], 1e-4);
            assertRelative("upper95 " + h, f[0][h] + keel.forecast.Distributions.normalQuantile(0.975) * Math.sqrt(f[1][h]), upper[h], 1e-4);
        }
    }

    @org.junit.jupiter.api.Test
    void the_public_entry_point_fits_the_airline_model_like_R() {
        keel.forecast.Series logair = keel.forecast.Series.of("logair", ReferenceValues.data("logair"), 12);

        ArimaFit fit = ArimaFit.fit(logair, new ArimaOrder(0, 1, 1, 0, 1, 1, 12), false);

        assertThat(fit.namedCoefficients()).containsKeys("ma1", "sma1");
        assertThat(fit.text()).isEqualTo("ARIMA(0,1,1)(0,1,1)[12] AICc=-483.21");
    }

    static void assertRelative(String what, double actual, double expected, double tol) {
        assertThat(actual).as(what).isCloseTo(expected, within(tol * Math.max(1e-12, Math.abs(expected))));
    }
}
