package keel.forecast.ets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import keel.forecast.Forecaster;
import keel.forecast.ets.EtsSpec.Component;

/**
 * Exponential smoothing state space models (ETS) fitted as R's {@code forecast::ets} fits them:
 * maximum likelihood (or another {@link Criterion}) over the smoothing parameters and the initial
 * states together, by R's Nelder–Mead, inside the usual ∩ admissible parameter space (HKOS 2008
 * ch. 5, 7, 10; R {@code ets.R}).
 */
public final class Ets {
    private Ets() {}

    /**
     * Keel's AutoETS: R's candidates and AICc choice ({@code ets(y)}, model "ZZZ") with the box
     * search to a 0.01 tolerance, seasonal models restarted once ({@link EtsOptions#DEFAULT}); name
     * "ets". For R's exact search use {@code forecaster(EtsOptions.R)}.
     */
    public static Forecaster forecaster() {
        return new EtsForecaster(null, EtsOptions.DEFAULT);
    }

    /**
     * The AICc-selecting forecaster with another parameter search; named "ets" for {@link
     * EtsOptions#DEFAULT}, "ets-r" for {@link EtsOptions#R}, "ets-box" for other box searches. On
     * M4 Hourly the box search without restart gives good point forecasts (MASE 1.32) but, when a
     * seasonal fit is left unconverged, picks ETS(M,N,N) with a large σ² whose intervals explode
     * (mean MSIS 960); see {@link EtsOptions}.
     */
    public static Forecaster forecaster(EtsOptions options) {
        return new EtsForecaster(null, options);
    }

    /**
     * A forecaster for one fixed model, e.g. {@code "ETS(A,Ad,N)"}; its name is the model name.
     *
     * @throws IllegalArgumentException when the text is not an ETS model name, or names one of the
     *     combinations R forbids with {@code restrict = TRUE} (additive error with a multiplicative
     *     trend or season, and ETS(M,M,A)), whose forecast variance can be infinite
     */
    public static Forecaster forecaster(String spec) {
        EtsSpec parsed = EtsSpec.parse(spec);
        boolean additiveError = parsed.error() == Component.ADDITIVE;
        if ((additiveError && (parsed.trend() == Component.MULTIPLICATIVE
                || parsed.season() == Component.MULTIPLICATIVE))
                || (!additiveError && parsed.trend() == Component.MULTIPLICATIVE && parsed.season() == Component.ADDITIVE)) {
            throw new IllegalArgumentException("ETS model " + parsed.name() + " is a forbidden combination "
                    + "(R ets restrict = TRUE: infinite forecast variance possible); expected another model");
        }
        return new EtsForecaster(parsed, EtsOptions.R);
    }

    /**
     * Fits one model. Empty when R's {@code etsmodel} gives no fit: as many free parameters as
     * observations − 1, an inadmissible or non-finite start, or a seasonal model with m &gt; 24.
     *
     * @param m seasonal period (ignored by non-seasonal models)
     */
    public static Optional<EtsFit> fit(double[] y, int m, EtsSpec spec, Criterion criterion) {
        return fit(y, m, spec, criterion, EtsOptions.R);
    }

    /** As {@link #fit(double[], int, EtsSpec, Criterion)} with another search effort. */
    public static Optional<EtsFit> fit(double[] y, int m, EtsSpec spec, Criterion criterion, EtsOptions options) {
        if (spec.seasonal() && (m < 2 || m > 24 || y.length <= m)) return Optional.empty();
        return Optional.ofNullable(fit(new EtsEngine(y, m, spec, criterion), options));
    }

    /**
     * Fits every candidate of R's {@code ets(y)} and keeps the lowest AICc (strict {@code <} in R's
     * loop order). Empty when no candidate fits (fewer than 7 observations: R would fall back to
     * an un-optimised Holt-Winters fit, which Keel does not do).
     */
    public static Optional<EtsFit> auto(double[] y, int m) {
        return auto(y, m, EtsOptions.R);
    }

