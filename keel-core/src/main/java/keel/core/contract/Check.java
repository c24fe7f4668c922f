package keel.core.contract;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of check a contract makes on each row. Each {@link Rejection} names the one that failed. */
public enum Check {
    /** A required column is empty. */
    REQUIRED("required"),
    /** A value does not parse as the column's {@link ColumnType}. */
    TYPE("type"),
    /** A number is below the column's minimum. */
    MIN("min"),
    /** A number is above the column's maximum. */
    MAX("max"),
    /** A value is not among the column's allowed values. */
    ALLOWED_VALUES("allowed_values"),
    /** A text value does not match the column's pattern. */
    PATTERN("pattern"),
    /** A decimal value has more digits after the point than the column allows. */
    PRECISION("precision"),
    /** Another row has the same key; all rows sharing a key are quarantined. */
    UNIQUE_KEY("unique_key"),
    /** A value is not among the known keys of the referenced input. */
    REFERENCE("reference"),
    /**
     * A line of a CSV file is not a record of the header's columns (too many or too few fields, a stray quote,
     * bytes that are not UTF-8); its text is kept as the value.
     */
    LINE("line");

    private final String id;

    Check(String id) {
        this.id = id;
    }

    /** The stable name stored with quarantined rows, e.g. {@code unique_key}. */
    public String id() {
        return id;
    }

    /** The check whose {@link #id()} is {@code id}, or empty. */
    public static Optional<Check> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
