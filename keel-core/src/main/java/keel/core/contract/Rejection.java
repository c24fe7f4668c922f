package keel.core.contract;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One reason a row failed its contract: where, what was found and what was expected.
 *
 * @param file the source file's name, e.g. {@code sales.csv}
 * @param row the 1-based number of the data row: the header is not counted, so row 1 is the first
 *     line after the header (for Parquet, the first row of the file)
 * @param column the column checked; for a key check, the key's columns joined by {@code ", "}
 * @param value the value as found in the file, before any parsing; empty when the field was empty
 * @param check the check that failed
 * @param expected what a good value looks like, e.g. {@code a whole number >= 0}
 */
public record Rejection(String file, long row, String column, Optional<String> value, Check check, String expected) {

    public Rejection {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(expected, "expected");
        if (row < 1) {
            throw new IllegalArgumentException("rejection row was " + row + "; expected a data row number >= 1");
        }
    }

    /** The reason in words, e.g. {@code sales.csv row 1042: units was "-3"; expected a whole number >= 0}. */
    public String message() {
        String found = value.map(v -> "was \"" + v + '"').orElse("is empty");
        return String.format(Locale.ROOT, "%s row %d: %s %s; expected %s", file, row, column, found, expected);
    }

    @Override
    public String toString() {
        return message();
    }
}
