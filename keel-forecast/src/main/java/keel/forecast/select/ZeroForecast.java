package keel.forecast.select;

import keel.forecast.Forecast;

/** The forecast for a series without demand: zero at every step and level. */
final class ZeroForecast {
    private ZeroForecast() {
    }

    static Forecast of(String id, Prepared data, int horizon, double[] levels) {
        return Forecast.builder(id, "zero")
                .mean(new double[horizon])
                .quantiles(levels, new double[levels.length][horizon])
                .totalQuantiles(new double[levels.length])
                .description("zero: no demand in " + data.observed() + " observed periods, so no backtest; "
                        + "forecast and quantiles 0" + data.trimNote())
                .parameter("observed", data.observed())
                .build();
    }
}
