package keel.forecast.intermittent;

import keel.forecast.Forecaster;

/**
 * Forecasters for intermittent demand (many zero periods), as FORECASTING.md §4 and Nixtla
 * statsforecast define them. All forecasts are flat over the horizon.
 *
 * <p>Common rules: missing (NaN) periods are dropped before fitting (the method sees only observed
 * periods); a demand is any non-zero value; a series with no demand gets a zero forecast; forecasts
 * are floored at 0 (they can only go negative if the data hold negative values). A series with no
 * observed value at all throws {@link keel.forecast.ForecastException}.
 *
 * <p>These methods have no analytic variance. Quantiles per step come from a distribution fitted
 * to the forecast as mean and, as variance, the mean squared difference between the observed
 * periods and the forecast: negative binomial (or Poisson when that variance does not exceed the
 * mean) for count data, otherwise normal; floored at 0. {@link keel.forecast.select.AutoForecaster}
 * replaces these with backtest-based quantiles and adds quantiles of the total.
 *
 * <p>Immutable and thread-safe.
 */
public final class Intermittent {
    /** Smoothing constant of classic Croston and SBA. */
    public static final double CROSTON_ALPHA = 0.1;

    private Intermittent() {
    }

    /**
     * "croston": Croston (1972). SES with α = 0.1 on the demand sizes and on the intervals between
     * demands (the first interval counted from the series start), each started at its first value;
     * forecast = size level / interval level.
     */
    public static Forecaster croston() {
        return new CrostonForecaster("croston", 1.0);
    }

    /** "sba": Syntetos–Boylan approximation, Croston × (1 − α/2) = Croston × 0.95. */
    public static Forecaster sba() {
        return new CrostonForecaster("sba", 1 - CROSTON_ALPHA / 2);
    }

    /** "tsb" with α = 0.1 for both demand size and demand probability; see {@link #tsb(double, double)}. */
    public static Forecaster tsb() {
        return tsb(0.1, 0.1);
    }

    /**
     * "tsb": Teunter, Syntetos &amp; Babai (2011). Every period the demand probability
     * p̂ ← p̂ + α_p(d_t − p̂) with d_t = 1 when there is demand; only in demand periods the size
     * ẑ ← ẑ + α_d(y_t − ẑ); both started at their first value; forecast p̂·ẑ, which decays towards
     * 0 while demand is absent.
     *
     * @param alphaDemand α_d in (0, 1]
     * @param alphaProbability α_p in (0, 1]
     * @throws IllegalArgumentException if either is outside (0, 1]
     */
    public static Forecaster tsb(double alphaDemand, double alphaProbability) {
        return new TsbForecaster(alphaDemand, alphaProbability);
    }

    /**
     * "adida": Nikolopoulos et al. (2011) aggregate–disaggregate. k = mean demand interval rounded
     * half to even (as Python's {@code round}); drop the oldest n mod k periods; sum blocks of k;
     * SES with α ∈ [0.1, 0.3] chosen by golden section on the one-step SSE of the block sums;
     * forecast = next block sum / k.
     */
    public static Forecaster adida() {
        return new AggregateForecaster("adida", false);
    }

    /**
     * "imapa": Petropoulos &amp; Kourentzes (2015), as statsforecast computes it: the ADIDA forecast
     * at every aggregation level k = 1..round(mean interval), averaged.
     */
    public static Forecaster imapa() {
        return new AggregateForecaster("imapa", true);
    }
}
