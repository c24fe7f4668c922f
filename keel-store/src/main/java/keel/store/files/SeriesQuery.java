package keel.store.files;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which daily series to read from a batch: the columns naming a series, the date and the value column,
 * and optionally the last date to read (so a cycle as of a date never sees later rows).
 *
 * @param key the columns whose values together name one series, e.g. {@code [store_id, item_id]}
 * @param date a date column
 * @param value a numeric column; an empty value is read as NaN
 * @param through the last date read, inclusive; empty reads every date
 */
public record SeriesQuery(List<String> key, String date, String value, Optional<LocalDate> through) {

    public SeriesQuery {
        key = List.copyOf(key);
        Objects.requireNonNull(through, "through");
        if (key.isEmpty() || date == null || date.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "series query key " + key + ", date " + date + ", value " + value
                            + "; expected at least one key column and a date and a value column");
        }
    }

    /** Every date of the series named by {@code key}, with {@code value} on {@code date}. */
    public static SeriesQuery of(List<String> key, String date, String value) {
        return new SeriesQuery(key, date, value, Optional.empty());
    }

    /** The same query, reading only rows dated {@code last} or earlier. */
    public SeriesQuery through(LocalDate last) {
        return new SeriesQuery(key, date, value, Optional.of(last));
    }
}
