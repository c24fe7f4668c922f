package keel.forecast.theta;

import java.util.Locale;
import keel.forecast.ClassicalDecomposition;
import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.Forecaster;
import keel.forecast.Series;
import keel.forecast.ets.Criterion;
import keel.forecast.ets.Ets;
import keel.forecast.ets.EtsFit;
import keel.forecast.ets.EtsSpec;

/**
 * R's {@code forecast::thetaf} (Hyndman &amp; Billah 2003): seasonal test only when m &gt; 1, y is
 * not constant and n &gt; 2m; multiplicative classical decomposition (skipped when an index is
 * below 1e−4); ETS(A,N,N) by MSE on the adjusted data; forecast SES_h + (b/2)[(h−1) + (1 −
 * (1−α)^n)/α] with b the OLS slope on t = 0..n−1, reseasonalised; interval: the reseasonalised
 * mean ± z·σ·√(1 + (h−1)α²), σ of the SES fit on the adjusted scale (as R does).
 */
final class ThetaF implements Forecaster {
    private static final EtsSpec ANN = EtsSpec.parse("ANN");

    @Override
    public String name() {
        return "thetaf";
    }

    @Override
    public Forecast forecast(Series series, int horizon, double[] levels) {
        double[] y = series.values();
        int n = y.length;
        int m = series.seasonalPeriod();
        for (double v : y) {
            if (Double.isNaN(v)) throw new ForecastException(series.id(), "thetaf needs a series without missing values");
        }
        double[] indices = null;
        if (m > 1 && n > 2 * m && !constant(y) && ThetaSeasonality.acfSeasonal(y, m)) {
            indices = ClassicalDecomposition.seasonalIndices(y, m, true);
            for (double v : indices) if (v < 1e-4) indices = null;
        }
        double[] adjusted = y.clone();
        if (indices != null) for (int t = 0; t < n; t++) adjusted[t] = y[t] / indices[t % m];
        EtsFit ses = Ets.fit(adjusted, 1, ANN, Criterion.MSE).orElseThrow(
                () -> new ForecastException(series.id(), "thetaf: simple exponential smoothing found no fit"));
        double alpha = Math.max(1e-10, ses.alpha());
        double slope = slope(adjusted);
        double[] mean = ses.pointForecast(horizon);
        double drift = (1 - Math.pow(1 - alpha, n)) / alpha;
        double sigma = Math.sqrt(ses.sigma2());
        double[][] q = new double[levels.length][horizon];
        for (int i = 0; i < horizon; i++) {
            mean[i] += slope / 2 * (i + drift);
            double index = indices == null ? 1 : indices[(n + i) % m];
            mean[i] *= index;
            // R adds the (unseasonalised) SES standard error to the reseasonalised mean
            double sd = sigma * Math.sqrt(1 + i * alpha * alpha);
            for (int k = 0; k < levels.length; k++) q[k][i] = mean[i] + keel.forecast.Distributions.normalQuantile(levels[k]) * sd;
        }
        return Forecast.builder(series.id(), name())
                .description(String.format(Locale.ROOT, "thetaf (SES with drift), alpha %.4f, drift %.4g%s", alpha,
                        slope / 2, indices == null ? "" : ", multiplicative classical decomposition"))
                .mean(mean)
                .quantiles(levels, q)
                .parameter("alpha", alpha)
                .parameter("drift", slope / 2)
                .build();
    }

    private static boolean constant(double[] y) {
        for (double v : y) if (v != y[0]) return false;
        return true;
    }

    private static double slope(double[] y) {
        int n = y.length;
        double tMean = (n - 1) / 2.0;
        double yMean = 0;
        for (double v : y) yMean += v;
        yMean /= n;
        double sxy = 0;
        double sxx = 0;
        for (int t = 0; t < n; t++) {
            sxy += (t - tMean) * (y[t] - yMean);
            sxx += (t - tMean) * (t - tMean);
        }
        return sxy / sxx;
    }
}
