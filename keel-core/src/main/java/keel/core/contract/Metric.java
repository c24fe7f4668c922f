package keel.core.contract;

import java.util.Objects;

/**
 * One figure a contract computed for a batch.
 *
 * @param column the column it describes; empty for the whole batch (e.g. {@code rows})
 * @param name what it is: {@code rows}, {@code null_share}, {@code mean}, {@code std}, {@code min}, {@code max}
 *     (dates as days since 1970-01-01), {@code quantile}, {@code frequency}, {@code grid_expected},
 *     {@code grid_missing}, or a drift score such as {@code drift_psi}
 * @param label which one of a family: the quantile's probability (e.g. {@code 0.50}) or the category's
 *     value; empty otherwise
 * @param value the figure; shares are in [0, 1]
 */
public record Metric(String column, String name, String label, double value) {

    public Metric {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        if (name.isBlank()) {
            throw new IllegalArgumentException("metric name is blank; expected e.g. rows or null_share");
        }
    }

    /** A figure of the whole batch, e.g. its row count. */
    public static Metric ofBatch(String name, double value) {
        return new Metric("", name, "", value);
    }

    /** A figure of one column, e.g. its null share. */
    public static Metric of(String column, String name, double value) {
        return new Metric(column, name, "", value);
    }
}
