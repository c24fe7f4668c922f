package keel.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DatasetCheckTest {
    private static final LocalDate AS_OF = LocalDate.of(2024, 3, 10);

    private static BatchMetrics rows(double n) {
        return new BatchMetrics(List.of(Metric.ofBatch("rows", n)));
    }

    private static BatchMetrics quantiles(String column, double shift, double std) {
        List<Metric> metrics = new ArrayList<>();
        for (double p : Drift.grid()) {
            // quantiles of a uniform distribution on [shift, shift + 1]
            metrics.add(new Metric(column, "quantile", String.format(java.util.Locale.ROOT, "%.2f", p), shift + p));
        }
        metrics.add(Metric.of(column, "std", std));
        return new BatchMetrics(metrics);
    }

    @Test
    void a_row_count_far_below_the_recent_median_fails_the_volume_check() {
        List<BatchMetrics> history = List.of(rows(1000), rows(1010), rows(990), rows(1005));
        DatasetCheck check = new DatasetCheck.Volume(8, 4, Severity.BLOCK);

        CheckOutcome outcome = check.evaluate(rows(120), history, AS_OF);

        assertThat(outcome.blocks()).isTrue();
        assertThat(outcome.message()).startsWith("120 rows; expected").contains("median 1003");
    }

    @Test
    void a_row_count_within_the_band_passes_and_too_little_history_passes_with_a_note() {
        DatasetCheck check = new DatasetCheck.Volume(8, 4, Severity.BLOCK);

        CheckOutcome steady = check.evaluate(rows(1002), List.of(rows(1000), rows(1010), rows(990)), AS_OF);
        CheckOutcome early = check.evaluate(rows(5), List.of(rows(1000)), AS_OF);

        assertThat(steady.passed()).isTrue();
        assertThat(early.passed()).isTrue();
        assertThat(early.message()).contains("at least 3 needed");
    }

    @Test
    void a_stale_latest_date_fails_freshness_with_its_age() {
        BatchMetrics current = new BatchMetrics(List.of(Metric.of("date", "max", LocalDate.of(2024, 3, 1).toEpochDay())));
        DatasetCheck check = new DatasetCheck.Freshness("date", 3, Severity.WARN);

        CheckOutcome outcome = check.evaluate(current, List.of(), AS_OF);

        assertThat(outcome.warns()).isTrue();
        assertThat(outcome.message()).isEqualTo("latest date is 2024-03-01, 9 days before 2024-03-10; expected at most 3 days");
    }

    @Test
    void a_shifted_distribution_fails_drift_and_an_unshifted_one_passes() {
        List<BatchMetrics> history = List.of(quantiles("units", 0, 0.29), quantiles("units", 0, 0.29));
        DatasetCheck psi = new DatasetCheck.Distribution("units", DriftMethod.PSI, 0.25, 4, Severity.WARN);
        DatasetCheck wasserstein = new DatasetCheck.Distribution("units", DriftMethod.WASSERSTEIN, 0.5, 4, Severity.WARN);

        CheckOutcome same = psi.evaluate(quantiles("units", 0, 0.29), history, AS_OF);
        CheckOutcome shifted = psi.evaluate(quantiles("units", 0.5, 0.29), history, AS_OF);
        CheckOutcome moved = wasserstein.evaluate(quantiles("units", 0.5, 0.29), history, AS_OF);

        assertThat(same.passed()).isTrue();
        assertThat(shifted.passed()).isFalse();
        assertThat(moved.figures().get(0).value()).isCloseTo(0.5 / 0.29, within(1e-9));
    }

    @Test
    void jensen_shannon_is_zero_for_equal_shares_and_one_for_disjoint_ones() {
        Map<String, Double> a = Map.of("x", 0.5, "y", 0.5);
        Map<String, Double> b = Map.of("z", 1.0);

        assertThat(Drift.jensenShannon(a, a)).isCloseTo(0, within(1e-12));
        assertThat(Drift.jensenShannon(a, b)).isCloseTo(1, within(1e-12));
        assertThat(Drift.chiSquare(Map.of("x", 0.6, "y", 0.4), a)).isCloseTo(0.04, within(1e-12));
    }

    @Test
    void a_column_with_too_many_empty_values_fails_the_null_share_check() {
        BatchMetrics current = new BatchMetrics(List.of(Metric.of("price", "null_share", 0.2)));

        CheckOutcome outcome = new DatasetCheck.NullShare("price", 0.05, Severity.WARN).evaluate(current, List.of(), AS_OF);

        assertThat(outcome.message()).isEqualTo("20.00 % of price are empty; expected at most 5.00 %");
    }
}
