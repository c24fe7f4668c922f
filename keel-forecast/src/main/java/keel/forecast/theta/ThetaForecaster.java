package keel.forecast.theta;

import java.util.Arrays;
import java.util.Locale;
import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.Forecaster;
import keel.forecast.Series;

/** A statsforecast-style Theta model (or AutoTheta when the variant is null) as a {@link Forecaster}. */
final class ThetaForecaster implements Forecaster {
    static final int PATHS = 2000;
    private final ThetaVariant variant;

    ThetaForecaster(ThetaVariant variant) {
        this.variant = variant;
    }

    @Override
    public String name() {
        return variant == null ? "autotheta" : "theta-" + variant.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Forecast forecast(Series series, int horizon, double[] levels) {
        double[] y = series.values();
        for (double v : y) {
            if (Double.isNaN(v)) throw new ForecastException(series.id(), name() + " needs a series without missing values");
        }
        if (y.length < 4) {
            throw new ForecastException(series.id(), name() + " needs at least 4 observations, got " + y.length);
        }
        int n = y.length;
        ThetaSeasonality season = ThetaSeasonality.of(y, series.seasonalPeriod(), 4, 2);
        ThetaFit fit = variant == null ? Theta.fitAuto(season.adjusted) : ThetaFit.fit(season.adjusted, variant);
        double[] mean = fit.pointForecast(horizon);
        for (int i = 0; i < horizon; i++) mean[i] = season.reseasonalise(mean[i], n, i);
        double[][] q = new double[levels.length][horizon];
        if (levels.length > 0) {
            double[][] paths = fit.simulate(horizon, PATHS, seed(series.id()));
            double[] column = new double[PATHS];
            for (int i = 0; i < horizon; i++) {
                for (int p = 0; p < PATHS; p++) column[p] = season.reseasonalise(paths[p][i], n, i);
                Arrays.sort(column);
                for (int k = 0; k < levels.length; k++) q[k][i] = quantileType8(column, levels[k]);
            }
        }
        return Forecast.builder(series.id(), "theta-" + fit.variant().name().toLowerCase(Locale.ROOT))
                .description(String.format(Locale.ROOT, "%s (Fiorucci et al. 2016)%s, alpha %.4f, theta %.4f%s",
                        fit.variant(), variant == null ? " chosen by AutoTheta" : "", fit.alpha(), fit.theta(),
                        season.seasonal ? (season.multiplicative ? ", multiplicative" : ", additive")
                                + " classical decomposition" : ""))
                .mean(mean)
                .quantiles(levels, q)
                .parameter("alpha", fit.alpha())
                .parameter("theta", fit.theta())
                .parameter("level0", fit.initialLevel())
                .build();
    }

    static double quantileType8(double[] sorted, double p) {
        int n = sorted.length;
        double position = n * p + (p + 1) / 3;
        int j = (int) Math.floor(position);
        double g = position - j;
        if (j < 1) return sorted[0];
        if (j >= n) return sorted[n - 1];
        return (1 - g) * sorted[j - 1] + g * sorted[j];
    }

    static long seed(String id) {
        long h = 1125899906842597L;
        for (int i = 0; i < id.length(); i++) h = 31 * h + id.charAt(i);
        return h;
    }
}
