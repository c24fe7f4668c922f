package keel.forecast.arima;

import java.util.Locale;
import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.Forecaster;
import keel.forecast.Series;
import keel.forecast.arima.ArimaEstimator.FitFailure;
import keel.forecast.arima.ArimaFit.Method;

/**
 * Automatic seasonal ARIMA, as R {@code forecast::auto.arima} (forecast 8.20) with its defaults:
 * Hyndman & Khandakar (2008), "Automatic time series forecasting: the forecast package for R", JSS
 * 27(3).
 *
 * <p>D from the STL seasonal strength (> 0.64), d from repeated KPSS tests, then the stepwise search
 * over (p,q)(P,Q) and the constant by AICc, starting from (2,2)(1,1), (0,0)(0,0), (1,0)(1,0),
 * (0,1)(0,1) and (0,0)(0,0) without constant, moving to the first better neighbour, at most 94
 * models. A model is rejected when its fit fails, a root of its AR or MA polynomial has modulus
 * below the margin (R: 1.01; Keel's default 1.0, see {@link Options#defaults()}), or its
 * coefficient covariance has a negative variance. With the approximation (n >
 * 150 or m > 12 unless set otherwise) candidates are compared by CSS and the best are refitted by
 * exact ML in criterion order until one is accepted; the ML refit starts from the search's converged
 * CSS estimate instead of repeating it (the same numbers). Keel's defaults also give up, during the
 * search, the CSS fits of candidates that look unable to beat the best model (a heuristic: {@link
 * Options#giveUpRatio()}); R's settings fit every candidate in full.
 *
 * <p>Forecasts are the Kalman filter forecasts; quantiles are normal: mean + z_q sqrt(v_h). The
 * forecaster is immutable and thread-safe.
 */
public final class AutoArima implements Forecaster {
    /** Whether to compare candidates by CSS during the search. */
    public enum Approximation {
        /** R's rule: when n > 150 or m > 12. */
        AUTO,
        /** Always CSS during the search, then ML refit. */
        ALWAYS,
        /** Exact ML for every candidate (statsforecast's AutoARIMA default). */
        NEVER
    }


