package keel.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BatchTest {
    private static final String HASH = "39e7b8475454c9aa45e64fd69c038e0c551127156b541b4c70a53c78d50a787b";

    @Test
    void a_batch_with_quarantined_rows_is_accepted_with_warnings() {
        Batch batch = Batch.checked("sales", HASH, "sales.csv", new RowCounts(10, 9, 1), Path.of("a.parquet"),
                Optional.of(Path.of("q.parquet")), List.of());

        assertThat(batch.status()).isEqualTo(BatchStatus.ACCEPTED_WITH_WARNINGS);
        assertThat(batch.summary()).isEqualTo("sales: sales.csv 10 rows read, 9 accepted, 1 quarantined");
    }

    @Test
    void a_blocked_batch_has_a_reason_and_no_rows() {
        Batch batch = Batch.blocked("sales", HASH, "sales.csv", "sales.csv: the file is empty; expected a header");

        assertThat(batch.isBlocked()).isTrue();
        assertThat(batch.rows()).isEqualTo(RowCounts.NONE);
        assertThat(batch.acceptedRows()).isEmpty();
    }

    @Test
    void a_batch_blocked_after_its_rows_were_checked_keeps_their_counts_but_no_files() {
        Batch batch = Batch.blocked("sales", HASH, "sales.csv", "sales.csv: failed volume", new RowCounts(10, 9, 1));

        assertThat(batch.isBlocked()).isTrue();
        assertThat(batch.rows()).isEqualTo(new RowCounts(10, 9, 1));
        assertThat(batch.acceptedRows()).isEmpty();
        assertThat(batch.quarantinedRows()).isEmpty();
    }

    @Test
    void quarantined_rows_without_a_quarantine_file_are_refused() {
        assertThatThrownBy(() -> Batch.checked("sales", HASH, "sales.csv", new RowCounts(10, 9, 1),
                Path.of("a.parquet"), Optional.empty(), List.of()))
                .hasMessage("batch: expected a quarantine file exactly when rows were quarantined and the batch is not"
                        + " blocked");
    }

    @Test
    void counts_that_do_not_add_up_are_refused() {
        assertThatThrownBy(() -> new RowCounts(10, 9, 2))
                .hasMessage("row counts read 10, accepted 9, quarantined 2; "
                        + "expected read = accepted + quarantined, none negative");
    }

    @Test
    void a_content_hash_must_be_sha256_hex() {
        assertThatThrownBy(() -> Batch.blocked("sales", "abc", "sales.csv", "unreadable"))
                .hasMessage("content hash was \"abc\"; expected 64 lower-case hex digits (SHA-256)");
    }
}
