package keel.forecast.baseline;

import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.ForecastInputs;
import keel.forecast.Forecaster;
import keel.forecast.Series;

/** The drift method: FPP3 §5.2 and §5.5. */
final class DriftForecaster implements Forecaster {

    @Override
    public String name() {
        return "drift";
    }

    @Override
    public Forecast forecast(Series series, int horizon, double[] levels) {
        double[] y = ForecastInputs.checkedValues(series, horizon, levels);
        int first = 0;
        while (first < y.length && y[first] != y[first]) {
            first++;
        }
        int last = y.length - 1;
        while (last >= 0 && y[last] != y[last]) {
            last--;
        }
        if (last <= first) {
            throw new ForecastException(series.id(), "has " + Math.max(0, last - first + 1)
                    + " observed values; drift needs at least 2");
        }
        double span = last - first;
        double slope = (y[last] - y[first]) / span;
        int gap = y.length - 1 - last;
        double[] mean = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            mean[h] = y[last] + (h + 1 + gap) * slope;
        }
        Forecast.Builder b = Forecast.builder(series.id(), "drift").mean(mean).parameter("drift", slope)
                .description("drift: the line through the first and last observed values");
        if (levels.length > 0) {
            double sigma = residualSigma(series.id(), y, slope);
            double[] sd = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                double steps = h + 1 + gap;
                sd[h] = sigma * Math.sqrt(steps * (1 + steps / span));
            }
            b.quantiles(levels, ForecastInputs.normalQuantiles(mean, sd, levels)).parameter("sigma", sigma);
            // total error: the random walk's innovations (weights as for SES with alpha 1) plus the
            // slope's error times the summed step counts, Var(slope) = sigma^2 / span
            double steps = horizon * (gap + (horizon + 1) / 2.0);
            double variance = sigma * sigma * (ForecastInputs.levelTotalWeights(horizon, gap, 1)
                    + steps * steps / span);
            double[] total = new double[levels.length];
            keel.forecast.Distributions.normalQuantiles(sum(mean), Math.sqrt(variance), levels, total);
            b.totalQuantiles(total);
        }
        return b.build();
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static double residualSigma(String id, double[] y, double slope) {
        double sse = 0;
        int count = 0;
        for (int t = 1; t < y.length; t++) {
            double e = y[t] - y[t - 1] - slope;
            if (e == e) {
                sse += e * e;
                count++;
            }
        }
        if (count < 2) {
            throw new ForecastException(id, "has " + count + " consecutive pairs of observations; "
                    + "drift needs 2 for quantiles");
        }
        return Math.sqrt(sse / (count - 1));
    }
}