    /**
     * Search settings beyond R's defaults.
     *
     * @param approximation when to compare candidates by CSS
     * @param allowDrift allow a drift term when d + D = 1 (R {@code allowdrift})
     * @param allowMean allow a mean when d + D = 0 (R {@code allowmean})
     * @param minRootModulus a candidate is rejected when a root of its AR or MA polynomial has a
     *     smaller modulus (R: 1.01; 1.1 keeps clear of near-unit roots, as statsforecast's
     *     published M4 run did)
     * @param giveUpRatio 0 (R): every candidate's CSS fit runs to convergence. Otherwise, during the
     *     approximate search, a candidate's CSS optimisation stops once the gap between its criterion
     *     and the best model's is more than giveUpRatio times the largest of its last three
     *     improvements (in the CSS objective's units). Most candidates of a stepwise search lose, and
     *     near-unit-root candidates take up to maxit = 100 BFGS steps to lose; a heuristic, so it may
     *     give up a candidate that would have won late and take a different search path
     */
    public record Options(Approximation approximation, boolean allowDrift, boolean allowMean, double minRootModulus,
            double giveUpRatio) {
        /** R's root margin, 1.01. */
        public static final double R_MIN_ROOT_MODULUS = 1.01;

        /** Checks that the approximation is given and the root margin is at least 1. */
        public Options {
            if (approximation == null) {
                throw new IllegalArgumentException("auto.arima approximation is missing; expected AUTO, ALWAYS or NEVER");
            }
            if (!(minRootModulus >= 1 && minRootModulus < 2)) {
                throw new IllegalArgumentException("auto.arima minRootModulus was " + minRootModulus
                        + "; expected a number in [1, 2)");
            }
            if (!(giveUpRatio >= 0 && giveUpRatio < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("auto.arima giveUpRatio was " + giveUpRatio
                        + "; expected 0 (never give up, as R) or a positive number");
            }
        }

        /** The given settings, every candidate fitted in full (no search shortcut, as R). */
        public Options(Approximation approximation, boolean allowDrift, boolean allowMean, double minRootModulus) {
            this(approximation, allowDrift, allowMean, minRootModulus, 0);
        }

        /** The given settings with R's root margin 1.01. */
        public Options(Approximation approximation, boolean allowDrift, boolean allowMean) {
            this(approximation, allowDrift, allowMean, R_MIN_ROOT_MODULUS);
        }

        /**
         * R {@code auto.arima()} defaults exactly: approximation by R's rule, drift and mean allowed,
         * root margin 1.01. Tests compare this search with R's forecast package.
         */
        public static Options r() {
            return new Options(Approximation.AUTO, true, true);
        }

        /** Keel's default {@link #giveUpRatio()}: the CSS gap may be at most 100 recent improvements. */
        public static final double DEFAULT_GIVE_UP_RATIO = 100;

        /**
         * Keel's defaults: R's search, but a candidate is rejected only when a root of its AR or MA
         * polynomial lies on or inside the unit circle (margin 1.0, not R's 1.01), and hopeless
         * candidates' CSS fits are given up (ratio {@value #DEFAULT_GIVE_UP_RATIO}). Near-unit roots
         * are how a model without a constant carries a level or a local trend; R's margin throws
         * those models away and picks worse ones (on M4 an ARIMA(0,0,5) forecasting zero instead of
         * an AR(1) with φ = 0.995). Those candidates are slow to fit, so margin 1.0 alone ran at
         * 3.7x R's speed on M4 Weekly (R's settings 5.6x); most of the time went to CSS fits of
         * losing candidates, which giving up cuts by half. On M4: MASE Hourly 0.866 / Weekly 2.262
         * (0.858 / 2.246 fitting every candidate in full) against R's 0.95 / 2.54 and statsforecast's
         * published 0.92 / 2.34 (whose run, by a bug in its root check, left the last AR and MA
         * coefficient unchecked). See keel-bench VariantHarness and README.
         */
        public static Options defaults() {
            return new Options(Approximation.AUTO, true, true, 1.0, DEFAULT_GIVE_UP_RATIO);
        }
    }

    private final Options options;

    /** auto.arima with Keel's defaults ({@link Options#defaults()}: R's search with root margin 1.0). */
    public AutoArima() {
        this(Options.defaults());
    }

    /** auto.arima with the given options. */
    public AutoArima(Options options) {
        if (options == null) throw new IllegalArgumentException("auto.arima options are missing");
        this.options = options;
    }

    /** R's defaults but the given approximation rule. */
    public AutoArima(Approximation approximation) {
        this(new Options(approximation, true, true));
    }

    @Override
    public String name() {
        return "arima";
    }

    @Override
    public Forecast forecast(Series series, int horizon, double[] levels) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon was " + horizon + "; expected an integer >= 1");
        }
        Selection sel = select(series);
        double[] mean;
        double[] var;
        if (sel.fit == null) {
            mean = new double[horizon];
            var = new double[horizon];
            java.util.Arrays.fill(mean, sel.constantValue);
        } else {
            double[][] f = sel.fit.forecast(horizon);
            mean = f[0];
            var = f[1];
        }
        double[][] q = new double[levels.length][horizon];
        for (int i = 0; i < levels.length; i++) {
            double z = keel.forecast.Distributions.normalQuantile(levels[i]);
            for (int h = 0; h < horizon; h++) q[i][h] = mean[h] + z * Math.sqrt(Math.max(var[h], 0));
        }
        Forecast.Builder b = Forecast.builder(series.id(), name()).mean(mean).quantiles(levels, q)
                .description(sel.description);
        if (sel.fit != null) {
            sel.fit.namedCoefficients().forEach(b::parameter);
            b.parameter("sigma2", sel.fit.sigma2());
            b.parameter("aicc", sel.fit.aicc());
        }
        return b.build();
    }

    /** The chosen model for a series, or a constant forecast when the series is constant. */
    static final class Selection {
        ArimaFit fit;
        double[] series;
        double constantValue;
        String description;
        int fitted;
    }

    /**
     * Selects and fits the model R's auto.arima would choose.
     *
     * @throws ForecastException when the series is all missing or no model could be fitted
     */
    public ArimaFit fit(Series series) {
        Selection s = select(series);
        if (s.fit == null) {
            try {
                return ArimaEstimator.fit(s.series, ArimaOrder.of(0, 0, 0), true, Method.CSS_ML, 0,
                        s.constantValue);
            } catch (FitFailure e) {
                throw new ForecastException(series.id(), "constant series: " + e.getMessage(), e);
            }
        }
        return s.fit;
    }

    Selection select(Series series) {
        double[] x = series.values();
        String id = series.id();
        Selection sel = new Selection();
        int first = 0, last = x.length - 1;
        while (first <= last && Double.isNaN(x[first])) first++;
        while (last >= first && Double.isNaN(x[last])) last--;
        if (first > last) throw new ForecastException(id, "all " + x.length + " observations are missing");
        if (first > 0) {
            // R: x <- subset(x, start = firstnonmiss); drift time then starts at the first observation
            x = java.util.Arrays.copyOfRange(x, first, x.length);
            last -= first;
            first = 0;
        }
        sel.series = x;
        if (Differencing.isConstant(x)) {
            sel.constantValue = x[first];
            sel.description = "constant series: ARIMA(0,0,0) with fixed mean " + x[first];
            return sel;
        }
        int n = 0;
        for (int t = first; t <= last; t++) if (!Double.isNaN(x[t])) n++;
        StepwiseSearch s = new StepwiseSearch(x, series.seasonalPeriod(), n);
        s.chooseDifferences();
        double[] dx = s.differenced();
        if (dx.length == 0) throw new ForecastException(id, "not enough data for ARIMA after differencing");
        try {
            if (Differencing.isConstant(dx)) {
                sel.fit = s.polynomialModel(dx);
                sel.description = sel.fit.order().text() + " (differenced series is constant)";
                return sel;
            }
            s.run(options);
        } catch (FitFailure e) {
            throw new ForecastException(id, e.getMessage(), e);
        }
        if (s.best == null || s.bestIc == Double.POSITIVE_INFINITY) {
            throw new ForecastException(id, "no suitable ARIMA model found among " + s.k + " candidates");
        }
        sel.fit = s.best;
        sel.fitted = s.k;
        sel.description = String.format(Locale.ROOT, "%s, chosen by stepwise AICc search over %d models%s",
                s.best.text(), s.k, s.approx ? " (CSS approximation, ML refit)" : "");
        return sel;
    }

    /** Smallest modulus over the roots of the AR and MA polynomials (2 when there are none). */
    static double minRoot(ArimaFit f) {
        ArimaOrder o = f.order;
        double min = 2;
        double[] c = f.coef;
        if (o.p() + o.seasonalP() > 0) {
            min = Math.min(min, factorRoot(c, 0, o.p(), -1, 1));
            min = Math.min(min, factorRoot(c, o.p() + o.q(), o.seasonalP(), -1, o.period()));
        }
        if (o.q() + o.seasonalQ() > 0) {
            min = Math.min(min, factorRoot(c, o.p(), o.q(), 1, 1));
            min = Math.min(min, factorRoot(c, o.p() + o.q() + o.seasonalP(), o.seasonalQ(), 1, o.period()));
        }
        return min;
    }

    // Roots of 1 + sign*(c_1 w + ... + c_k w^k) with w = z^period: |z| = |w|^(1/period).
    private static double factorRoot(double[] coef, int from, int k, int sign, int period) {
        if (k == 0) return Double.POSITIVE_INFINITY;
        double[] poly = new double[k + 1];
        poly[0] = 1;
        int last = 0;
        for (int i = 0; i < k; i++) {
            poly[i + 1] = sign * coef[from + i];
            if (Math.abs(poly[i + 1]) > 1e-8) last = i + 1;
        }
        if (last == 0) return Double.POSITIVE_INFINITY;
        double r = Polynomials.minRootModulus(java.util.Arrays.copyOf(poly, last + 1));
        return period == 1 ? r : Math.pow(r, 1.0 / period);
    }
}
