package keel.forecast.baseline;

import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.ForecastInputs;
import keel.forecast.Forecaster;
import keel.forecast.Series;

/** The historical mean: FPP3 §5.2 and §5.5. */
final class MeanForecaster implements Forecaster {

    @Override
    public String name() {
        return "mean";
    }

    @Override
    public Forecast forecast(Series series, int horizon, double[] levels) {
        double[] y = ForecastInputs.present(ForecastInputs.checkedValues(series, horizon, levels));
        int t = y.length;
        if (t == 0) {
            throw new ForecastException(series.id(), "has no observed values; mean needs at least 1");
        }
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        double average = sum / t;
        double[] mean = ForecastInputs.flat(average, horizon);
        Forecast.Builder b = Forecast.builder(series.id(), "mean").mean(mean).parameter("mean", average)
                .description("mean: the average of " + t + " observed values");
        if (levels.length > 0) {
            if (t < 2) {
                throw new ForecastException(series.id(), "has 1 observed value; mean needs 2 for quantiles");
            }
            double sse = 0;
            for (double v : y) {
                sse += (v - average) * (v - average);
            }
            double sigma = Math.sqrt(sse / (t - 1));
            double[] sd = ForecastInputs.flat(sigma * Math.sqrt(1 + 1.0 / t), horizon);
            b.quantiles(levels, ForecastInputs.normalQuantiles(mean, sd, levels)).parameter("sigma", sigma);
            // total error: H independent innovations plus H times the error of the mean
            double[] total = new double[levels.length];
            keel.forecast.Distributions.normalQuantiles(horizon * average,
                    sigma * Math.sqrt(horizon + (double) horizon * horizon / t), levels, total);
            b.totalQuantiles(total);
        }
        return b.build();
    }
}
