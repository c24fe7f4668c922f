package keel.store.files;

import static keel.store.files.Fixtures.HEADER;
import static keel.store.files.Fixtures.catalog;
import static keel.store.files.Fixtures.csv;
import static keel.store.files.Fixtures.filesUnder;
import static keel.store.files.Fixtures.salesContract;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import keel.core.contract.Batch;
import keel.core.contract.BatchStatus;
import keel.core.contract.Check;
import keel.core.contract.QuarantinedRow;
import keel.core.contract.RowCounts;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BlockedFilesTest {
    @TempDir
    Path dir;

    private Batch ingest(Path file) {
        return new DuckDbBatchIngestor(dir.resolve("data")).ingest(file, salesContract(), catalog());
    }

    private void assertBlockedWithNothingWritten(Batch batch) throws Exception {
        assertThat(batch.status()).isEqualTo(BatchStatus.BLOCKED);
        assertThat(batch.rows()).isEqualTo(RowCounts.NONE);
        assertThat(batch.acceptedRows()).isEmpty();
        assertThat(batch.blockedReason().orElseThrow()).doesNotContain("\n").startsWith(batch.sourceFile() + ": ");
        assertThat(filesUnder(dir.resolve("data"))).isEmpty();
    }

    @Test
    void a_missing_column_blocks_the_batch_with_a_clear_message() throws Exception {
        Path file = csv(dir, "sales.csv", "item_id,store_id,date,price", "A,S1,2024-01-01,1.5");

        Batch batch = ingest(file);

        assertBlockedWithNothingWritten(batch);
        assertThat(batch.blockedReason()).contains("sales.csv: column units is missing; "
                + "found item_id, store_id, date, price; expected item_id, store_id, date, units, price");
    }

    @Test
    void a_header_naming_a_column_twice_blocks_the_batch() throws Exception {
        Path file = csv(dir, "sales.csv", HEADER + ",units", "A,S1,2024-01-01,3,1.5,4");

        Batch batch = ingest(file);

        assertBlockedWithNothingWritten(batch);
        assertThat(batch.blockedReason())
                .contains("sales.csv: column units appears 2 times in the header; expected each column once");
    }

    @Test
    void a_file_with_another_delimiter_is_blocked_with_a_hint() throws Exception {
        Path file = csv(dir, "sales.csv", HEADER.replace(',', ';'), "A;S1;2024-01-01;3;1.5");

        Batch batch = ingest(file);

        assertBlockedWithNothingWritten(batch);
        assertThat(batch.blockedReason().orElseThrow())
                .startsWith("sales.csv: columns item_id, store_id, date, units, price are missing; found item_id;store_id")
                .endsWith("(the file seems to be separated by \";\"; expected \",\" as the contract's csv.delimiter declares)");
    }

    @Test
    void an_empty_file_is_blocked() throws Exception {
        Path file = Files.createFile(dir.resolve("sales.csv"));

        Batch batch = ingest(file);

        assertBlockedWithNothingWritten(batch);
        assertThat(batch.blockedReason()).contains("sales.csv: the file is empty; "
                + "expected a header line with the columns item_id, store_id, date, units, price");
    }

    @Test
    void a_header_without_rows_is_blocked() throws Exception {
        Path file = csv(dir, "sales.csv", HEADER);

        Batch batch = ingest(file);

        assertBlockedWithNothingWritten(batch);
        assertThat(batch.blockedReason()).contains("sales.csv: has no data rows; expected at least one row");
    }

    @Test
    void a_binary_file_that_is_not_a_csv_is_blocked_without_a_stack_trace() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', (byte) 0xff, 0};
        Path file = Files.write(dir.resolve("sales.csv"), png);

        Batch batch = ingest(file);

        assertBlockedWithNothingWritten(batch);
        assertThat(batch.blockedReason().orElseThrow()).startsWith("sales.csv: ").doesNotContain("Exception");
    }

    @Test
    void a_json_file_is_blocked() throws Exception {
        Path file = csv(dir, "sales.csv", "[{\"item_id\": \"A\", \"units\": 3}]");

        Batch batch = ingest(file);

        assertBlockedWithNothingWritten(batch);
        assertThat(batch.blockedReason()).contains("sales.csv: cannot be read as CSV (its lines do not share one "
                + "comma-separated layout); expected UTF-8 text, a header line, comma-separated fields, "
                + "the same number of fields on every line");
    }

    @Test
    void a_line_with_too_many_fields_near_the_top_is_quarantined_as_one_deep_in_the_file_is() throws Exception {
        // the dialect is declared, so DuckDB's sniffing of the first lines no longer fails the whole read
        Path file = csv(dir, "sales.csv", HEADER, "A,S1,2024-01-01,3,1.5", "B,S1,2024-01-01,3,1.5,extra,more");

        Batch batch = ingest(file);

        assertThat(batch.status()).isEqualTo(BatchStatus.ACCEPTED_WITH_WARNINGS);
        assertThat(batch.rows()).isEqualTo(new RowCounts(2, 1, 1));
        assertThat(batch.quarantineSample()).extracting(QuarantinedRow::message).containsExactly(
                "sales.csv row 2: the line was \"B,S1,2024-01-01,3,1.5,extra,more\"; expected a record of 5"
                        + " comma-separated fields, as in the header; found too many columns");
    }

    @Test
    void row_numbers_count_records_not_lines_across_a_quoted_line_break() throws Exception {
        // physical lines: header 1, A 2, "B<newline>X" 3-4, A 5, the malformed one 6, the -3 one 7
        Path file = csv(dir, "sales.csv", HEADER, "A,S1,2024-01-01,3,1.5", "\"B\nX\",S1,2024-01-01,3,1.5",
                "A,S1,2024-01-02,3,1.5", "B,S1,2024-01-01,3,1.5,extra", "A,S1,2024-01-03,-3,1.5", "A,S1,2024-01-04,3,1.5");

        Batch batch = ingest(file);

        assertThat(batch.rows()).isEqualTo(new RowCounts(6, 3, 3));
        assertThat(batch.quarantineSample()).extracting(QuarantinedRow::message).satisfiesExactly(
                m -> assertThat(m).startsWith("sales.csv row 2: item_id was \"B\nX\""),
                m -> assertThat(m).startsWith("sales.csv row 4: the line was \"B,S1,2024-01-01,3,1.5,extra\""),
                m -> assertThat(m).isEqualTo("sales.csv row 5: units was \"-3\"; expected a whole number >= 0"));
    }

    @Test
    void a_line_with_too_many_fields_deep_in_the_file_is_quarantined_and_the_other_rows_keep_their_numbers()
            throws Exception {
        String[] lines = new String[30_003];
        lines[0] = HEADER;
        for (int i = 1; i < lines.length; i++) {
            lines[i] = "A,S1," + LocalDate.of(1990, 1, 1).plusDays(i) + "," + i + ",1.5";
        }
        lines[30_000] = "B,S1,2024-01-01,3,1.5,extra";
        lines[30_002] = "A,S1,1980-01-02,-3,1.5";
        Path file = csv(dir, "sales.csv", lines);

        Batch batch = ingest(file);

        assertThat(batch.status()).isEqualTo(BatchStatus.ACCEPTED_WITH_WARNINGS);
        assertThat(batch.rows()).isEqualTo(new RowCounts(30_002, 30_000, 2));
        assertThat(batch.quarantineSample()).extracting(QuarantinedRow::message).containsExactly(
                "sales.csv row 30000: the line was \"B,S1,2024-01-01,3,1.5,extra\"; expected a record of 5"
                        + " comma-separated fields, as in the header; found too many columns",
                "sales.csv row 30002: units was \"-3\"; expected a whole number >= 0");
        assertThat(batch.quarantineSample().get(0).failed(Check.LINE)).isTrue();
        assertThat(new DuckDbBatchReader().quarantinedRows(batch, 10)).isEqualTo(batch.quarantineSample());
    }

    @Test
    void a_parquet_file_without_a_declared_column_is_blocked() throws Exception {
        Path csv = csv(dir, "in.csv", "item_id,store_id,date,price", "A,S1,2024-01-01,1.5");
        Path parquet = Fixtures.parquet(csv, dir.resolve("sales.parquet"));

        Batch batch = ingest(parquet);

        assertBlockedWithNothingWritten(batch);
        assertThat(batch.blockedReason()).contains("sales.parquet: column units is missing; "
                + "found item_id, store_id, date, price; expected item_id, store_id, date, units, price");
    }

    @Test
    void a_truncated_parquet_file_is_blocked() throws Exception {
        Path csv = csv(dir, "in.csv", HEADER, "A,S1,2024-01-01,3,1.5");
        byte[] whole = Files.readAllBytes(Fixtures.parquet(csv, dir.resolve("whole.parquet")));
        Path truncated = Files.write(dir.resolve("sales.parquet"), java.util.Arrays.copyOf(whole, whole.length / 2));

        Batch batch = ingest(truncated);

        assertBlockedWithNothingWritten(batch);
        assertThat(batch.blockedReason().orElseThrow()).startsWith("sales.parquet: cannot be read as Parquet (")
                .endsWith("; expected a Parquet file");
    }

    @Test
    void a_corrupt_gzip_file_is_blocked() throws Exception {
        byte[] broken = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8};
        Path file = Files.write(dir.resolve("sales.csv.gz"), broken);

        Batch batch = ingest(file);

        assertBlockedWithNothingWritten(batch);
        assertThat(batch.blockedReason().orElseThrow()).startsWith("sales.csv.gz: cannot be read as gzip'd CSV (");
    }
}
