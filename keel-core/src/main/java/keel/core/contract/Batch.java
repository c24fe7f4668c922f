package keel.core.contract;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One ingested version of one input, identified by the SHA-256 of the file's bytes, with the result of
 * its contract: the accepted rows (stored in an immutable file) and the quarantined rows with reasons.
 *
 * <p>Made through {@link #checked} (the file was read and each row checked) or {@link #blocked} (the file
 * could not be read as declared, so no row of it may be used).
 *
 * @param input the input's name, e.g. {@code sales}
 * @param contentHash the SHA-256 of the file's bytes, 64 lower-case hex digits
 * @param sourceFile the file's name as ingested, e.g. {@code sales.csv}
 * @param status accepted, accepted with warnings (some rows quarantined) or blocked
 * @param blockedReason why the batch is blocked, naming the file, what was found and what was expected;
 *     present exactly when blocked
 * @param rows how many data rows were read, accepted and quarantined; all zero when the file could not be
 *     read, the counts of its check when the batch was blocked afterwards (e.g. by a dataset check)
 * @param acceptedRows the Parquet file of accepted rows, with the contract's types; empty when blocked
 * @param quarantinedRows the file of quarantined rows with their values as found and their reasons;
 *     present exactly when some rows were quarantined and the batch is not blocked
 * @param quarantineSample the first quarantined rows in file order, at most as many as the ingestor
 *     holds in memory; all of them are in {@code quarantinedRows}
 */
public record Batch(
        String input,
        String contentHash,
        String sourceFile,
        BatchStatus status,
        Optional<String> blockedReason,
        RowCounts rows,
        Optional<Path> acceptedRows,
        Optional<Path> quarantinedRows,
        List<QuarantinedRow> quarantineSample) {

    public Batch {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rows, "rows");
        quarantineSample = List.copyOf(quarantineSample);
        if (contentHash == null || !contentHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(
                    "content hash was \"" + contentHash + "\"; expected 64 lower-case hex digits (SHA-256)");
        }
        boolean blocked = status == BatchStatus.BLOCKED;
        require(blocked == blockedReason.isPresent(), "a blocked reason exactly when blocked");
        require(blocked != acceptedRows.isPresent(), "an accepted-rows file exactly when not blocked");
        require(blocked ? quarantinedRows.isEmpty() : (rows.quarantined() > 0) == quarantinedRows.isPresent(),
                "a quarantine file exactly when rows were quarantined and the batch is not blocked");
        require(blocked || (status == BatchStatus.ACCEPTED) == (rows.quarantined() == 0),
                "status accepted exactly when no row was quarantined");
        require(quarantineSample.size() <= rows.quarantined(), "no more sampled rows than quarantined rows");
    }

    /** A batch whose rows were all checked; accepted with warnings when any were quarantined. */
    public static Batch checked(String input, String contentHash, String sourceFile, RowCounts rows,
            Path acceptedRows, Optional<Path> quarantinedRows, List<QuarantinedRow> quarantineSample) {
        BatchStatus status = rows.quarantined() == 0 ? BatchStatus.ACCEPTED : BatchStatus.ACCEPTED_WITH_WARNINGS;
        return new Batch(input, contentHash, sourceFile, status, Optional.empty(), rows,
                Optional.of(acceptedRows), quarantinedRows, quarantineSample);
    }

    /** A batch that could not be read as declared; {@code reason} names the file, what was found and expected. */
    public static Batch blocked(String input, String contentHash, String sourceFile, String reason) {
        return blocked(input, contentHash, sourceFile, reason, RowCounts.NONE);
    }

    /**
     * A batch whose rows were checked, {@code rows} of them, but which is blocked as a whole, e.g. by a dataset
     * check; none of its rows may be used.
     */
    public static Batch blocked(String input, String contentHash, String sourceFile, String reason, RowCounts rows) {
        return new Batch(input, contentHash, sourceFile, BatchStatus.BLOCKED, Optional.of(reason), rows,
                Optional.empty(), Optional.empty(), List.of());
    }

    /** Whether the batch is blocked, so that none of its rows may be used. */
    public boolean isBlocked() {
        return status == BatchStatus.BLOCKED;
    }

    /** Whether the sample holds every quarantined row. */
    public boolean hasCompleteQuarantineSample() {
        return quarantineSample.size() == rows.quarantined();
    }

    /** One line for people, e.g. {@code sales: sales.csv 1000 rows read, 997 accepted, 3 quarantined}. */
    public String summary() {
        return blockedReason.map(reason -> input + ": blocked: " + reason).orElseGet(() -> String.format(Locale.ROOT,
                "%s: %s %d rows read, %d accepted, %d quarantined", input, sourceFile, rows.read(), rows.accepted(),
                rows.quarantined()));
    }

    private static void require(boolean condition, String expectation) {
        if (!condition) {
            throw new IllegalArgumentException("batch: expected " + expectation);
        }
    }
}
