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

    private static keel.core.contract.InputContract declaring(keel.core.contract.CsvDialect dialect) {
        keel.core.contract.InputContract c = salesContract();
        return new keel.core.contract.InputContract(c.input(), c.owner(), c.columns(), c.keyColumns(), c.references(),
                c.dateFormat(), c.checks(), dialect);
    }

    @Test
    void a_file_in_the_dialect_its_contract_declares_reads_the_same_as_plain_csv() throws Exception {
        Path plain = csv(dir, "sales.csv", LINES);
        // semicolons, single quotes around a field holding the delimiter's neighbour and a doubled quote
        Path semicolons = csv(dir, "semicolons.csv", "item_id;store_id;date;units;price",
                "'A';S1;2024-01-01;3;1.5", "A;S1;2024-01-02;-3;1.5", "Z;'S2';2024-01-01;7;", "B;S2;2024-01-03;'0';2.25");
        Path tabs = gzip(dir, "tabs.csv.gz", java.util.Arrays.stream(LINES).map(l -> l.replace(',', '\t'))
                .toArray(String[]::new));

        Batch fromPlain = ingest(plain);
        Batch fromSemicolons = new DuckDbBatchIngestor(dir.resolve("data-semicolons"))
                .ingest(semicolons, declaring(new keel.core.contract.CsvDialect(";", "'", "'", "utf-8")), catalog());
        Batch fromTabs = new DuckDbBatchIngestor(dir.resolve("data-tabs"))
                .ingest(tabs, declaring(new keel.core.contract.CsvDialect("\t", "\"", "\"", "utf-8")), catalog());

        assertThat(fromPlain.rows().accepted()).isEqualTo(2);
        assertThat(List.of(fromSemicolons.rows(), fromTabs.rows())).containsOnly(fromPlain.rows());
        assertThat(List.of(reasons(fromSemicolons), reasons(fromTabs))).containsOnly(reasons(fromPlain));
        assertThat(List.of(seriesOf(fromSemicolons), seriesOf(fromTabs))).containsOnly(seriesOf(fromPlain));
    }

    @Test
    void a_latin_1_file_is_decoded_when_declared_and_its_lines_are_malformed_utf_8_otherwise() throws Exception {
        String[] lines = {HEADER, "Caf\u00e9,S1,2024-01-01,3,1.5", "B,S2,2024-01-02,4,2.0"};
        Path latin = java.nio.file.Files.writeString(dir.resolve("latin.csv"), String.join("\n", lines) + "\n",
                java.nio.charset.StandardCharsets.ISO_8859_1);
        KnownKeys known = KnownKeys.none().with("catalog", java.util.Set.of("Caf\u00e9", "B"));

        Batch declared = new DuckDbBatchIngestor(dir.resolve("data-latin"))
                .ingest(latin, declaring(new keel.core.contract.CsvDialect(",", "\"", "\"", "latin-1")), known);
        Batch undeclared = new DuckDbBatchIngestor(dir.resolve("data-utf8")).ingest(latin, salesContract(), known);

        assertThat(declared.rows().accepted()).isEqualTo(2);
        assertThat(seriesOf(declared)).extracting(s -> s.get(0)).containsExactly("B", "Caf\u00e9");
        assertThat(undeclared.blockedReason()).as("blocked").isEmpty();
        assertThat(undeclared.rows().accepted()).isEqualTo(1);
        assertThat(reasons(undeclared)).singleElement().asString().startsWith("1 ").endsWith(" LINE");
    }
}
