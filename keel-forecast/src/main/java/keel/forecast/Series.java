package keel.forecast;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable, regularly spaced time series: observations 1..n of one series, oldest first.
 *
 * <p>A missing observation is {@link Double#NaN}. The seasonal period is the number of observations
 * per seasonal cycle (24 for hourly data with a daily cycle, 7 for daily data with a weekly cycle, 1
 * when there is no seasonality).
 */
public final class Series {
    private final String id;
    private final double[] values;
    private final int seasonalPeriod;

    private Series(String id, double[] values, int seasonalPeriod) {
        this.id = id;
        this.values = values;
        this.seasonalPeriod = seasonalPeriod;
    }

    /**
     * Makes a series from a copy of {@code values}.
     *
     * @throws IllegalArgumentException if the id is blank or the seasonal period is below 1
     */
    public static Series of(String id, double[] values, int seasonalPeriod) {
        Objects.requireNonNull(values, "values");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("series id is blank; expected a non-empty name");
        }
        if (seasonalPeriod < 1) {
            throw new IllegalArgumentException(
                    "series " + id + ": seasonal period was " + seasonalPeriod + "; expected an integer >= 1");
        }
        return new Series(id, values.clone(), seasonalPeriod);
    }

    /** A non-seasonal series (seasonal period 1). */
    public static Series of(String id, double... values) {
        return of(id, values, 1);
    }

    public String id() {
        return id;
    }

    public int length() {
        return values.length;
    }

    public int seasonalPeriod() {
        return seasonalPeriod;
    }

    /** The observation at zero-based index {@code i}; NaN when missing. */
    public double value(int i) {
        return values[i];
    }

    /** A copy of all observations, oldest first. */
    public double[] values() {
        return values.clone();
    }

    /** The first {@code n} observations as a series of their own (the training part of a backtest). */
    public Series head(int n) {
        if (n < 0 || n > values.length) {
            throw new IllegalArgumentException(
                    "series " + id + ": head(" + n + ") outside 0.." + values.length);
        }
        return new Series(id, Arrays.copyOf(values, n), seasonalPeriod);
    }

    /** The same observations with another seasonal period. */
    public Series withSeasonalPeriod(int period) {
        return of(id, values, period);
    }

    @Override
    public String toString() {
        return "Series[" + id + ", n=" + values.length + ", m=" + seasonalPeriod + "]";
    }
}
