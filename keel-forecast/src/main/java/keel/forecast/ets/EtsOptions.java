package keel.forecast.ets;

/**
 * How the ETS parameter search runs. {@link #R} reproduces R's {@code ets} exactly: one run of R's
 * Nelder–Mead ({@link NelderMead}) of at most 2000 evaluations inside the usual ∩ admissible
 * region. {@link #BOX} searches as statsforecast does: {@link BoxNelderMead} (adaptive
 * coefficients, 5% first steps, clamped to the box of the bounds, stop at a simplex standard
 * deviation of 1e−4) without the β ≤ α, γ ≤ 1 − α and admissibility checks; results then differ
 * from R's. {@link #DEFAULT}, Keel's AutoETS, is the box search stopped at a simplex standard
 * deviation of 0.01, with seasonal models restarted once from their best point.
 *
 * <p>Why the restart: on seasonal models with m = 24 the box search has 26–28 coordinates and one
 * run stops far from the optimum (M4 H160: ETS(M,N,M) log-likelihood 420 units below R's fit). A
 * non-seasonal model, easy to optimise, then wins the AICc comparison; on M4 Hourly that was
 * ETS(M,N,N) with σ² of 0.4–2.3, whose (correct) class-2 forecast variance grows like (1 + α²σ²)^h,
 * so 95% intervals at h = 48 spanned 10^5–10^9 (mean MSIS 960; H130 alone 392 014). Neither the
 * admissibility checks (MSIS 960.5) nor the variance formula were the cause. One restart lets the
 * seasonal fits converge. Models without a season (two to five coordinates) converge in one run,
 * so only seasonal models are restarted (M4 Weekly, where every candidate is non-seasonal: MASE
 * 2.509 either way, a fifth fewer evaluations).
 *
 * <p>Why 0.01: the objective is −2 log-likelihood (up to a constant), and the AICc comparison
 * that picks the model is not moved by differences of a hundredth; a tolerance of 1e−4 spends
 * about 40% more evaluations polishing digits no choice depends on. On M4 (keel-bench
 * VariantHarness, 2026-11-27): Hourly MASE 1.270, MSIS 9.93, coverage 0.934 (1e−4 with every model
 * restarted: 1.496 / 12.0 / 0.937; R's search 1.824 / 17.5); Weekly MASE 2.516–2.524 (2.509).
 *
 * @param maxEvaluations evaluations (R search) or iterations (box search) per run (R: 2000)
 * @param restarts extra runs from the best point, stopping when a run improves by less than 1e−8
 *     relative (R: 0); box searches restart seasonal models only
 * @param search which search
 * @param tolerance box searches stop when the standard deviation of the simplex values is below
 *     this (statsforecast: 1e−4); R's search ignores it (R: relative 1.5e−8)
 */
public record EtsOptions(int maxEvaluations, int restarts, Search search, double tolerance) {
    /** R's settings. */
    public static final EtsOptions R = new EtsOptions(2000, 0, Search.R_NELDER_MEAD);
    /** statsforecast-like search. */
    public static final EtsOptions BOX = new EtsOptions(2000, 0, Search.BOX_NELDER_MEAD);
    /** Keel's AutoETS: the box search to a tolerance of 0.01, seasonal models restarted once. */
    public static final EtsOptions DEFAULT = new EtsOptions(2000, 1, Search.BOX_NELDER_MEAD, 1e-2);

    /** A search with statsforecast's box tolerance of 1e−4. */
    public EtsOptions(int maxEvaluations, int restarts, Search search) {
        this(maxEvaluations, restarts, search, 1e-4);
    }

    /** The parameter search. */
    public enum Search {
        /** R's {@code nmmin} inside the usual ∩ admissible region. */
        R_NELDER_MEAD,
        /** Box-clamped adaptive Nelder–Mead within the parameter bounds only. */
        BOX_NELDER_MEAD,
        /** Box-clamped adaptive Nelder–Mead inside R's usual ∩ admissible region. */
        BOX_NELDER_MEAD_ADMISSIBLE
    }

    public EtsOptions {
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations was " + maxEvaluations + "; expected an integer >= 1");
        }
        if (restarts < 0) {
            throw new IllegalArgumentException("restarts was " + restarts + "; expected an integer >= 0");
        }
        if (search == null) {
            throw new IllegalArgumentException("search is missing; expected R_NELDER_MEAD or BOX_NELDER_MEAD");
        }
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance was " + tolerance + "; expected a finite number > 0");
        }
    }

    NelderMead optimizer() {
        return new NelderMead(1.0, 0.5, 2.0, Math.sqrt(Math.ulp(1.0)), maxEvaluations);
    }
}
