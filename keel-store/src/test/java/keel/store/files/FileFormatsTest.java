package keel.store.files;

import static keel.store.files.Fixtures.HEADER;
import static keel.store.files.Fixtures.catalog;
import static keel.store.files.Fixtures.csv;
import static keel.store.files.Fixtures.gzip;
import static keel.store.files.Fixtures.parquet;
import static keel.store.files.Fixtures.salesContract;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import keel.core.contract.Batch;
import keel.core.contract.QuarantinedRow;
import keel.core.contract.Rejection;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FileFormatsTest {
    private static final String[] LINES = {HEADER,
            "A,S1,2024-01-01,3,1.5", "A,S1,2024-01-02,-3,1.5", "Z,S2,2024-01-01,7,", "B,S2,2024-01-03,0,2.25"};

    @TempDir
    Path dir;

    private Batch ingest(Path file) {
        return new DuckDbBatchIngestor(dir.resolve("data-" + file.getFileName())).ingest(file, salesContract(), catalog());
    }

    private static List<String> reasons(Batch batch) {
        return batch.quarantineSample().stream().map(QuarantinedRow::reasons).flatMap(List::stream)
                .map(r -> r.row() + " " + r.column() + " " + r.value().orElse("") + " " + r.check()).toList();
    }

    private static List<List<String>> seriesOf(Batch batch) {
        return new DuckDbBatchReader().dailySeries(batch, SeriesQuery.of(List.of("item_id"), "date", "units"))
                .stream().map(s -> List.of(s.id(), s.dates().toString(), java.util.Arrays.toString(s.values())))
                .toList();
    }

    @Test
    void gzip_and_parquet_read_the_same_as_csv() throws Exception {
        Path csv = csv(dir, "sales.csv", LINES);
        Path gzip = gzip(dir, "sales.csv.gz", LINES);
        Path parquet = parquet(csv, dir.resolve("sales.parquet"));

        Batch fromCsv = ingest(csv);
        Batch fromGzip = ingest(gzip);
        Batch fromParquet = ingest(parquet);

        assertThat(fromCsv.rows().accepted()).isEqualTo(2);
        assertThat(List.of(fromGzip.rows(), fromParquet.rows())).containsOnly(fromCsv.rows());
        assertThat(List.of(reasons(fromGzip), reasons(fromParquet))).containsOnly(reasons(fromCsv));
        assertThat(List.of(seriesOf(fromGzip), seriesOf(fromParquet))).containsOnly(seriesOf(fromCsv));
    }

    @Test
    void a_byte_order_mark_and_windows_line_ends_read_the_same_as_plain_csv() throws Exception {
        Path csv = csv(dir, "sales.csv", LINES);
        Path windows = java.nio.file.Files.writeString(dir.resolve("windows.csv"),
                "\uFEFF" + String.join("\r\n", LINES) + "\r\n", java.nio.charset.StandardCharsets.UTF_8);

        Batch plain = ingest(csv);
        Batch fromWindows = ingest(windows);

        assertThat(fromWindows.rows()).isEqualTo(plain.rows());
        assertThat(seriesOf(fromWindows)).isEqualTo(seriesOf(plain));
    }

    @Test
    void a_gzip_file_is_recognised_by_its_bytes_not_its_name() throws Exception {
        Path gzip = gzip(dir, "sales.csv", LINES);

        Batch batch = ingest(gzip);

        assertThat(batch.rows().read()).isEqualTo(4);
    }

    @Test
    void parquet_rows_are_numbered_from_one_in_file_order() throws Exception {
        Path parquet = parquet(csv(dir, "sales.csv", LINES), dir.resolve("sales.parquet"));

        Batch batch = ingest(parquet);

        assertThat(batch.quarantineSample()).extracting(QuarantinedRow::row).containsExactly(2L, 3L);
        assertThat(batch.quarantineSample().get(0).reasons()).extracting(Rejection::message)
                .containsExactly("sales.parquet row 2: units was \"-3\"; expected a whole number >= 0");
    }
}
