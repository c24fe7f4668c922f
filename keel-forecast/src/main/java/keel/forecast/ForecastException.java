package keel.forecast;

/** A model could not forecast one series. The message names the series and the reason. */
public final class ForecastException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String seriesId;

    public ForecastException(String seriesId, String reason) {
        super("series " + seriesId + ": " + reason);
        this.seriesId = seriesId;
    }

    public ForecastException(String seriesId, String reason, Throwable cause) {
        super("series " + seriesId + ": " + reason, cause);
        this.seriesId = seriesId;
    }

    public String seriesId() {
        return seriesId;
    }
}
