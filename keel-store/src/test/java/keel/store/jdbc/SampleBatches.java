package keel.store.jdbc;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import keel.core.contract.Batch;
import keel.core.contract.Check;
import keel.core.contract.QuarantinedRow;
import keel.core.contract.Rejection;
import keel.core.contract.RowCounts;

/** Batches for store tests (their files need not exist: the store keeps only their metadata). */
final class SampleBatches {
    private SampleBatches() {
    }

    static Batch salesWithOneBadRow() {
        Rejection r = new Rejection("sales.csv", 3, "units", Optional.of("-3"), Check.MIN, "a whole number >= 0");
        return Batch.checked("sales", "a".repeat(64), "sales.csv", new RowCounts(10, 9, 1), Path.of("batches/aaa.parquet"),
                Optional.of(Path.of("batches/aaa.quarantine.parquet")), List.of(new QuarantinedRow("sales.csv", 3, List.of(r))));
    }

    static Batch blockedCatalog() {
        return Batch.blocked("catalog", "b".repeat(64), "catalog.csv", "catalog.csv: column unit_price is missing; expected it");
    }
}
