package keel.store.files;

import static keel.store.files.Fixtures.HEADER;
import static keel.store.files.Fixtures.catalog;
import static keel.store.files.Fixtures.csv;
import static keel.store.files.Fixtures.salesContract;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import keel.core.contract.Batch;
import keel.core.contract.BatchStatus;
import keel.core.contract.Check;
import keel.core.contract.QuarantinedRow;
import keel.core.contract.Rejection;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RowChecksTest {
    @TempDir
    Path dir;

    private Batch ingest(String... rows) throws Exception {
        String[] lines = new String[rows.length + 1];
        lines[0] = HEADER;
        System.arraycopy(rows, 0, lines, 1, rows.length);
        Path file = csv(dir, "sales.csv", lines);
        return new DuckDbBatchIngestor(dir.resolve("data")).ingest(file, salesContract(), catalog());
    }

    private static List<String> messages(Batch batch) {
        return batch.quarantineSample().stream().flatMap(r -> r.reasons().stream()).map(Rejection::message).toList();
    }

    @Test
    void a_clean_file_is_accepted_whole() throws Exception {
        Batch batch = ingest("A,S1,2024-01-01,3,1.5", "B,S1,2024-01-01,0,");

        assertThat(batch.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(batch.rows().read()).isEqualTo(2);
        assertThat(batch.rows().accepted()).isEqualTo(2);
        assertThat(batch.quarantinedRows()).isEmpty();
        assertThat(batch.acceptedRows().orElseThrow().getFileName().toString())
                .startsWith(batch.contentHash() + "-").endsWith(".parquet");
    }

    @Test
    void row_with_negative_quantity_is_quarantined_with_its_reason() throws Exception {
        Batch batch = ingest("A,S1,2024-01-01,3,1.5", "A,S1,2024-01-02,-3,1.5");

        assertThat(batch.status()).isEqualTo(BatchStatus.ACCEPTED_WITH_WARNINGS);
        assertThat(batch.rows().accepted()).isEqualTo(1);
        assertThat(batch.rows().quarantined()).isEqualTo(1);
        assertThat(messages(batch)).containsExactly("sales.csv row 2: units was \"-3\"; expected a whole number >= 0");
        assertThat(batch.quarantinedRows().orElseThrow().getFileName().toString())
                .startsWith(batch.contentHash() + "-").endsWith(".quarantine.parquet");
    }

    @Test
    void an_unknown_item_is_quarantined() throws Exception {
        Batch batch = ingest("A,S1,2024-01-01,3,1.5", "Z,S1,2024-01-01,3,1.5");

        assertThat(messages(batch)).containsExactly("sales.csv row 2: item_id was \"Z\"; expected an existing item_id of catalog");
    }

    @Test
    void a_bad_date_is_quarantined() throws Exception {
        Batch batch = ingest("A,S1,2024-02-30,3,1.5", "B,S1,01/02/2024,3,1.5");

        assertThat(messages(batch)).containsExactly(
                "sales.csv row 1: date was \"2024-02-30\"; expected a date in the format %Y-%m-%d",
                "sales.csv row 2: date was \"01/02/2024\"; expected a date in the format %Y-%m-%d");
    }

    @Test
    void text_or_a_fraction_in_a_whole_number_column_is_quarantined_not_rounded() throws Exception {
        Batch batch = ingest("A,S1,2024-01-01,three,1.5", "B,S1,2024-01-01,3.5,1.5", "C,S1,2024-01-01,1e3,1.5");

        assertThat(messages(batch)).containsExactly(
                "sales.csv row 1: units was \"three\"; expected a whole number",
                "sales.csv row 2: units was \"3.5\"; expected a whole number",
                "sales.csv row 3: units was \"1e3\"; expected a whole number");
    }

    @Test
    void a_whole_number_with_a_zero_fraction_is_accepted_as_written_by_float_columns() throws Exception {
        Batch batch = ingest("A,S1,2024-01-01,3.0,1.5", "B,S1,2024-01-01, 4 ,1.5");

        assertThat(batch.status()).isEqualTo(BatchStatus.ACCEPTED);
    }

    @Test
    void a_decimal_with_a_comma_or_not_a_number_is_quarantined() throws Exception {
        Batch batch = ingest("A,S1,2024-01-01,3,\"1,5\"", "B,S1,2024-01-01,3,NaN", "C,S1,2024-01-01,3,2.5");

        assertThat(messages(batch)).containsExactly(
                "sales.csv row 1: price was \"1,5\"; expected a number",
                "sales.csv row 2: price was \"NaN\"; expected a number");
        assertThat(batch.rows().accepted()).isEqualTo(1);
    }

    @Test
    void a_missing_required_value_and_a_value_not_allowed_are_quarantined() throws Exception {
        Batch batch = ingest("A,S1,2024-01-01,,1.5", "B,S9,2024-01-01,3,1.5");

        assertThat(messages(batch)).containsExactly(
                "sales.csv row 1: units is empty; expected a value",
                "sales.csv row 2: store_id was \"S9\"; expected one of \"S1\", \"S2\"");
    }

    @Test
    void a_row_keeps_every_reason_it_failed() throws Exception {
        Batch batch = ingest("Z,S9,someday,-1,-2");

        QuarantinedRow row = batch.quarantineSample().get(0);

        assertThat(row.row()).isEqualTo(1);
        assertThat(row.reasons()).extracting(Rejection::check)
                .containsExactlyInAnyOrder(Check.ALLOWED_VALUES, Check.TYPE, Check.MIN, Check.MIN, Check.REFERENCE);
    }

    @Test
    void an_empty_optional_value_is_accepted() throws Exception {
        Batch batch = ingest("A,S1,2024-01-01,0,");

        assertThat(batch.status()).isEqualTo(BatchStatus.ACCEPTED);
    }

    @Test
    void the_quarantine_sample_is_capped_but_every_row_is_counted_and_stored() throws Exception {
        Path file = csv(dir, "sales.csv", HEADER, "A,S1,2024-01-01,-1,", "A,S1,2024-01-02,-1,", "A,S1,2024-01-03,-1,");

        Batch batch = new DuckDbBatchIngestor(dir.resolve("data"), IngestLimits.DEFAULT.withQuarantineSample(2)).ingest(file, salesContract(), catalog());

        assertThat(batch.rows().quarantined()).isEqualTo(3);
        assertThat(batch.quarantineSample()).extracting(QuarantinedRow::row).containsExactly(1L, 2L);
        assertThat(batch.hasCompleteQuarantineSample()).isFalse();
        assertThat(new DuckDbBatchReader().quarantinedRows(batch, 10)).extracting(QuarantinedRow::row)
                .containsExactly(1L, 2L, 3L);
    }
}