    /** As {@link #auto(double[], int)} with another search effort. */
    public static Optional<EtsFit> auto(double[] y, int m, EtsOptions options) {
        List<EtsSpec> candidates = candidates(y, m);
        if (countObserved(y) <= 6) return Optional.empty();
        if (isConstant(y)) return Optional.of(constantFit(y));
        EtsFit best = null;
        for (EtsSpec spec : candidates) {
            EtsEngine engine = new EtsEngine(y, m, spec, Criterion.LIKELIHOOD);
            EtsFit fit = fit(engine, options);
            if (fit == null || Double.isNaN(fit.aicc())) continue;
            if (best == null ? fit.aicc() < Double.POSITIVE_INFINITY : fit.aicc() < best.aicc()) best = fit;
        }
        return Optional.ofNullable(best);
    }

    /**
     * The candidates of {@code ets(y)} in R's loop order: error (A, M) × trend (N, A) × season (N,
     * A, M) × damped (true, false), without multiplicative trends, without A error with M season,
     * without M error on data with values ≤ 0, and without seasons when m = 1, m &gt; 24 or n ≤ m.
     */
    public static List<EtsSpec> candidates(double[] y, int m) {
        boolean positive = true;
        for (double v : y) if (v <= 0) positive = false;
        boolean seasonal = m > 1 && m <= 24 && y.length > m;
        List<EtsSpec> out = new ArrayList<>();
        Component[] errors = {Component.ADDITIVE, Component.MULTIPLICATIVE};
        Component[] trends = {Component.NONE, Component.ADDITIVE};
        Component[] seasons = {Component.NONE, Component.ADDITIVE, Component.MULTIPLICATIVE};
        boolean[] dampings = {true, false};
        for (Component error : errors) {
            if (error == Component.MULTIPLICATIVE && !positive) continue;
            for (Component trend : trends) {
                for (Component season : seasons) {
                    if (season != Component.NONE && !seasonal) continue;
                    if (error == Component.ADDITIVE && season == Component.MULTIPLICATIVE) continue;
                    for (boolean damped : dampings) {
                        if (damped && trend == Component.NONE) continue;
                        out.add(new EtsSpec(error, trend, damped, season));
                    }
                }
            }
        }
        return out;
    }

    private static EtsFit fit(EtsEngine engine, EtsOptions options) {
        if (options.search() == EtsOptions.Search.BOX_NELDER_MEAD) {
            return engine.fitInBox(options.maxEvaluations(), false, options.restarts(), options.tolerance());
        }
        if (options.search() == EtsOptions.Search.BOX_NELDER_MEAD_ADMISSIBLE) {
            return engine.fitInBox(options.maxEvaluations(), true, options.restarts(), options.tolerance());
        }
        return engine.fit(options.optimizer(), options.restarts());
    }

    private static int countObserved(double[] y) {
        int k = 0;
        for (double v : y) if (!Double.isNaN(v)) k++;
        return k;
    }

    static boolean isConstant(double[] y) {
        double first = Double.NaN;
        for (double v : y) {
            if (Double.isNaN(v)) continue;
            if (Double.isNaN(first)) first = v;
            else if (v != first) return false;
        }
        return true;
    }

    /** R: a constant series gets SES with α = 0.99999 and the first value as level. */
    static EtsFit constantFit(double[] y) {
        double value = Double.NaN;
        for (double v : y) {
            if (!Double.isNaN(v)) {
                value = v;
                break;
            }
        }
        double[] residuals = new double[y.length];
        return new EtsFit(new EtsSpec(Component.ADDITIVE, Component.NONE, false, Component.NONE), 1, 0.99999,
                Double.NaN, Double.NaN, 1.0, new double[] {value}, value, 0, new double[0], 0, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, countObserved(y), 2,
                residuals);
    }
}
