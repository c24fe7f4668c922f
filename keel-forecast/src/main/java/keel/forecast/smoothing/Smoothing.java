package keel.forecast.smoothing;

import keel.forecast.Forecaster;

/** Exponential smoothing forecasters for demand. Immutable and thread-safe. */
public final class Smoothing {
    private Smoothing() {
    }

    /**
     * "ses": simple exponential smoothing, ETS(A,N,N) with the level started at the first observed
     * value (R's {@code ses(y, initial = "simple")}) and α ∈ [0.01, 0.99] minimising the one-step
     * SSE by Brent's method (golden section with parabolic steps; tolerance 1e-4, R's {@code optimize} default, which also keeps α clear of rounding noise so that forecasts scale exactly with the data). The forecast is the last level, flat.
     *
     * <p>Quantiles: normal, variance σ²(1 + (h − 1)α²) at step h (HKOS class 1), with σ² the SSE
     * divided by (number of one-step errors − 1). Total over H steps: normal with variance
     * σ² Σ_j (1 + α(H − j))², each future innovation counted in its own step and α-weighted in
     * every later one. Missing values carry the level over; trailing
     * missing values add to the step count. Needs 2 observed values for a point forecast and 3 for
     * quantiles.
     */
    public static Forecaster ses() {
        return new SesForecaster();
    }
}
