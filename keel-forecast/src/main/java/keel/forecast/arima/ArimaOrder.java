package keel.forecast.arima;

/**
 * The order of a seasonal ARIMA(p,d,q)(P,D,Q)_m model.
 *
 * @param p non-seasonal AR order
 * @param d non-seasonal differences
 * @param q non-seasonal MA order
 * @param seasonalP seasonal AR order P (lags m, 2m, ...)
 * @param seasonalD seasonal differences D
 * @param seasonalQ seasonal MA order Q
 * @param period season length m (1 when there is no seasonal part)
 */
public record ArimaOrder(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, int period) {

    /** Checks that all orders are >= 0 and the period >= 1. */
    public ArimaOrder {
        if (p < 0 || d < 0 || q < 0 || seasonalP < 0 || seasonalD < 0 || seasonalQ < 0) {
            throw new IllegalArgumentException("ARIMA orders were " + this + "; expected integers >= 0");
        }
        if (period < 1) {
            throw new IllegalArgumentException("ARIMA period was " + period + "; expected an integer >= 1");
        }
        if (period == 1 && (seasonalP > 0 || seasonalD > 0 || seasonalQ > 0)) {
            throw new IllegalArgumentException("ARIMA " + text() + " has a seasonal part but period 1");
        }
    }

    /** A non-seasonal ARIMA(p,d,q). */
    public static ArimaOrder of(int p, int d, int q) {
        return new ArimaOrder(p, d, q, 0, 0, 0, 1);
    }

    /** Number of ARMA coefficients p + q + P + Q. */
    public int armaCount() {
        return p + q + seasonalP + seasonalQ;
    }

    /** Total differences d + D. */
    public int differences() {
        return d + seasonalD;
    }

    /** Reads like R: {@code ARIMA(2,1,1)(0,1,1)[24]}, or {@code ARIMA(2,1,1)} without a season. */
    public String text() {
        String s = "ARIMA(" + p + "," + d + "," + q + ")";
        if (seasonalP + seasonalD + seasonalQ > 0) {
            s += "(" + seasonalP + "," + seasonalD + "," + seasonalQ + ")[" + period + "]";
        }
        return s;
    }
}
