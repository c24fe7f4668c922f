package keel.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StandardNormalTest {

    // Reference values: R 4.x, pnorm(z, digits = 17) and qnorm(p), printed to 16 significant digits.
    @ParameterizedTest
    @CsvSource({
        "0.0, 0.5",
        "1.0, 0.8413447460685429",
        "-1.0, 0.15865525393145707",
        "-1.96, 0.024997895148220435",
        "2.5, 0.9937903346742238",
        "-6.0, 9.865876450376982e-10",
        "-10.0, 7.619853024160527e-24"})
    void cdf_matches_reference_values_to_relative_1e_12(double z, double expected) {
        double actual = StandardNormal.cdf(z);

        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-12));
    }

    @ParameterizedTest
    @CsvSource({
        "0.975, 1.959963984540054",
        "0.9, 1.2815515655446004",
        "0.5, 0.0",
        "0.05, -1.6448536269514729",
        "1e-10, -6.361340902404056"})
    void quantile_matches_reference_values_to_1e_12(double p, double expected) {
        double actual = StandardNormal.quantile(p);

        assertThat(actual).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
    }

    @Test
    void quantile_inverts_cdf_across_the_range() {
        for (double p = 1e-6; p < 1; p += 0.0137) {
            double z = StandardNormal.quantile(p);

            assertThat(StandardNormal.cdf(z)).isCloseTo(p, within(1e-14 + 1e-12 * p));
        }
    }

    @Test
    void upper_tail_keeps_precision_far_out() {
        double tail = StandardNormal.upperTail(8);

        assertThat(tail).isCloseTo(6.22096057427178e-16, within(1e-27));
    }

    @Test
    void standard_loss_at_1_3_matches_stockpyl_doctest() {
        double loss = StandardNormal.loss(1.3);
        double complement = 1.3 + loss;

        assertThat(loss).isCloseTo(0.045528, within(5e-7));
        assertThat(complement).isCloseTo(1.345528, within(5e-7));
    }
}
