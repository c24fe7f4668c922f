package keel.forecast.ets;

/**
 * How the ETS parameter search runs. {@link #R} reproduces R's {@code ets} exactly: one run of R's
 * Nelder–Mead ({@link NelderMead}) of at most 2000 evaluations inside the usual ∩ admissible
 * region. {@link #BOX} searches as statsforecast does: {@link BoxNelderMead} (adaptive
 * coefficients, 5% first steps, clamped to the box of the bounds, stop at a simplex standard
 * deviation of 1e−4) without the β ≤ α, γ ≤ 1 − α and admissibility checks; results then differ
 * from R's.
 *
 * @param maxEvaluations evaluations (R search) or iterations (box search) per fit (R: 2000)
 * @param restarts extra R Nelder–Mead runs from the best point, stopping when a run improves by
 *     less than the relative tolerance (R: 0)
 * @param search which search
 */
public record EtsOptions(int maxEvaluations, int restarts, Search search) {
    /** R's settings. */
    public static final EtsOptions R = new EtsOptions(2000, 0, Search.R_NELDER_MEAD);
    /** statsforecast-like search. */
    public static final EtsOptions BOX = new EtsOptions(2000, 0, Search.BOX_NELDER_MEAD);

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
    }

    NelderMead optimizer() {
        return new NelderMead(1.0, 0.5, 2.0, Math.sqrt(Math.ulp(1.0)), maxEvaluations);
    }
}
