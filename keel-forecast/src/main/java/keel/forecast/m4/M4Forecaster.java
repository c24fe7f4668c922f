package keel.forecast.m4;

import java.util.Locale;
import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.Forecaster;
import keel.forecast.Series;
import keel.forecast.ets.EtsFit;

/**
 * One M4 benchmark as a {@link Forecaster}. Quantiles are normal: random-walk variance for the
 * naive methods, the ETS class-1 variance for SES/Holt/Damped (HKOS 2008 ch. 6), a quarter of the
 * SES variance for Theta, each on the adjusted scale and multiplied by the seasonal index; Comb
 * S-H-D averages the quantiles of its three members.
 */
final class M4Forecaster implements Forecaster {
    private final M4Method method;

    M4Forecaster(M4Method method) {
        this.method = method;
    }

    @Override
    public String name() {
        return "m4-" + method.label().toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    @Override
    public Forecast forecast(Series series, int horizon, double[] levels) {
        double[] y = series.values();
        int m = series.seasonalPeriod();
        for (double v : y) {
            if (Double.isNaN(v)) throw new ForecastException(series.id(), name() + " needs a series without missing values");
        }
        if (y.length < 3) throw new ForecastException(series.id(), name() + " needs at least 3 observations, got " + y.length);
        M4Benchmarks.Run run = M4Benchmarks.run(y, m, horizon);
        double[] mean = run.points().get(method);
        double[][] quantiles = new double[levels.length][];
        for (int k = 0; k < levels.length; k++) quantiles[k] = quantiles(run, y, m, horizon, levels[k]);
        return Forecast.builder(series.id(), name())
                .description(method.label() + " (M4 benchmark)" + (run.adjustment().seasonal()
                        ? ", seasonally adjusted by classical multiplicative decomposition" : ", no seasonality found"))
                .mean(mean)
                .quantiles(levels, quantiles)
                .build();
    }

    private double[] quantiles(M4Benchmarks.Run run, double[] y, int m, int h, double level) {
        double z = keel.forecast.Distributions.normalQuantile(level);
        double[] out = run.outIndices();
        double[] q = new double[h];
        switch (method) {
            case NAIVE1: {
                double s2 = meanSquaredDifference(y, 1);
                for (int i = 0; i < h; i++) q[i] = y[y.length - 1] + z * Math.sqrt(s2 * (i + 1));
                return q;
            }
            case SEASONAL_NAIVE: {
                int lag = m <= 1 || y.length < m ? 1 : m;
                double s2 = meanSquaredDifference(y, lag);
                double[] f = run.points().get(method);
                for (int i = 0; i < h; i++) q[i] = f[i] + z * Math.sqrt(s2 * (i / lag + 1));
                return q;
            }
            case NAIVE2: {
                double[] adjusted = run.adjustment().adjusted();
                double s2 = meanSquaredDifference(adjusted, 1);
                double last = adjusted[adjusted.length - 1];
                for (int i = 0; i < h; i++) q[i] = (last + z * Math.sqrt(s2 * (i + 1))) * out[i];
                return q;
            }
            case SES: return etsQuantile(run.ses(), h, z, out);
            case HOLT: return etsQuantile(run.holt(), h, z, out);
            case DAMPED: return etsQuantile(run.damped(), h, z, out);
            case THETA: {
                double[] f = run.points().get(method);
                double[] v = run.theta().variance(h);
                for (int i = 0; i < h; i++) q[i] = f[i] + z * Math.sqrt(v[i]) * out[i];
                return q;
            }
            default: {
                double[] a = etsQuantile(run.ses(), h, z, out);
                double[] b = etsQuantile(run.holt(), h, z, out);
                double[] c = etsQuantile(run.damped(), h, z, out);
                for (int i = 0; i < h; i++) q[i] = (a[i] + b[i] + c[i]) / 3;
                return q;
            }
        }
    }

    private static double[] etsQuantile(EtsFit fit, int h, double z, double[] out) {
        double[] mu = fit.pointForecast(h);
        double[] v = fit.analyticVariance(h).orElseThrow();
        double[] q = new double[h];
        for (int i = 0; i < h; i++) q[i] = (mu[i] + z * Math.sqrt(v[i])) * out[i];
        return q;
    }

    private static double meanSquaredDifference(double[] y, int lag) {
        double s = 0;
        int k = 0;
        for (int t = lag; t < y.length; t++) {
            double d = y[t] - y[t - lag];
            s += d * d;
            k++;
        }
        return k == 0 ? 0 : s / k;
    }
}
