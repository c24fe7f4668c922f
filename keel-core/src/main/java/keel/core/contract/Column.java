package keel.core.contract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One declared column of an input: its name as written in the file's header, its type, whether it
 * may be empty, and optional bounds or allowed values.
 *
 * @param name the header name, matched exactly
 * @param type the type every non-empty value must parse as
 * @param required whether an empty value (a missing field) is rejected
 * @param min the smallest allowed number, inclusive; only for numeric types
 * @param max the largest allowed number, inclusive; only for numeric types
 * @param allowedValues the values allowed, matched exactly; empty means any value; only for text
 * @param pattern a regular expression (RE2 syntax) every non-empty value must match in full; only for text
 * @param decimals the most digits allowed after the decimal point; only for decimal columns
 */
public record Column(
        String name,
        ColumnType type,
        boolean required,
        Optional<BigDecimal> min,
        Optional<BigDecimal> max,
        List<String> allowedValues,
        Optional<String> pattern,
        Optional<Integer> decimals) {

    /** A column without a pattern or a precision. */
    public Column(String name, ColumnType type, boolean required, Optional<BigDecimal> min, Optional<BigDecimal> max,
            List<String> allowedValues) {
        this(name, type, required, min, max, allowedValues, Optional.empty(), Optional.empty());
    }

    public Column {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(decimals, "decimals");
        if (pattern.isPresent() && type != ColumnType.TEXT) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "column %s: pattern set on a %s column; expected it only on text columns", name, type.word()));
        }
        if (pattern.isPresent()) {
            try {
                java.util.regex.Pattern.compile(pattern.get());
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "column %s: pattern \"%s\" is not a regular expression (%s); expected e.g. \"[A-Z]{2}[0-9]+\"",
                        name, pattern.get(), e.getDescription()), e);
            }
        }
        if (decimals.isPresent() && (type != ColumnType.DECIMAL || decimals.get() < 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "column %s: decimals %d set on a %s column; expected a whole number >= 0 on a decimal column",
                    name, decimals.get(), type.word()));
        }
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        allowedValues = List.copyOf(allowedValues);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("column name is blank; expected the name used in the file's header");
        }
        if ((min.isPresent() || max.isPresent()) && !type.isNumeric()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "column %s: min/max set on a %s column; expected them only on integer or decimal columns",
                    name, type.word()));
        }
        if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "column %s: min %s is above max %s; expected min <= max", name, min.get(), max.get()));
        }
        if (!allowedValues.isEmpty() && type != ColumnType.TEXT) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "column %s: allowed values set on a %s column; expected them only on text columns",
                    name, type.word()));
        }
    }

    /** An optional column of the given type with no bounds. */
    public static Column of(String name, ColumnType type) {
        return new Column(name, type, false, Optional.empty(), Optional.empty(), List.of());
    }

    /** The same column, but an empty value is rejected. */
    public Column asRequired() {
        return new Column(name, type, true, min, max, allowedValues, pattern, decimals);
    }

    /** The same column with an inclusive minimum. */
    public Column atLeast(BigDecimal value) {
        return new Column(name, type, required, Optional.of(value), max, allowedValues, pattern, decimals);
    }

    /** The same column with an inclusive minimum. */
    public Column atLeast(long value) {
        return atLeast(BigDecimal.valueOf(value));
    }

    /** The same column with an inclusive maximum. */
    public Column atMost(BigDecimal value) {
        return new Column(name, type, required, min, Optional.of(value), allowedValues, pattern, decimals);
    }

    /** The same column with an inclusive maximum. */
    public Column atMost(long value) {
        return atMost(BigDecimal.valueOf(value));
    }

    /** The same column, allowing only the given values. */
    public Column allowing(List<String> values) {
        return new Column(name, type, required, min, max, values, pattern, decimals);
    }

    /** The same column, whose non-empty values must match {@code regex} in full. */
    public Column matching(String regex) {
        return new Column(name, type, required, min, max, allowedValues, Optional.of(regex), decimals);
    }

    /** The same column, with at most {@code places} digits after the decimal point. */
    public Column withDecimals(int places) {
        return new Column(name, type, required, min, max, allowedValues, pattern, Optional.of(places));
    }

    /** What the pattern check expects, e.g. {@code text matching [A-Z]+}. */
    public String expectedPattern() {
        return "text matching " + pattern.orElse("");
    }

    /** What the precision check expects, e.g. {@code a number with at most 2 decimal places}. */
    public String expectedPrecision() {
        return "a number with at most " + decimals.orElse(0) + " decimal places";
    }

    /** What a good value looks like, for the type check's message, e.g. {@code a whole number}. */
    public String expectedType(String dateFormat) {
        return type == ColumnType.DATE
                ? "a date in the format " + dateFormat
                : type.description();
    }

    /** What the min check expects, e.g. {@code a whole number >= 0}. */
    public String expectedMin() {
        return type.description() + " >= " + min.map(BigDecimal::toPlainString).orElse("");
    }

    /** What the max check expects, e.g. {@code a number <= 100}. */
    public String expectedMax() {
        return type.description() + " <= " + max.map(BigDecimal::toPlainString).orElse("");
    }

    /** What the allowed-values check expects, e.g. {@code one of "A", "B"}. */
    public String expectedAllowed() {
        return allowedValues.stream().map(v -> '"' + v + '"').collect(Collectors.joining(", ", "one of ", ""));
    }
}
