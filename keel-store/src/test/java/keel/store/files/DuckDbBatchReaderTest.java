package keel.store.files;

import static keel.store.files.Fixtures.HEADER;
import static keel.store.files.Fixtures.catalog;
import static keel.store.files.Fixtures.csv;
import static keel.store.files.Fixtures.salesContract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import keel.core.contract.Batch;
import keel.core.contract.Column;
import keel.core.contract.ColumnType;
import keel.core.contract.InputContract;
import keel.core.contract.QuarantinedRow;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DuckDbBatchReaderTest {
    @TempDir
    Path dir;

    @Test
    void accepted_rows_read_back_as_daily_series_per_key_oldest_first() throws Exception {
        Path file = csv(dir, "sales.csv", HEADER,
                "B,S1,2024-01-02,4,", "A,S1,2024-01-03,1,1.5", "A,S1,2024-01-01,3,1.5", "A,S2,2024-01-01,9,1.5");
        Batch batch = new DuckDbBatchIngestor(dir.resolve("data")).ingest(file, salesContract(), catalog());

        List<DailySeries> series = new DuckDbBatchReader()
                .dailySeries(batch, SeriesQuery.of(List.of("store_id", "item_id"), "date", "units"));

        assertThat(series).extracting(DailySeries::id).containsExactly("S1/A", "S1/B", "S2/A");
        assertThat(series.get(0).dates())
                .containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 3));
        assertThat(series.get(0).values()).containsExactly(3.0, 1.0);
    }

    @Test
    void a_series_read_through_a_date_holds_no_later_rows() throws Exception {
        Path file = csv(dir, "sales.csv", HEADER, "A,S1,2024-01-01,3,1.5", "A,S1,2024-01-02,1,1.5", "A,S1,2024-01-03,8,1.5");
        Batch batch = new DuckDbBatchIngestor(dir.resolve("data")).ingest(file, salesContract(), catalog());

        List<DailySeries> series = new DuckDbBatchReader().dailySeries(batch,
                SeriesQuery.of(List.of("item_id"), "date", "units").through(LocalDate.of(2024, 1, 2)));

        assertThat(series.get(0).values()).containsExactly(3.0, 1.0);
    }

    @Test
    void accepted_rows_are_stored_with_the_contract_types() throws Exception {
        Path file = csv(dir, "sales.csv", HEADER, "A,S1,2024-01-01,3,1.5");
        Batch batch = new DuckDbBatchIngestor(dir.resolve("data")).ingest(file, salesContract(), catalog());
        List<String> types = new java.util.ArrayList<>();

        try (var db = java.sql.DriverManager.getConnection("jdbc:duckdb:"); var statement = db.createStatement();
                var rs = statement.executeQuery("DESCRIBE SELECT * FROM read_parquet("
                        + Sql.literal(batch.acceptedRows().orElseThrow()) + ")")) {
            while (rs.next()) {
                types.add(rs.getString("column_name") + " " + rs.getString("column_type"));
            }
        }

        assertThat(types).containsExactly("item_id VARCHAR", "store_id VARCHAR", "date DATE", "units BIGINT",
                "price DOUBLE");
    }

    @Test
    void an_empty_value_reads_back_as_nan() throws Exception {
        Path file = csv(dir, "sales.csv", HEADER, "B,S1,2024-01-02,4,");
        Batch batch = new DuckDbBatchIngestor(dir.resolve("data")).ingest(file, salesContract(), catalog());

        List<DailySeries> series = new DuckDbBatchReader()
                .dailySeries(batch, SeriesQuery.of(List.of("item_id"), "date", "price"));

        assertThat(series.get(0).value(0)).isNaN();
    }

    @Test
    void quarantined_rows_round_trip_through_their_file_with_every_reason() throws Exception {
        Path file = csv(dir, "sales.csv", HEADER, "Z,S9,2024-01-01,-1,1", "A,S1,2024-01-01,1,1");
        Batch batch = new DuckDbBatchIngestor(dir.resolve("data")).ingest(file, salesContract(), catalog());

        List<QuarantinedRow> read = new DuckDbBatchReader().quarantinedRows(batch, 100);

        assertThat(read).isEqualTo(batch.quarantineSample());
        assertThat(read.get(0).reasons()).hasSize(3);
    }

    @Test
    void a_batch_of_another_input_serves_as_known_keys() throws Exception {
        InputContract catalogContract = new InputContract("catalog", "merchandising", List.of(
                Column.of("item_id", ColumnType.TEXT), Column.of("description", ColumnType.TEXT)),
                List.of("item_id"), List.of(), InputContract.ISO_DATE);
        DuckDbBatchIngestor ingestor = new DuckDbBatchIngestor(dir.resolve("data"));
        Batch catalog = ingestor.ingest(csv(dir, "items.csv", "item_id,description", "A,apple", "B,pear"),
                catalogContract);
        Path sales = csv(dir, "sales.csv", HEADER, "A,S1,2024-01-01,1,1", "C,S1,2024-01-01,1,1");

        Batch batch = ingestor.ingest(sales, salesContract(), KnownKeys.none().with("catalog", catalog));

        assertThat(batch.quarantineSample()).extracting(QuarantinedRow::row).containsExactly(2L);
    }

    @Test
    void a_contract_with_a_reference_needs_its_known_keys() throws Exception {
        Path file = csv(dir, "sales.csv", HEADER, "A,S1,2024-01-01,1,1");
        DuckDbBatchIngestor ingestor = new DuckDbBatchIngestor(dir.resolve("data"));

        assertThatThrownBy(() -> ingestor.ingest(file, salesContract(), KnownKeys.none().with("stores", Set.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("contract sales checks item_id against catalog, but no known keys of catalog were given;"
                        + " expected KnownKeys.with(\"catalog\", ...)");
    }
}
