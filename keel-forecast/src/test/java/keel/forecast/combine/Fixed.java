package keel.forecast.combine;

import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.Forecaster;
import keel.forecast.Series;

/**
 * A test member: forecasts {@code mean} and {@code mean + offsets[i]} at each level, whatever the
 * series (fails when {@code mean} is null; forecasts the last value plus {@code mean[0]} when
 * {@code followLast}).
 */
record Fixed(String name, double[] mean, double[] offsets, boolean followLast) implements Forecaster {

    static Fixed of(String name, double[] mean, double... offsets) {
        return new Fixed(name, mean, offsets, false);
    }

    static Fixed failing(String name) {
        return new Fixed(name, null, new double[0], false);
    }

    /** Forecasts last value + {@code shift} at every step, with quantiles last + shift + offset. */
    static Fixed lastPlus(String name, double shift, double... offsets) {
        return new Fixed(name, new double[] {shift}, offsets, true);
    }

    @Override
    public Forecast forecast(Series series, int horizon, double[] levels) {
        if (mean == null) throw new ForecastException(series.id(), name + " cannot fit this series");
        double[] m = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            m[h] = followLast ? series.value(series.length() - 1) + mean[0] : mean[h];
        }
        double[][] q = new double[levels.length][horizon];
        for (int i = 0; i < levels.length; i++) {
            for (int h = 0; h < horizon; h++) q[i][h] = m[h] + offsets[i];
        }
        return Forecast.builder(series.id(), name).mean(m).quantiles(levels, q).description(name + " fixed").build();
    }
}
