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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import keel.core.contract.BatchMetrics;
import keel.core.contract.Batch;
import keel.core.contract.InputContract;
import keel.core.contract.QuarantinedRow;
import keel.core.contract.ReferenceCheck;

/**
 * Ingests input files (CSV, gzip'd CSV, Parquet; told apart by their first bytes) into batches, checking
 * every row against its contract with an in-process DuckDB.
 *
 * <p>Every value is first read as text, so a bad value is seen and reported rather than lost in parsing.
 * The declared columns are loaded as text into a DuckDB table; one aggregation over it checks every row and
 * computes the figures the dataset checks judge ({@link ContractMetrics}), one grouping finds repeated keys by hash,
 * and an ingest writes the accepted rows in one more pass. Java holds only the first quarantined rows, and
 * DuckDB spills to disk beyond its memory limit (see {@link IngestLimits}), so files larger than memory go through.
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
    /** Hashes files while DuckDB checks them; daemon threads, so an idle pool never holds the JVM open. */
    private static final Executor HASHING = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "keel-content-hash");
        thread.setDaemon(true);
        return thread;
    });

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
        return ingest(file, contract, knownKeys, Optional.empty()).batch();
    }

    /**
     * As {@link #ingest(Path, InputContract, KnownKeys)}, with the figures of the accepted rows that the contract's
     * dataset checks judge, computed in the same pass as the row checks.
     *
     * @param previousAccepted the accepted rows of the input's previous batch, for completeness checks
     */
    public Checked ingest(Path file, InputContract contract, KnownKeys knownKeys, Optional<Path> previousAccepted) {
        requireFile(file);
        requireKnownKeys(contract, knownKeys);
        String hash = ContentHash.of(file);
        BatchKey key = BatchKey.of(contract, hash, knownKeys);
        Optional<BatchFiles.Stored> stored = files.find(key);
        if (stored.isPresent()) {
            Batch batch = existing(key, stored.get());
            return new Checked(batch, ContractMetrics.of(batch, contract, previousAccepted));
        }
        Path staging = files.newStaging();
        try {
            Ingestion.Result result = check(file, contract, knownKeys, previousAccepted, staging, true);
            if (result.blocked().isPresent()) {
                return blocked(contract, hash, file, result.blocked().get());
            }
            files.publish(key, result.stagedAccepted().orElseThrow(), result.stagedQuarantine(),
                    new BatchFiles.Stored(file.getFileName().toString(), result.rows()));
            Optional<Path> quarantine = result.stagedQuarantine().map(staged -> files.quarantine(key));
            return new Checked(Batch.checked(key.input(), hash, file.getFileName().toString(), result.rows(),
                    files.accepted(key), quarantine, result.sample()), result.figures());
        } finally {
            BatchFiles.delete(staging);
        }
    }

    /**
     * Checks {@code file} as {@link #ingest(Path, InputContract, KnownKeys, Optional)} would, but writes no rows
     * and stores nothing: the batch names the files its rows would be kept in, which do not exist. The file's
     * SHA-256 is computed on another thread while the rows are checked.
     */
    public Checked dryRun(Path file, InputContract contract, KnownKeys knownKeys, Optional<Path> previousAccepted) {
        requireFile(file);
        requireKnownKeys(contract, knownKeys);
        CompletableFuture<String> hashing = CompletableFuture.supplyAsync(() -> ContentHash.of(file), HASHING);
        Path staging = files.newStaging();
        Ingestion.Result result;
        try {
            result = check(file, contract, knownKeys, previousAccepted, staging, false);
        } finally {
            BatchFiles.delete(staging);
        }
        String hash = hashing.join();
        if (result.blocked().isPresent()) {
            return blocked(contract, hash, file, result.blocked().get());
        }
        BatchKey key = BatchKey.of(contract, hash, knownKeys);
        Optional<Path> quarantine = result.rows().quarantined() > 0 ? Optional.of(files.quarantine(key)) : Optional.empty();
        return new Checked(Batch.checked(key.input(), hash, file.getFileName().toString(), result.rows(),
                files.accepted(key), quarantine, result.sample()), result.figures());
    }

    /** A checked batch and the figures of its accepted rows ({@link BatchMetrics#NONE} when blocked). */
    public record Checked(Batch batch, BatchMetrics figures) {
        public Checked {
            Objects.requireNonNull(batch, "batch");
            Objects.requireNonNull(figures, "figures");
        }
    }

    private Ingestion.Result check(Path file, InputContract contract, KnownKeys knownKeys,
            Optional<Path> previousAccepted, Path staging, boolean write) {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            Ingestion ingestion = new Ingestion(db, file, contract, staging, limits);
            Optional<String> blocked = ingestion.open();
            if (blocked.isPresent()) {
                return Ingestion.Result.blocked(blocked.get());
            }
            return ingestion.check(knownKeys, limits.quarantineSample(), write, previousAccepted);
        } catch (SQLException e) {
            throw new IllegalStateException("checking " + file + " against contract " + contract.input() + " failed", e);
        }
    }

    private static Checked blocked(InputContract contract, String hash, Path file, String reason) {
        return new Checked(Batch.blocked(contract.input(), hash, file.getFileName().toString(), reason),
                BatchMetrics.NONE);
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is not a file; expected an input file to ingest");
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
