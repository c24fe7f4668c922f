package keel.core.contract;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A row kept out of use because it failed its contract, with every reason it failed (not just the first).
 *
 * @param file the source file's name
 * @param row the 1-based data row number, header not counted (see {@link Rejection#row()})
 * @param reasons every failed check of this row, at least one, all for this file and row
 */
public record QuarantinedRow(String file, long row, List<Rejection> reasons) {

    public QuarantinedRow {
        Objects.requireNonNull(file, "file");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException(file + " row " + row + ": quarantined without a reason; expected at least one");
        }
        for (Rejection reason : reasons) {
            if (!reason.file().equals(file) || reason.row() != row) {
                throw new IllegalArgumentException(file + " row " + row + ": holds a reason for another row: " + reason);
            }
        }
    }

    /** Whether one of the reasons is the given check. */
    public boolean failed(Check check) {
        return reasons.stream().anyMatch(r -> r.check() == check);
    }

    /** All reasons in words, one per line. */
    public String message() {
        return reasons.stream().map(Rejection::message).collect(Collectors.joining("\n"));
    }
}
