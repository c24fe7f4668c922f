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
import keel.core.contract.Batch;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReingestTest {
    @TempDir
    Path dir;

    @Test
    void the_same_file_twice_is_a_no_op_that_returns_the_stored_batch() throws Exception {
        Path file = csv(dir, "sales.csv", HEADER, "A,S1,2024-01-01,3,1.5", "A,S1,2024-01-02,-3,1.5");
        DuckDbBatchIngestor ingestor = new DuckDbBatchIngestor(dir.resolve("data"));
        Batch first = ingestor.ingest(file, salesContract(), catalog());
        FileTime written = Files.getLastModifiedTime(first.acceptedRows().orElseThrow());

        Batch second = ingestor.ingest(file, salesContract(), catalog());

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second.acceptedRows().orElseThrow())).isEqualTo(written);
        assertThat(filesUnder(dir.resolve("data"))).containsExactly(
                "batches/sales/" + first.contentHash() + ".batch.properties",
                "batches/sales/" + first.contentHash() + ".parquet",
                "batches/sales/" + first.contentHash() + ".quarantine.parquet");
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
        Path marker = first.acceptedRows().orElseThrow().resolveSibling(first.contentHash() + ".batch.properties");
        Files.delete(marker);
        Files.writeString(first.acceptedRows().orElseThrow(), "half-written");

        Batch again = ingestor.ingest(file, salesContract(), catalog());

        assertThat(again).isEqualTo(first);
        assertThat(new DuckDbBatchReader().dailySeries(again, SeriesQuery.of(java.util.List.of("item_id"), "date",
                "units"))).hasSize(1);
        assertThat(marker).exists();
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
