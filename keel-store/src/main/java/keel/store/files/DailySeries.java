package keel.store.files;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The observations of one series as stored in a batch, oldest first: only the dates that have a row.
 * Filling the dates in between (with zeros, or only on trading days) is the caller's choice.
 */
public final class DailySeries {
    private final List<String> key;
    private final long[] epochDays;
    private final double[] values;

    DailySeries(List<String> key, long[] epochDays, double[] values) {
        this.key = List.copyOf(key);
        this.epochDays = epochDays;
        this.values = values;
    }

    /** The values of the key columns naming this series, in the order of {@link SeriesQuery#key()}. */
    public List<String> key() {
        return key;
    }

    /** The key values joined by {@code /}, e.g. {@code ONLINE_UK/10002}. */
    public String id() {
        return String.join("/", key);
    }

    /** How many dates have an observation. */
    public int size() {
        return values.length;
    }

    /** The date of observation {@code i} (zero-based). */
    public LocalDate date(int i) {
        return LocalDate.ofEpochDay(epochDays[i]);
    }

    /** The value of observation {@code i} (zero-based); NaN when the row's value was empty. */
    public double value(int i) {
        return values[i];
    }

    /** A copy of all values, oldest first. */
    public double[] values() {
        return values.clone();
    }

    /** All dates, oldest first. */
    public List<LocalDate> dates() {
        return Arrays.stream(epochDays).mapToObj(LocalDate::ofEpochDay).toList();
    }

    @Override
    public String toString() {
        return "DailySeries[" + id() + ", " + size() + " observations]";
    }
}
