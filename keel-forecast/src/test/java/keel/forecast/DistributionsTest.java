package keel.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Reference values from R 4 (qnorm, qpois, qnbinom): src/test/resources/r/reference.R. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DistributionsTest {

    @Test
    void normal_quantiles_match_R_qnorm_to_1e_14() {
        double[] p = {0.5, 0.8, 0.9, 0.95, 0.975, 0.99, 0.999, 1e-10};
        double[] r = {0, 0.841621233572914, 1.281551565544601, 1.644853626951472, 1.959963984540054,
            2.326347874040841, 3.090232306167813, -6.361340902404056};

        for (int i = 0; i < p.length; i++) {
            assertThat(Distributions.normalQuantile(p[i])).isCloseTo(r[i], within(1e-14));
        }
    }

    @Test
    void normal_quantile_is_symmetric_and_infinite_at_the_ends() {
        assertThat(Distributions.normalQuantile(0.2)).isEqualTo(-Distributions.normalQuantile(0.8), within(1e-15));
        assertThat(Distributions.normalQuantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Distributions.normalQuantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Distributions.normalQuantile(1.5)).isNaN();
    }

    @Test
    void log_gamma_matches_factorials() {
        assertThat(Distributions.logGamma(1)).isCloseTo(0, within(1e-14));
        assertThat(Distributions.logGamma(10)).isCloseTo(Math.log(362880), within(1e-12));
        assertThat(Distributions.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
    }

    @Test
    void poisson_quantiles_match_R_qpois_exactly() {
        double[] levels = {0.1, 0.5, 0.8, 0.9, 0.95, 0.99};
        double[] out = new double[levels.length];

        Distributions.countQuantiles(3.2, 2.0, levels, out);

        assertThat(out).containsExactly(1, 3, 5, 6, 6, 8);
    }

    @Test
    void negative_binomial_quantiles_match_R_qnbinom_exactly() {
        double[] levels = {0.1, 0.5, 0.8, 0.9, 0.95, 0.99};
        double[] out = new double[levels.length];

        Distributions.countQuantiles(5.2, 14.3, levels, out);

        assertThat(out).containsExactly(1, 4, 8, 10, 12, 17);
    }

    @Test
    void a_sparse_negative_binomial_puts_most_levels_at_zero_like_R() {
        double[] levels = {0.5, 0.8, 0.9, 0.95, 0.99};
        double[] out = new double[levels.length];

        Distributions.countQuantiles(0.4, 3, levels, out);

        assertThat(out).containsExactly(0, 0, 1, 2, 9);
    }

    @Test
    void large_counts_match_R_within_one_unit() {
        double[] levels = {0.01, 0.5, 0.99};
        double[] nb = new double[3];
        double[] pois = new double[3];

        Distributions.countQuantiles(2500, 90000, levels, nb);
        Distributions.countQuantiles(1e6, 1e6, levels, pois);

        assertThat(nb).containsExactly(new double[] {1855, 2488, 3250}, within(1.0));
        assertThat(pois).containsExactly(new double[] {997674, 1000000, 1002327}, within(1.0));
    }

    @Test
    void an_extremely_overdispersed_count_keeps_its_mass_at_zero() {
        double[] out = new double[2];

        Distributions.countQuantiles(1, 1e8, new double[] {0.5, 0.99}, out);

        assertThat(out).containsExactly(0, 0); // P(X = 0) = (1e-8)^(1e-8), almost 1
    }

    @Test
    void a_mean_of_zero_gives_zero_counts() {
        double[] out = new double[2];

        Distributions.countQuantiles(0, 5, new double[] {0.5, 0.99}, out);

        assertThat(out).containsExactly(0, 0);
    }
}
