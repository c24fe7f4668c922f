package keel.forecast.ets;

/**
 * keel-bench's door to the package-private ETS kernels, for the JMH benchmarks in
 * {@code keel.bench.jmh}. It lives in keel-forecast's package but ships in keel-bench, so keel-forecast
 * keeps its small public surface. One model on one series: the likelihood at R's starting values,
 * and R's Nelder–Mead fit from there.
 */
public final class EtsKernels {
    private final double[] y;
    private final int m;
    private final EtsSpec spec;
    private final EtsEngine engine;
    private final double[] start;

    private EtsKernels(double[] y, int m, EtsSpec spec) {
        this.y = y;
        this.m = m;
        this.spec = spec;
        this.engine = new EtsEngine(y, m, spec, Criterion.LIKELIHOOD);
        this.start = engine.startingValues();
    }

    /** The model named like "ETS(M,Ad,N)" or "MAdN" on {@code y} with seasonal period {@code m}. */
    public static EtsKernels of(double[] y, int m, String spec) {
        return new EtsKernels(y, m, EtsSpec.parse(spec));
    }

    /** One evaluation of the objective (−2 log-likelihood with R's constants) at the starting values. */
    public double likelihood() {
        return engine.objective(start);
    }

    /** The whole fit: R's Nelder–Mead (2000 evaluations at most) from R's starting values; the AICc. */
    public double fit() {
        return Ets.fit(y, m, spec, Criterion.LIKELIHOOD, EtsOptions.R).map(EtsFit::aicc).orElse(Double.NaN);
    }
}
