package keel.forecast.combine;

import java.util.Locale;
import java.util.Objects;
import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.Forecaster;
import keel.forecast.Series;
import keel.forecast.select.AutoForecaster;

/**
 * "auto" with no candidates named: the automatic forecaster for the pattern of each series.
 *
 * <p>Demand that occurs in most periods (regular series, such as M4 Hourly and Weekly) goes to the
 * {@link Ensemble} (ETS, ARIMA, AutoTheta and their combinations, chosen by backtest); intermittent
 * demand goes to the {@link AutoForecaster} with its intermittent-demand candidates (naive, mean, SES,
 * Croston, SBA, TSB, ADIDA, IMAPA), whose forecasts and quantiles are never negative. The dividing
 * line is the average inter-demand interval (ADI: observed periods per non-zero period, after leading
 * zeros) of 1.32 from Syntetos, Boylan &amp; Croston (2005), "On the categorization of demand
 * patterns", JORS 56: at or above it the series is intermittent or lumpy. A series with a negative
 * value is not demand and is treated as regular. When the intermittent selection cannot forecast a
 * series (too short for its backtest) the ensemble is tried, and the description says so.
 *
 * <p>The forecast is the chosen forecaster's unchanged (its model names the model chosen), with a
 * description that starts with the route and its reason. On M4 (no zeros, ADI 1) every series goes to the ensemble,
 * so the keel-bench "Auto" figures are this forecaster's. Immutable and thread-safe.
 */
public final class Auto implements Forecaster {
    /** Syntetos–Boylan–Croston cut-off of the average inter-demand interval. */
    public static final double INTERMITTENT_ADI = 1.32;
    private final Forecaster regular;
    private final Forecaster intermittent;

    public Auto(Forecaster regular, Forecaster intermittent) {
        this.regular = Objects.requireNonNull(regular, "regular");
        this.intermittent = Objects.requireNonNull(intermittent, "intermittent");
    }

    /** The ensemble with its defaults for regular series, the intermittent AutoForecaster's defaults otherwise. */
    public static Auto withDefaults() {
        return new Auto(Ensemble.withDefaults(), AutoForecaster.withDefaults());
    }

    @Override
    public String name() {
        return "auto";
    }

    @Override
    public Forecast forecast(Series series, int horizon, double[] levels) {
        Pattern p = Pattern.of(series);
        if (!p.intermittent()) return labelled(regular.forecast(series, horizon, levels), p.reason());
        try {
            return labelled(intermittent.forecast(series, horizon, levels), p.reason());
        } catch (ForecastException e) {
            Forecast f;
            try {
                f = regular.forecast(series, horizon, levels);
            } catch (ForecastException second) {
                e.addSuppressed(second);
                throw e;
            }
            return labelled(f, p.reason() + "; the intermittent selection could not forecast it (" + e.getMessage()
                    + "), so the " + regular.name() + " did");
        }
    }

    private static Forecast labelled(Forecast f, String route) {
        Forecast.Builder b = Forecast.builder(f.seriesId(), f.model())
                .description(route + ". " + f.model() + ": " + f.description())
                .mean(f.mean());
        double[] levels = f.levels();
        double[][] q = new double[levels.length][];
        for (int i = 0; i < levels.length; i++) {
            q[i] = new double[f.horizon()];
            for (int h = 0; h < f.horizon(); h++) q[i][h] = f.quantile(i, h);
        }
        b.quantiles(levels, q);
        f.totalQuantiles().ifPresent(b::totalQuantiles);
        f.parameters().forEach(b::parameter);
        return b.build();
    }

    /**
     * The demand pattern of a series: its ADI over the observed values after the leading zeros
     * (missing values and non-finite ones are not observations).
     */
    record Pattern(boolean intermittent, String reason) {
        static Pattern of(Series series) {
            double[] y = series.values();
            int first = 0;
            while (first < y.length && !(Double.isFinite(y[first]) && y[first] != 0)) first++;
            int observed = 0;
            int nonZero = 0;
            for (int t = first; t < y.length; t++) {
                if (!Double.isFinite(y[t])) continue;
                if (y[t] < 0) {
                    return new Pattern(false, String.format(Locale.ROOT,
                            "regular series (a negative value, %s at t=%d: not demand)", y[t], t));
                }
                observed++;
                if (y[t] != 0) nonZero++;
            }
            if (nonZero == 0) return new Pattern(true, "no demand observed: intermittent");
            double adi = (double) observed / nonZero;
            boolean intermittent = adi >= INTERMITTENT_ADI;
            return new Pattern(intermittent, String.format(Locale.ROOT,
                    "%s demand (ADI %.2f %s %.2f: %d of %d observed periods non-zero)",
                    intermittent ? "intermittent" : "regular", adi, intermittent ? ">=" : "<", INTERMITTENT_ADI,
                    nonZero, observed));
        }
    }
}
