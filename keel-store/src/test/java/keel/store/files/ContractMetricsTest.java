package keel.store.files;

import static keel.store.files.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import keel.core.contract.Batch;
import keel.core.contract.BatchMetrics;
import keel.core.contract.Check;
import keel.core.contract.Column;
import keel.core.contract.ColumnType;
import keel.core.contract.DatasetCheck;
import keel.core.contract.DriftMethod;
import keel.core.contract.InputContract;
import keel.core.contract.Severity;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ContractMetricsTest {
    @TempDir
    Path dir;

    private static InputContract contract() {
        return new InputContract("stock", "warehouse@example.com", List.of(
                Column.of("item_id", ColumnType.TEXT).matching("[A-Z][0-9]"),
                Column.of("store_id", ColumnType.TEXT),
                Column.of("date", ColumnType.DATE),
                Column.of("price", ColumnType.DECIMAL).withDecimals(2)),
                List.of("item_id", "store_id"), List.of(), InputContract.ISO_DATE, List.of(
                        new DatasetCheck.Completeness(List.of("item_id", "store_id"), 0, Severity.WARN),
                        new DatasetCheck.Distribution("price", DriftMethod.WASSERSTEIN, 1, 4, Severity.WARN),
                        new DatasetCheck.Distribution("store_id", DriftMethod.JENSEN_SHANNON, 0.1, 4, Severity.WARN)));
    }

    @Test
    void rows_failing_a_pattern_or_a_precision_are_quarantined_with_the_reason() throws Exception {
        Path file = csv(dir, "stock.csv", "item_id,store_id,date,price", "A1,S1,2024-01-01,1.25", "a1,S1,2024-01-01,1.5",
                "B1,S1,2024-01-01,1.255");

        Batch batch = new DuckDbBatchIngestor(dir.resolve("data")).ingest(file, contract());

        assertThat(batch.rows().quarantined()).isEqualTo(2);
        assertThat(batch.quarantineSample().get(0).failed(Check.PATTERN)).isTrue();
        assertThat(batch.quarantineSample().get(0).message())
                .isEqualTo("stock.csv row 2: item_id was \"a1\"; expected text matching [A-Z][0-9]");
        assertThat(batch.quarantineSample().get(1).message())
                .isEqualTo("stock.csv row 3: price was \"1.255\"; expected a number with at most 2 decimal places");
    }

    @Test
    void the_figures_computed_while_checking_equal_those_read_back_from_the_stored_accepted_rows() throws Exception {
        DuckDbBatchIngestor ingestor = new DuckDbBatchIngestor(dir.resolve("data"));
        Batch previous = ingestor.ingest(csv(dir, "a.csv", "item_id,store_id,date,price", "A1,S1,2024-01-01,1",
                "A1,S2,2024-01-01,2", "B1,S1,2024-01-02,3"), contract());
        Path file = csv(dir, "b.csv", "item_id,store_id,date,price", "A1,S1,2024-01-03,1", "A1,S2,2024-01-04,",
                "C1,S1,2024-01-05,3", "bad,S9,2024-01-05,3", "D1,S9,2024-01-05,1.255", "E1, S3 ,2024-01-06,2.5");

        DuckDbBatchIngestor.Checked checked = ingestor.ingest(file, contract(), KnownKeys.none(),
                previous.acceptedRows());
        DuckDbBatchIngestor.Checked dryRun = new DuckDbBatchIngestor(dir.resolve("dry")).dryRun(file, contract(),
                KnownKeys.none(), previous.acceptedRows());

        assertThat(checked.batch().rows().quarantined()).isEqualTo(2);
        BatchMetrics stored = ContractMetrics.of(checked.batch(), contract(), previous.acceptedRows());
        assertThat(checked.figures().metrics()).containsExactlyInAnyOrderElementsOf(stored.metrics());
        assertThat(dryRun.figures().metrics()).containsExactlyInAnyOrderElementsOf(stored.metrics());
        assertThat(stored.family("store_id", "frequency")).containsOnlyKeys("S1", "S2", " S3 ");
        assertThat(dryRun.batch().rows()).isEqualTo(checked.batch().rows());
        assertThat(dryRun.batch().acceptedRows().orElseThrow()).doesNotExist();
    }

    @Test
    void the_figures_cover_nulls_numbers_dates_quantiles_shares_and_the_missing_key_grid() throws Exception {
        DuckDbBatchIngestor ingestor = new DuckDbBatchIngestor(dir.resolve("data"));
        Batch previous = ingestor.ingest(csv(dir, "a.csv", "item_id,store_id,date,price", "A1,S1,2024-01-01,1",
                "A1,S2,2024-01-01,2", "B1,S1,2024-01-02,3"), contract());
        Batch current = ingestor.ingest(csv(dir, "b.csv", "item_id,store_id,date,price", "A1,S1,2024-01-03,1",
                "A1,S2,2024-01-04,", "C1,S1,2024-01-05,3"), contract());

        BatchMetrics metrics = ContractMetrics.of(current, contract(), previous.acceptedRows());

        assertThat(metrics.rows()).contains(3.0);
        assertThat(metrics.value("price", "null_share").orElseThrow()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(metrics.value("price", "mean")).contains(2.0);
        assertThat(metrics.value("date", "max")).contains((double) LocalDate.of(2024, 1, 5).toEpochDay());
        assertThat(metrics.family("price", "quantile")).hasSize(49);
        assertThat(metrics.family("store_id", "frequency")).containsEntry("S1", 2 / 3.0);
        assertThat(metrics.value("", "grid_expected")).contains(3.0);
        assertThat(metrics.value("", "grid_missing")).contains(1.0);
        assertThat(ContractMetrics.of(current, contract(), Optional.empty()).value("", "grid_expected")).isEmpty();
    }
}
