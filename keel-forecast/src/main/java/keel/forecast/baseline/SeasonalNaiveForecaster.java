package keel.forecast.baseline;

import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.ForecastInputs;
import keel.forecast.Forecaster;
import keel.forecast.Series;

/** Naive (lag 1) and seasonal naive (lag m): FPP3 §5.2 and §5.5. */
final class SeasonalNaiveForecaster implements Forecaster {
    private final String name;
    private final boolean seasonal;

    SeasonalNaiveForecaster(String name, boolean seasonal) {
        this.name = name;
        this.seasonal = seasonal;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Forecast forecast(Series series, int horizon, double[] levels) {
        double[] y = ForecastInputs.checkedValues(series, horizon, levels);
        int n = y.length;
        int lag = seasonal ? series.seasonalPeriod() : 1;
        if (n < lag || ForecastInputs.countPresent(y) == 0) {
            throw new ForecastException(series.id(), "has " + n + " observations ("
                    + ForecastInputs.countPresent(y) + " present); " + name + " needs at least "
                    + Math.max(1, lag) + " present");
        }
        double[] mean = new double[horizon];
        double[] seasonsBack = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            int k = h / lag + 1;
            int i = n + h - lag * k;
            while (i >= 0 && y[i] != y[i]) {
                i -= lag;
                k++;
            }
            if (i < 0) {
                throw new ForecastException(series.id(), name + " found no observed value at step "
                        + (h + 1) + " or any season before it");
            }
            mean[h] = y[i];
            seasonsBack[h] = k;
        }
        Forecast.Builder b = Forecast.builder(series.id(), name).mean(mean)
                .description(name + ": repeats the last observed " + (seasonal ? "season (m = " + lag + ")" : "value"));
        if (levels.length > 0) {
            double sigma = residualSigma(series.id(), y, lag);
            double[] sd = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                sd[h] = sigma * Math.sqrt(seasonsBack[h]);
            }
            b.quantiles(levels, ForecastInputs.normalQuantiles(mean, sd, levels)).parameter("sigma", sigma);
            b.totalQuantiles(totalQuantiles(mean, seasonsBack, lag, sigma, levels));
        }
        return b.build();
    }

    /**
     * Step h's error is the sum of the innovations at the seasons between its source value and its
     * own time; steps of one season position share innovations, so the total's variance is
     * σ² Σ_t c_t², c_t = how many steps contain the innovation at time t.
     */
    private static double[] totalQuantiles(double[] mean, double[] seasonsBack, int lag, double sigma,
            double[] levels) {
        int horizon = mean.length;
        int maxBack = 0;
        for (double k : seasonsBack) {
            maxBack = Math.max(maxBack, (int) k);
        }
        // step h holds the innovations at offsets h, h - lag, ..., h - lag (k - 1); 1 = first step
        int first = 1 - lag * (maxBack - 1);
        int[] count = new int[horizon - first + 1];
        double total = 0;
        for (int h = 1; h <= horizon; h++) {
            total += mean[h - 1];
            for (int j = 0; j < (int) seasonsBack[h - 1]; j++) {
                count[h - lag * j - first]++;
            }
        }
        double sumSquares = 0;
        for (int c : count) {
            sumSquares += (double) c * c;
        }
        double[] out = new double[levels.length];
        keel.forecast.Distributions.normalQuantiles(total, sigma * Math.sqrt(sumSquares), levels, out);
        return out;
    }

    private double residualSigma(String id, double[] y, int lag) {
        double sse = 0;
        int count = 0;
        for (int t = lag; t < y.length; t++) {
            double e = y[t] - y[t - lag];
            if (e == e) {
                sse += e * e;
                count++;
            }
        }
        if (count == 0) {
            throw new ForecastException(id, name + " needs two observations " + lag
                    + " apart to estimate its spread; found none");
        }
        return Math.sqrt(sse / count);
    }
}
