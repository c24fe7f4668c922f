package keel.store.files;

import static keel.store.files.Fixtures.HEADER;
import static keel.store.files.Fixtures.catalog;
import static keel.store.files.Fixtures.csv;
import static keel.store.files.Fixtures.filesUnder;
import static keel.store.files.Fixtures.salesContract;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import keel.core.contract.Batch;
import keel.core.contract.Column;
import keel.core.contract.InputContract;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReingestTest {
    @TempDir
    Path dir;

    private static String stem(Batch batch) {
        return batch.acceptedRows().orElseThrow().getFileName().toString().replace(".parquet", "");
    }

    @Test
    void the_same_file_twice_is_a_no_op_that_returns_the_stored_batch() throws Exception {
        Path file = csv(dir, "sales.csv", HEADER, "A,S1,2024-01-01,3,1.5", "A,S1,2024-01-02,-3,1.5");
        DuckDbBatchIngestor ingestor = new DuckDbBatchIngestor(dir.resolve("data"));
        Batch first = ingestor.ingest(file, salesContract(), catalog());
        FileTime written = Files.getLastModifiedTime(first.acceptedRows().orElseThrow());

        Batch second = ingestor.ingest(file, salesContract(), catalog());

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second.acceptedRows().orElseThrow())).isEqualTo(written);
        String stem = stem(first);
        assertThat(filesUnder(dir.resolve("data"))).containsExactly("batches/sales/" + stem + ".batch.properties",
                "batches/sales/" + stem + ".parquet", "batches/sales/" + stem + ".quarantine.parquet");
    }

    @Test
    void a_new_ingestor_on_the_same_data_directory_finds_the_stored_batch() throws Exception {
        Path file = csv(dir, "sales.csv", HEADER, "A,S1,2024-01-01,3,1.5");
        Batch first = new DuckDbBatchIngestor(dir.resolve("data")).ingest(file, salesContract(), catalog());

        Batch again = new DuckDbBatchIngestor(dir.resolve("data")).ingest(file, salesContract(), catalog());

        assertThat(again).isEqualTo(first);
    }

    @Test
    void files_left_by_an_ingest_killed_before_it_finished_are_written_again() throws Exception {
        Path file = csv(dir, "sales.csv", HEADER, "A,S1,2024-01-01,3,1.5");
        DuckDbBatchIngestor ingestor = new DuckDbBatchIngestor(dir.resolve("data"));
        Batch first = ingestor.ingest(file, salesContract(), catalog());
        Path marker = first.acceptedRows().orElseThrow().resolveSibling(stem(first) + ".batch.properties");
        Files.delete(marker);
        Files.writeString(first.acceptedRows().orElseThrow(), "half-written");

        Batch again = ingestor.ingest(file, salesContract(), catalog());

        assertThat(again).isEqualTo(first);
        assertThat(new DuckDbBatchReader().dailySeries(again, SeriesQuery.of(java.util.List.of("item_id"), "date",
                "units"))).hasSize(1);
        assertThat(marker).exists();
    }

    @Test
    void the_same_bytes_under_a_stricter_contract_are_checked_again_and_the_first_batch_is_kept() throws Exception {
        Path file = csv(dir, "sales.csv", HEADER, "A,S1,2024-01-01,3,1.5", "A,S1,2024-01-02,1,1.5");
        DuckDbBatchIngestor ingestor = new DuckDbBatchIngestor(dir.resolve("data"));
        Batch lenient = ingestor.ingest(file, salesContract(), catalog());
        InputContract contract = salesContract();
        List<Column> stricter = contract.columns().stream()
                .map(c -> c.name().equals("units") ? c.atLeast(2) : c).toList();
        InputContract strict = new InputContract(contract.input(), contract.owner(), stricter, contract.keyColumns(),
                contract.references(), contract.dateFormat());

        Batch checkedAgain = ingestor.ingest(file, strict, catalog());

        assertThat(checkedAgain.contentHash()).isEqualTo(lenient.contentHash());
        assertThat(checkedAgain.rows().quarantined()).isEqualTo(1);
        assertThat(ingestor.ingest(file, salesContract(), catalog())).isEqualTo(lenient);
        assertThat(checkedAgain.acceptedRows()).isNotEqualTo(lenient.acceptedRows());
    }

    @Test
    void the_same_bytes_against_a_new_catalog_are_checked_again() throws Exception {
        Path file = csv(dir, "sales.csv", HEADER, "A,S1,2024-01-01,3,1.5", "D,S1,2024-01-02,1,1.5");
        DuckDbBatchIngestor ingestor = new DuckDbBatchIngestor(dir.resolve("data"));
        Batch before = ingestor.ingest(file, salesContract(), catalog());

        Batch after = ingestor.ingest(file, salesContract(), KnownKeys.none().with("catalog", Set.of("A", "D")));

        assertThat(before.rows().quarantined()).isEqualTo(1);
        assertThat(after.rows().quarantined()).isZero();
    }

    @Test
    void the_same_bytes_under_another_name_are_the_same_batch() throws Exception {
        Path file = csv(dir, "sales.csv", HEADER, "A,S1,2024-01-01,3,1.5");
        Path copy = Files.copy(file, dir.resolve("sales-copy.csv"));
        DuckDbBatchIngestor ingestor = new DuckDbBatchIngestor(dir.resolve("data"));
        Batch first = ingestor.ingest(file, salesContract(), catalog());

        Batch second = ingestor.ingest(copy, salesContract(), catalog());

        assertThat(second.contentHash()).isEqualTo(first.contentHash());
        assertThat(second.sourceFile()).isEqualTo("sales.csv");
    }
}
