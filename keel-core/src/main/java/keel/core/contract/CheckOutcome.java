package keel.core.contract;

import java.util.List;
import java.util.Objects;

/**
 * What one dataset check found for one batch.
 *
 * @param check the check's label, e.g. {@code volume} or {@code drift(units)}
 * @param severity what its failure does
 * @param passed whether the batch passed it
 * @param message what was found and what was expected, e.g. {@code 120 rows; expected 950 to 1050 (...)}
 * @param figures the scores it computed (e.g. a drift score), kept in the batch's metric history
 */
public record CheckOutcome(String check, Severity severity, boolean passed, String message, List<Metric> figures) {

    public CheckOutcome {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        figures = List.copyOf(figures);
    }

    /** Whether this failure blocks the batch. */
    public boolean blocks() {
        return !passed && severity == Severity.BLOCK;
    }

    /** Whether this is a warning that travels with the batch. */
    public boolean warns() {
        return !passed && severity == Severity.WARN;
    }

    /** One line, e.g. {@code volume (block): 120 rows; expected 950 to 1050}. */
    public String line() {
        return check + " (" + severity.word() + "): " + message;
    }
}
