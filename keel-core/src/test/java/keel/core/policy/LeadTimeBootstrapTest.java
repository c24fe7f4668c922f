package keel.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LeadTimeBootstrapTest {
    private final double[] history = {0, 0, 3, 0, 0, 0, 5, 2, 0, 0, 0, 0, 4, 0, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0};

    @Test
    void occurrence_chain_is_estimated_from_consecutive_periods() {
        LeadTimeBootstrap bootstrap = LeadTimeBootstrap.fit(history);

        // 17 transitions leave a zero period, 5 of them into demand; 6 leave a non-zero period, 1 into demand
        assertThat(bootstrap.nonZeroAfterZero()).isCloseTo(5.0 / 17, within(1e-15));
        assertThat(bootstrap.nonZeroAfterNonZero()).isCloseTo(1.0 / 6, within(1e-15));
    }

    @Test
    void same_seed_gives_the_same_paths_and_another_seed_different_ones() {
        LeadTimeBootstrap bootstrap = LeadTimeBootstrap.fit(history);

        SamplePaths first = bootstrap.sample(4, 1000, 7);
        SamplePaths again = bootstrap.sample(4, 1000, 7);
        SamplePaths other = bootstrap.sample(4, 1000, 8);

        assertThat(again.mean()).isEqualTo(first.mean());
        assertThat(other.mean()).isNotEqualTo(first.mean());
    }

    @Test
    void lead_time_demand_is_whole_non_negative_and_often_zero() {
        SamplePaths paths = LeadTimeBootstrap.fit(history).sample(4, 5000, 11);

        assertThat(paths.isDiscrete()).isTrue();
        assertThat(paths.quantile(0.01)).isGreaterThanOrEqualTo(0);
        assertThat(paths.probabilityOfZero()).isBetween(0.2, 0.6);
        // mean: about 4 periods x 0.27 occurrences x size about 3.5 (jitter adds about 0.5)
        assertThat(paths.mean()).isBetween(2.5, 6.0);
    }

    @Test
    void a_history_without_demand_gives_zero_demand() {
        SamplePaths paths = LeadTimeBootstrap.fit(new double[] {0, 0, 0}).sample(5, 100, 1);

        assertThat(paths.mean()).isZero();
        assertThat(paths.probabilityOfZero()).isEqualTo(1);
    }
}
