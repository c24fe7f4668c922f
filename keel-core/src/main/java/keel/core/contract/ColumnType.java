package keel.core.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The type a column's values must have. Values arrive as text and must parse as this type. */
public enum ColumnType {
    /**
     * A whole number: digits with an optional sign and an optional zero fraction, e.g. {@code -3} or
     * {@code 3.0}; not {@code 3.5} or {@code 1e3}.
     */
    INTEGER("integer", "a whole number"),
    /** A finite decimal number, e.g. {@code 0.85} or {@code 1e3}; not {@code NaN} or {@code 1,5}. */
    DECIMAL("decimal", "a number"),
    /** Any text. */
    TEXT("text", "text"),
    /** A calendar date in the contract's date format. */
    DATE("date", "a date");

    private final String word;
    private final String description;

    ColumnType(String word, String description) {
        this.word = word;
        this.description = description;
    }

    /** The word used in contract files, e.g. {@code integer}. */
    public String word() {
        return word;
    }

    /** What a value of this type is, in words for messages, e.g. {@code a whole number}. */
    public String description() {
        return description;
    }

    /** Whether values of this type can be compared with a numeric min or max. */
    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    /** The type named by {@code word} (case-insensitive), or empty when there is none. */
    public static Optional<ColumnType> fromWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.word.equals(lower)).findFirst();
    }

    /** The words of all types, e.g. {@code integer, decimal, text, date}. */
    public static String words() {
        return Arrays.stream(values()).map(ColumnType::word).collect(Collectors.joining(", "));
    }
}
