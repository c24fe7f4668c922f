package keel.store.files;

import java.util.List;

/**
 * Which columns of a batch make daily series: the columns naming a series, the date, and the value.
 *
 * @param key the columns whose values together name one series, e.g. {@code [store_id, item_id]}
 * @param date a date column
 * @param value a numeric column; an empty value is read as NaN
 */
public record SeriesColumns(List<String> key, String date, String value) {

    public SeriesColumns {
        key = List.copyOf(key);
        if (key.isEmpty() || date == null || date.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "series columns key " + key + ", date " + date + ", value " + value
                            + "; expected at least one key column and a date and a value column");
        }
    }
}
