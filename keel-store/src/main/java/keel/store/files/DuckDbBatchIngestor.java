package keel.store.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import keel.core.contract.Batch;
import keel.core.contract.InputContract;
import keel.core.contract.QuarantinedRow;
import keel.core.contract.ReferenceCheck;

/**
 * Ingests input files (CSV, gzip'd CSV, Parquet; told apart by their first bytes) into batches, checking
 * every row against its contract with an in-process DuckDB.
 *
 * <p>Every value is first read as text, so a bad value is seen and reported rather than lost in parsing.
 * The checks run in SQL over the whole file; Java holds only the first quarantined rows, and DuckDB spills to
 * disk beyond its memory limit (see {@link IngestLimits}), so files larger than memory go through.
 *
 * <p>The accepted rows go to {@code <dataDir>/batches/<input>/<sha256>-<checks>.parquet} with the contract's
 * types (integer as BIGINT, decimal as DOUBLE, text as VARCHAR, date as DATE); the quarantined rows, with
 * their values as found and their reasons, to {@code <sha256>-<checks>.quarantine.parquet} beside it.
 * {@code <checks>} names the contract and the known keys used, so a changed contract or a new catalog checks
 * the same bytes again rather than reusing a verdict given under other rules. Files are written under a
 * staging name and moved into place atomically, so nothing half-written is ever visible. Ingesting the same
 * bytes under the same checks again returns the stored batch and writes nothing.
 *
 * <p>Thread-safe: each call opens its own in-memory DuckDB.
 */
public final class DuckDbBatchIngestor {
    private final BatchFiles files;
    private final IngestLimits limits;

    /** An ingestor keeping batches under {@code dataDir}, with {@link IngestLimits#DEFAULT}. */
    public DuckDbBatchIngestor(Path dataDir) {
        this(dataDir, IngestLimits.DEFAULT);
    }

    /** An ingestor keeping batches under {@code dataDir}, within {@code limits}. */
    public DuckDbBatchIngestor(Path dataDir, IngestLimits limits) {
        this.files = new BatchFiles(dataDir);
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Ingests a file whose contract has no reference checks. See {@link #ingest(Path, InputContract, KnownKeys)}. */
    public Batch ingest(Path file, InputContract contract) {
        return ingest(file, contract, KnownKeys.none());
    }

    /**
     * Reads {@code file}, checks each row against {@code contract} and stores the result as a batch.
     *
     * @param knownKeys the keys of every input the contract's reference checks name
     * @return the batch: accepted, accepted with warnings (rows quarantined), or blocked when the file is
     *     empty, unreadable or lacks declared columns; the stored batch if these bytes were ingested before
     * @throws IllegalArgumentException if the file does not exist, or known keys are missing for a reference
     */
    public Batch ingest(Path file, InputContract contract, KnownKeys knownKeys) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is not a file; expected an input file to ingest");
        }
        requireKnownKeys(contract, knownKeys);
        String hash = ContentHash.of(file);
        BatchKey key = BatchKey.of(contract, hash, knownKeys);
        Optional<BatchFiles.Stored> stored = files.find(key);
        if (stored.isPresent()) {
            return existing(key, stored.get());
        }
        Path staging = files.newStaging();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            Ingestion ingestion = new Ingestion(db, file, contract, staging, limits);
            Optional<String> blocked = ingestion.load();
            if (blocked.isPresent()) {
                return Batch.blocked(contract.input(), hash, file.getFileName().toString(), blocked.get());
            }
            return ingestion.check(knownKeys, key, limits.quarantineSample(), files);
        } catch (SQLException e) {
            throw new IllegalStateException("checking " + file + " against contract " + contract.input() + " failed", e);
        } finally {
            BatchFiles.delete(staging);
        }
    }

    private Batch existing(BatchKey key, BatchFiles.Stored stored) {
        Optional<Path> quarantine = stored.rows().quarantined() > 0
                ? Optional.of(files.quarantine(key))
                : Optional.empty();
        List<QuarantinedRow> sample = quarantine.isPresent()
                ? new DuckDbBatchReader().quarantinedRows(quarantine.get(), stored.sourceFile(), limits.quarantineSample())
                : List.of();
        return Batch.checked(key.input(), key.contentHash(), stored.sourceFile(), stored.rows(), files.accepted(key),
                quarantine, sample);
    }

    private static void requireKnownKeys(InputContract contract, KnownKeys knownKeys) {
        for (ReferenceCheck reference : contract.references()) {
            if (knownKeys.of(reference.input()).isEmpty()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "contract %s checks %s against %s, but no known keys of %s were given;"
                                + " expected KnownKeys.with(\"%s\", ...)",
                        contract.input(), reference.column(), reference.input(), reference.input(),
                        reference.input()));
            }
        }
    }
}
