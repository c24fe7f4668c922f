package keel.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import keel.core.contract.Batch;
import keel.core.contract.BatchMetrics;
import keel.core.contract.CheckOutcome;
import keel.core.contract.Metric;
import keel.core.contract.RowCounts;
import keel.core.contract.Severity;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ContractMetricsStoreTest {
    private static final Instant AT = Instant.parse("2024-03-01T06:00:00Z");

    @TempDir
    Path dir;

    private static String hash(int i) {
        return String.format("%064x", i);
    }

    private static Batch batch(int i) {
        return Batch.checked("sales", hash(i), "sales-" + i + ".csv", new RowCounts(100 + i, 100 + i, 0),
                Path.of("/data/" + i + ".parquet"), Optional.empty(), List.of());
    }

    @Test
    void figures_and_check_results_round_trip_and_history_is_oldest_first() {
        try (KeelStore store = KeelStore.open(StoreConfig.embedded(dir))) {
            ContractMetricsStore metrics = new ContractMetricsStore(store);
            for (int i = 1; i <= 3; i++) {
                store.recordBatch(batch(i), Optional.empty(), Optional.empty(), AT.plusSeconds(i));
                CheckOutcome drift = new CheckOutcome("drift(units)", Severity.WARN, i != 2, "psi units is 0.3",
                        List.of(Metric.of("units", "drift_psi", 0.3)));
                metrics.record(hash(i), "sales", new BatchMetrics(List.of(Metric.ofBatch("rows", 100 + i),
                        new Metric("units", "quantile", "0.50", 7))), List.of(drift), AT.plusSeconds(i));
            }

            List<BatchMetrics> history = metrics.history("sales", hash(3), 5);
            boolean again = metrics.record(hash(1), "sales", BatchMetrics.NONE, List.of(), AT);

            assertThat(history).extracting(m -> m.rows().orElseThrow()).containsExactly(101.0, 102.0);
            assertThat(history.get(0).family("units", "quantile")).containsEntry("0.50", 7.0);
            assertThat(metrics.metrics(hash(2)).value("units", "drift_psi")).contains(0.3);
            assertThat(metrics.warnings(hash(2))).containsExactly("drift(units) (warn): psi units is 0.3");
            assertThat(metrics.warnings(hash(1))).isEmpty();
            assertThat(metrics.trend("sales")).filteredOn(p -> p.metric().equals("rows")).hasSize(3);
            assertThat(again).isFalse();
        }
    }

    @Test
    void a_resubmission_is_linked_to_its_original_with_a_ledger_entry() {
        try (KeelStore store = KeelStore.open(StoreConfig.embedded(dir))) {
            ContractMetricsStore metrics = new ContractMetricsStore(store);
            store.recordBatch(batch(1), Optional.empty(), Optional.empty(), AT);
            store.recordBatch(batch(2), Optional.empty(), Optional.empty(), AT.plusSeconds(1));
            long before = store.counts().get("ledger");

            metrics.linkResubmission(hash(2), hash(1), 2, AT.plusSeconds(2));
            metrics.linkResubmission(hash(2), hash(1), 2, AT.plusSeconds(3));

            assertThat(metrics.resubmissionsOf(hash(1))).containsExactly(hash(2));
            assertThat(metrics.originalOf(hash(2))).contains(hash(1));
            assertThat(store.counts().get("ledger")).isEqualTo(before + 1);
        }
    }
}
