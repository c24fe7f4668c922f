package keel.store.files;

import static keel.store.files.Fixtures.HEADER;
import static keel.store.files.Fixtures.catalog;
import static keel.store.files.Fixtures.csv;
import static keel.store.files.Fixtures.salesContract;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import keel.core.contract.Batch;
import keel.core.contract.Check;
import keel.core.contract.QuarantinedRow;
import keel.core.contract.Rejection;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows sharing a key: which one is right cannot be known, so all of them are quarantined and none kept. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DuplicateKeysTest {
    @TempDir
    Path dir;

    @Test
    void all_rows_sharing_a_key_are_quarantined_and_none_is_kept() throws Exception {
        Path file = csv(dir, "sales.csv", HEADER,
                "A,S1,2024-01-01,3,1.5", "B,S1,2024-01-01,4,1.5", "A,S1,2024-01-01,5,1.5");

        Batch batch = new DuckDbBatchIngestor(dir.resolve("data")).ingest(file, salesContract(), catalog());

        assertThat(batch.rows().accepted()).isEqualTo(1);
        assertThat(batch.quarantineSample()).extracting(QuarantinedRow::row).containsExactly(1L, 3L);
        assertThat(batch.quarantineSample().get(0).reasons()).extracting(Rejection::message).containsExactly(
                "sales.csv row 1: item_id, store_id, date was \"A, S1, 2024-01-01\"; "
                        + "expected a key (item_id, store_id, date) no other row has; 2 rows have it");
    }

    @Test
    void keys_are_compared_as_typed_values_so_a_differently_written_date_is_still_a_duplicate() throws Exception {
        Path file = csv(dir, "sales.csv", HEADER, "A,S1,2024-01-01,3,1.5", "A,S1, 2024-01-01,5,1.5");

        Batch batch = new DuckDbBatchIngestor(dir.resolve("data")).ingest(file, salesContract(), catalog());

        assertThat(batch.rows().quarantined()).isEqualTo(2);
        assertThat(batch.quarantineSample()).allMatch(row -> row.failed(Check.UNIQUE_KEY));
    }

    @Test
    void a_row_whose_key_is_incomplete_is_quarantined_for_that_and_not_as_a_duplicate() throws Exception {
        Path file = csv(dir, "sales.csv", HEADER, "A,S1,,3,1.5", "A,S1,,5,1.5");

        Batch batch = new DuckDbBatchIngestor(dir.resolve("data")).ingest(file, salesContract(), catalog());

        assertThat(batch.quarantineSample()).allMatch(row -> row.failed(Check.REQUIRED) && !row.failed(Check.UNIQUE_KEY));
    }
}
