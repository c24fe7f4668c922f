package keel.forecast.combine;

import java.util.Locale;
import java.util.Objects;
import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.Forecaster;
import keel.forecast.Series;
import keel.forecast.intermittent.Intermittent;
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
 * series (too short for its backtest: on carparts, 684 of 2,493 series at h = 12) a fixed
 * intermittent method forecasts it, IMAPA by default (the lowest MASE of the single methods on
 * carparts, 1.118, and never negative), and the description says so.
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
    private final Forecaster tooShort;

    /** Routes to {@code regular} or {@code intermittent}; {@code regular} also takes what {@code intermittent} cannot. */
    public Auto(Forecaster regular, Forecaster intermittent) {
        this(regular, intermittent, regular);
    }

    /**
     * @param tooShort forecasts an intermittent series that {@code intermittent} cannot (e.g. too short
     *     for its backtest)
     */
    public Auto(Forecaster regular, Forecaster intermittent, Forecaster tooShort) {
        this.regular = Objects.requireNonNull(regular, "regular");
        this.intermittent = Objects.requireNonNull(intermittent, "intermittent");
        this.tooShort = Objects.requireNonNull(tooShort, "tooShort");
    }

    /**
     * The ensemble with its defaults for regular series, the intermittent AutoForecaster's defaults
     * otherwise, IMAPA for intermittent series too short for its backtest.
     */
    public static Auto withDefaults() {
        return new Auto(Ensemble.withDefaults(), AutoForecaster.withDefaults(), Intermittent.imapa());
    }

    @Override
    public String name() {
        return "auto";
    }

    @Override
    public Forecast forecast(Series series, int horizon, double[] levels) {
        Pattern p = Pattern.of(series);
        if (!p.intermittent()) return labelled(regular.forecast(series, horizon, levels), p.reason(), p.demand());
        try {
            return labelled(intermittent.forecast(series, horizon, levels), p.reason(), true);
        } catch (ForecastException e) {
            Forecast f;
            try {
                f = tooShort.forecast(series, horizon, levels);
            } catch (ForecastException second) {
                e.addSuppressed(second);
                throw e;
            }
            return labelled(f, p.reason() + "; the intermittent selection could not forecast it (" + e.getMessage()
                    + "), so " + tooShort.name() + " did", true);
        }
    }

    /**
     * The forecast with the route in front of its description; for demand (no negative value in the
     * history) the mean and quantiles are floored at zero, and the description says when that moved any.
     */
    private static Forecast labelled(Forecast f, String route, boolean demand) {
        double floor = demand ? 0 : Double.NEGATIVE_INFINITY;
        int[] floored = {0};
        java.util.function.DoubleUnaryOperator clip = v -> {
            if (v < floor) {
                floored[0]++;
                return floor;
            }
            return v;
        };
        double[] mean = f.mean();
        for (int h = 0; h < mean.length; h++) mean[h] = clip.applyAsDouble(mean[h]);
        double[] levels = f.levels();
        double[][] q = new double[levels.length][];
        for (int i = 0; i < levels.length; i++) {
            q[i] = new double[f.horizon()];
            for (int h = 0; h < f.horizon(); h++) q[i][h] = clip.applyAsDouble(f.quantile(i, h));
        }
        double[] totals = f.totalQuantiles().orElse(null);
        if (totals != null) for (int i = 0; i < totals.length; i++) totals[i] = clip.applyAsDouble(totals[i]);
        String note = floored[0] == 0 ? "" : String.format(Locale.ROOT,
                " (%d values below zero floored at zero: demand is never negative)", floored[0]);
        Forecast.Builder b = Forecast.builder(f.seriesId(), f.model())
                .description(route + ". " + f.model() + ": " + f.description() + note)
                .mean(mean);
        b.quantiles(levels, q);
        if (totals != null) b.totalQuantiles(totals);
        f.parameters().forEach(b::parameter);
        return b.build();
    }

    /**
     * The demand pattern of a series: its ADI over the observed values after the leading zeros
     * (missing values and non-finite ones are not observations).
     */
    record Pattern(boolean intermittent, boolean demand, String reason) {
        static Pattern of(Series series) {
            double[] y = series.values();
            int first = 0;
            while (first < y.length && !(Double.isFinite(y[first]) && y[first] != 0)) first++;
            int observed = 0;
            int nonZero = 0;
            for (int t = first; t < y.length; t++) {
                if (!Double.isFinite(y[t])) continue;
                if (y[t] < 0) {
                    return new Pattern(false, false, String.format(Locale.ROOT,
                            "regular series (a negative value, %s at t=%d: not demand)", y[t], t));
                }
                observed++;
                if (y[t] != 0) nonZero++;
            }
            if (nonZero == 0) return new Pattern(true, true, "no demand observed: intermittent");
            double adi = (double) observed / nonZero;
            boolean intermittent = adi >= INTERMITTENT_ADI;
            return new Pattern(intermittent, true, String.format(Locale.ROOT,
                    "%s demand (ADI %.2f %s %.2f: %d of %d observed periods non-zero)",
                    intermittent ? "intermittent" : "regular", adi, intermittent ? ">=" : "<", INTERMITTENT_ADI,
                    nonZero, observed));
        }
    }
}
