package keel.forecast.ets;

/**
 * How hard the ETS parameter search works. {@link #R} reproduces R's {@code ets} exactly: one
 * Nelder–Mead run of at most 2000 evaluations. Restarts run Nelder–Mead again from the best point
 * found (a fresh simplex), which helps the many-dimensional seasonal models (ETS(M,Ad,M) at m = 24
 * has 29 dimensions) that one run leaves unconverged; results then differ from R's.
 *
 * @param maxEvaluations evaluations per Nelder–Mead run (R: 2000)
 * @param restarts extra runs from the best point, stopping early when a run improves by less than
 *     the relative tolerance
 */
public record EtsOptions(int maxEvaluations, int restarts) {
    /** R's settings. */
    public static final EtsOptions R = new EtsOptions(2000, 0);

    public EtsOptions {
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations was " + maxEvaluations + "; expected an integer >= 1");
        }
        if (restarts < 0) {
            throw new IllegalArgumentException("restarts was " + restarts + "; expected an integer >= 0");
        }
    }

    NelderMead optimizer() {
        return new NelderMead(1.0, 0.5, 2.0, Math.sqrt(Math.ulp(1.0)), maxEvaluations);
    }
}
