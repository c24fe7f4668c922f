package keel.store.jdbc;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import keel.core.contract.BatchStatus;

/**
 * A batch as the control plane knows it: its contract result and where its files are.
 *
 * @param firstDate earliest date in the batch's accepted rows, when the input has dates
 * @param lastDate latest date in the batch's accepted rows, when the input has dates
 */
public record BatchRecord(String hash, String input, String sourceFile, BatchStatus status, Optional<String> reason,
        long rowsRead, long rowsAccepted, long rowsQuarantined, Optional<Path> dataPath, Optional<Path> quarantinePath,
        Optional<LocalDate> firstDate, Optional<LocalDate> lastDate, Instant ingestedAt) {
}
