package keel.forecast;

/**
 * Fits a model to one series and forecasts it. Implementations are immutable and thread-safe:
 * every call fits afresh and keeps no state between calls.
 */
public interface Forecaster {

    /** A short stable name, e.g. {@code "ses"}, {@code "croston"}, {@code "auto"}. */
    String name();

    /**
     * Forecasts {@code horizon} steps past the end of {@code series}.
     *
     * @param levels quantile levels in (0, 1), strictly increasing, e.g. {0.1, 0.5, 0.9}
     * @return the forecast with one quantile row per level
     * @throws ForecastException when this model cannot forecast this series; the message names the
     *     series and the reason (too short, all missing, ...)
     */
    Forecast forecast(Series series, int horizon, double[] levels);
}
