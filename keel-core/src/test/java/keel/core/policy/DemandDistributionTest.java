package keel.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DemandDistributionTest {

    @Test
    void negative_binomial_matches_its_moments_and_a_direct_loss_sum() {
        DemandDistribution nb = DemandDistribution.negativeBinomial(4, 12);

        double mean = 0;
        double second = 0;
        for (int k = 0; k < 2000; k++) {
            double f = nb.cdf(k) - nb.cdf(k - 1);
            mean += k * f;
            second += k * k * f;
        }
        double shortageAt6 = 0;
        for (int k = 7; k < 2000; k++) shortageAt6 += (k - 6) * (nb.cdf(k) - nb.cdf(k - 1));

        assertThat(mean).isCloseTo(4, within(1e-9));
        assertThat(second - mean * mean).isCloseTo(12, within(1e-8));
        assertThat(nb.expectedShortage(6)).isCloseTo(shortageAt6, within(1e-12));
        assertThat(nb.description()).startsWith("negative binomial(mean 4.00, variance 12.00; r 2.000, p 0.3333)");
    }

    @Test
    void negative_binomial_without_overdispersion_falls_back_to_poisson_and_says_so() {
        DemandDistribution fallback = DemandDistribution.negativeBinomial(5, 4);

        assertThat(fallback.expectedShortage(7)).isCloseTo(DemandDistribution.poisson(5).expectedShortage(7), within(1e-15));
        assertThat(fallback.description()).contains("Poisson").contains("needs variance > mean");
    }

    @Test
    void poisson_with_a_large_mean_does_not_underflow() {
        DemandDistribution poisson = DemandDistribution.poisson(5000);

        assertThat(poisson.mean()).isCloseTo(5000, within(1e-6));
        assertThat(poisson.quantile(0.5)).isEqualTo(5000);
        assertThat(poisson.expectedShortage(5000)).isCloseTo(Math.sqrt(5000 / (2 * Math.PI)), within(0.05));
    }

    @Test
    void poisson_of_zero_mean_is_always_zero() {
        DemandDistribution none = DemandDistribution.poisson(0);

        assertThat(none.quantile(0.99)).isZero();
        assertThat(none.expectedShortage(0)).isZero();
        assertThat(none.expectedLeftover(3)).isEqualTo(3);
    }

    @Test
    void crossed_quantiles_are_repaired_by_a_running_maximum_and_counted() {
        QuantileDemand demand = DemandDistribution.fromQuantiles(new double[] {0.1, 0.5, 0.9}, new double[] {10, 8, 20});

        assertThat(demand.crossingsRepaired()).isEqualTo(1);
        assertThat(demand.quantile(0.3)).isEqualTo(10);
        assertThat(demand.cdf(10)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void quantile_lower_tail_starts_at_zero_at_the_latest() {
        QuantileDemand demand = DemandDistribution.fromQuantiles(new double[] {0.5, 0.9}, new double[] {1, 10});

        assertThat(demand.lowerBound()).isZero();
        assertThat(demand.cdf(0.5)).isCloseTo(0.25, within(1e-15));
    }

    @Test
    void quantile_distribution_quantile_and_cdf_invert_each_other_including_the_exponential_tail() {
        QuantileDemand demand = DemandDistribution.fromQuantiles(new double[] {0.1, 0.5, 0.8, 0.95},
                new double[] {20, 30, 37, 45});

        for (double a : new double[] {0.05, 0.1, 0.3, 0.8, 0.9, 0.95, 0.99, 0.999}) {
            assertThat(demand.cdf(demand.quantile(a))).as("F(F^-1(%s))", a).isCloseTo(a, within(1e-12));
        }
    }

    @Test
    void quantile_distribution_shortage_agrees_with_numerical_integration_of_the_survival_function() {
        QuantileDemand demand = DemandDistribution.fromQuantiles(new double[] {0.1, 0.5, 0.8, 0.95},
                new double[] {20, 30, 37, 45});

        for (double s : new double[] {0, 15, 25, 36, 44, 50, 70}) {
            double integral = 0;
            double dx = 0.001;
            for (double x = s; x < 400; x += dx) integral += (1 - demand.cdf(x + dx / 2)) * dx;
            assertThat(demand.expectedShortage(s)).as("n(%s)", s).isCloseTo(integral, within(1e-5));
        }
    }

    @Test
    void sample_paths_minimiser_is_the_order_statistic() {
        SamplePaths paths = DemandDistribution.samplePaths(new double[] {5, 1, 3, 2, 4, 0, 9, 7, 6, 8}, "ten paths");

        assertThat(paths.quantile(0.8)).isEqualTo(7);
        assertThat(paths.quantile(0.05)).isEqualTo(0);
        assertThat(paths.expectedShortage(6.5)).isCloseTo((0.5 + 1.5 + 2.5) / 10, within(1e-15));
        assertThat(paths.probabilityOfZero()).isCloseTo(0.1, within(1e-15));
    }

    @Test
    void one_quantile_level_is_not_enough() {
        assertThatThrownBy(() -> DemandDistribution.fromQuantiles(new double[] {0.5}, new double[] {3}))
                .hasMessageContaining("1 levels and 1 values; expected two or more");
    }

    @Test
    void censored_demand_upper_end_is_the_conditional_mean_above_the_sales() {
        DemandDistribution normal = DemandDistribution.normal(0, 1);
        DemandDistribution poisson = DemandDistribution.poisson(6);

        // E[Z | Z >= 0] = phi(0) / (1/2) = sqrt(2/pi); E[D | D >= 8] by direct summation for Poisson(6)
        double numerator = 0;
        double mass = 0;
        for (int k = 8; k < 200; k++) {
            double f = poisson.cdf(k) - poisson.cdf(k - 1);
            numerator += k * f;
            mass += f;
        }

        assertThat(normal.meanGivenAtLeast(0)).isCloseTo(Math.sqrt(2 / Math.PI), within(1e-12));
        assertThat(poisson.meanGivenAtLeast(8)).isCloseTo(numerator / mass, within(1e-10));
    }

    @Test
    void loss_functions_stay_non_negative_far_in_both_tails() {
        DemandDistribution normal = DemandDistribution.normal(100, 5);

        for (double level = -500; level <= 700; level += 0.37) {
            assertThat(normal.expectedShortage(level)).isGreaterThanOrEqualTo(0);
            assertThat(normal.expectedLeftover(level)).isGreaterThanOrEqualTo(0);
            assertThat(Newsvendor.evaluate(normal, level, 1, 9).total()).isPositive();
        }
    }
}
