package keel.forecast.baseline;

import keel.forecast.Forecaster;

/**
 * The benchmark forecasters of Hyndman &amp; Athanasopoulos, <em>Forecasting: Principles and
 * Practice</em> (3rd ed., FPP3) §5.2, with the normal prediction intervals of §5.5.
 *
 * <p>All four treat NaN as a missing observation. The residual standard deviation is FPP3's
 * σ̂ = √(Σe²/(T − K − M)): the sum over the residuals that exist (both terms observed), divided by
 * their count minus the K estimated parameters. When the last observations are missing, the
 * forecast runs from the last observed value and the step count grows by the gap. The quantile at
 * level q and step h is ŷ_h + z_q·σ̂_h (no floor at zero: these are the textbook intervals).
 * Quantiles of the total over the horizon are normal too, with the variance of the summed step
 * errors including their correlation (steps share innovations, and the mean and drift share the
 * estimation error). Forecasters are immutable and thread-safe.
 */
public final class Baselines {
    private Baselines() {
    }

    /**
     * "naive": every step repeats the last observed value; σ̂_h = σ̂·√h, residuals y_t − y_{t−1}.
     * Needs one observation for a point forecast and two consecutive ones for quantiles.
     */
    public static Forecaster naive() {
        return new SeasonalNaiveForecaster("naive", false);
    }

    /**
     * "snaive": step h repeats the observation one season earlier, y_{T+h−m(k+1)} with
     * k = ⌊(h−1)/m⌋ and m the series' seasonal period; σ̂_h = σ̂·√(k+1), residuals y_t − y_{t−m}.
     * A missing value one season back is replaced by the one a further season back (one more k).
     * Needs at least m observations, and for quantiles one pair a season apart.
     */
    public static Forecaster seasonalNaive() {
        return new SeasonalNaiveForecaster("snaive", true);
    }

    /**
     * "mean": the mean of the observed values; σ̂_h = σ̂·√(1 + 1/T), residuals y_t − ȳ, K = 1.
     * Needs one observation for a point forecast and two for quantiles.
     */
    public static Forecaster mean() {
        return new MeanForecaster();
    }

    /**
     * "drift": the line through the first and last observed values extended, ŷ_{T+h} = y_T + h·b with
     * b = (y_T − y_1)/(T − 1); σ̂_h = σ̂·√(h(1 + h/(T − 1))), residuals y_t − y_{t−1} − b, K = 1.
     * Needs two observations for a point forecast and three consecutive ones for quantiles.
     */
    public static Forecaster drift() {
        return new DriftForecaster();
    }
}
