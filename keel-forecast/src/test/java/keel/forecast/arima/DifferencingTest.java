package keel.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** KPSS, ndiffs, STL and nsdiffs against R (urca::ur.kpss, forecast::ndiffs/nsdiffs, stats::stl). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DifferencingTest {

    @ParameterizedTest
    @ValueSource(strings = {"lh", "usacc", "logair", "www", "h1", "w246"})
    void kpss_statistic_and_ndiffs_match_R(String s) {
        double[] x = ReferenceValues.data(s);

        double stat = Differencing.kpss(x);

        assertThat(stat).isCloseTo(ReferenceValues.number("tests_" + s, "kpss"), within(1e-10 * stat));
        assertThat(Differencing.ndiffs(x, 2)).isEqualTo((int) ReferenceValues.number("tests_" + s, "ndiffs"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"usacc", "logair", "h1"})
    void stl_and_seasonal_strength_match_R(String s) {
        double[] x = ReferenceValues.data(s);
        int m = ReferenceValues.period(s);

        Stl stl = Stl.decompose(x, m, 11);

        double[] seasonal = ReferenceValues.numbers("tests_" + s, "stlseasonal");
        double[] trend = ReferenceValues.numbers("tests_" + s, "stltrend");
        for (int i = 0; i < x.length; i++) {
            assertThat(stl.seasonal[i]).isCloseTo(seasonal[i], within(1e-9 * (1 + Math.abs(seasonal[i]))));
            assertThat(stl.trend[i]).isCloseTo(trend[i], within(1e-9 * (1 + Math.abs(trend[i]))));
        }
        assertThat(Differencing.seasonalStrength(x, m))
                .isCloseTo(ReferenceValues.number("tests_" + s, "strength"), within(1e-10));
        assertThat(Differencing.nsdiffs(x, m, 1)).isEqualTo((int) ReferenceValues.number("tests_" + s, "nsdiffs"));
    }

    @Test
    void kpss_p_value_interpolates_the_table_and_clamps() {
        assertThat(Differencing.kpssPValue(0.2)).isEqualTo(0.10);
        assertThat(Differencing.kpssPValue(0.463)).isCloseTo(0.05, within(1e-15));
        assertThat(Differencing.kpssPValue(0.5185)).isCloseTo(0.0375, within(1e-12));
        assertThat(Differencing.kpssPValue(2.0)).isEqualTo(0.01);
    }

    @Test
    void a_linear_trend_needs_one_difference_and_a_constant_none() {
        double[] trend = new double[50];
        for (int i = 0; i < 50; i++) trend[i] = 3 + 2 * i + Math.sin(i);
        double[] constant = new double[50];
        java.util.Arrays.fill(constant, 7);

        assertThat(Differencing.ndiffs(trend, 2)).isEqualTo(1);
        assertThat(Differencing.ndiffs(constant, 2)).isZero();
    }
}
