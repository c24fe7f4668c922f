package keel.forecast.ets;

import keel.forecast.ClassicalDecomposition;
import keel.forecast.ets.EtsSpec.Component;

/**
 * Fits one ETS model by R's rules (R {@code forecast}: {@code ets.R} {@code etsmodel},
 * {@code initparam}, {@code initstate}; {@code etscalc.c}; {@code etsTargetFunction.cpp}).
 *
 * <p>Design: the parameter vector is (α, β?, γ?, φ?, ℓ0, b0?, s0..s_{m−2}) exactly as R orders it,
 * because Nelder–Mead's first simplex depends on the order and scale of the coordinates. The
 * recursion keeps the m seasonal states in a ring buffer instead of shifting them every step (R's C
 * code copies them), which changes no value. One engine serves one series and one model; it
 * allocates its work arrays once and reuses them across the objective evaluations.
 *
 * <p>Guards copied from {@code etscalc.c}: divisors with |·| &lt; 1e−10 give 1e10; a negative
 * multiplicative trend makes the forecast undefined and the objective +∞. A missing y_t (NaN)
 * leaves the level at its prediction and the season unchanged, and is left out of the criterion.
 */
final class EtsEngine {
    static final double TOL = 1e-10;
    static final double HUGE = 1e10;
    private static final double LN2 = Math.log(2);
    private static final long EXPONENT_BITS = 0x7ff0_0000_0000_0000L;
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);
    static final double[] DEFAULT_LOWER = {1e-4, 1e-4, 1e-4, 0.8};
    static final double[] DEFAULT_UPPER = {0.9999, 0.9999, 0.9999, 0.98};

    private final double[] y;
    private final int n;
    private final int m;
    private final EtsSpec spec;
    private final Criterion criterion;
    private final double[] lower;
    private final double[] upper;
    private final boolean additiveError;
    private final int trend;
    private final int season;
    private final int stateCount;
    private final double[] ring;
    private final double[] polyWork;
    private final double[] errors;
    private final int totalObserved;
    private boolean checkParameters = true;
    private int observed;
    private double sumSquaredErrors;
    private double mse;
    private double lik;
    private double finalLevel;
    private double finalSlope;

    /** m is the seasonal period; it is ignored (taken as 1) for non-seasonal models. */
    EtsEngine(double[] y, int m, EtsSpec spec, Criterion criterion) {
        this.y = y;
        this.n = y.length;
        this.spec = spec;
        this.m = spec.seasonal() ? m : 1;
        this.criterion = criterion;
        this.lower = DEFAULT_LOWER;
        this.upper = DEFAULT_UPPER;
        this.additiveError = spec.error() == Component.ADDITIVE;
        this.trend = spec.trend().ordinal();
        this.season = spec.season().ordinal();
        this.stateCount = 1 + (spec.trended() ? 1 : 0) + (spec.seasonal() ? this.m - 1 : 0);
        this.ring = new double[this.m];
        this.polyWork = new double[this.m + 2];
        this.errors = new double[n];
        int k = 0;
        for (double v : y) if (!Double.isNaN(v)) k++;
        this.totalObserved = k;
    }

    int smoothingCount() {
        return 1 + (spec.trended() ? 1 : 0) + (spec.seasonal() ? 1 : 0) + (spec.damped() ? 1 : 0);
    }

    /** Free parameters: smoothing parameters and free initial states (σ² not counted). */
    int parameterCount() {
        return smoothingCount() + stateCount;
    }

    /** R {@code initparam} followed by {@code initstate}. */
    double[] startingValues() {
        double[] par = new double[parameterCount()];
        int k = 0;
        double alpha = lower[0] + 0.2 * (upper[0] - lower[0]) / m;
        if (alpha > 1 || alpha < 0) alpha = lower[0] + 2e-3;
        par[k++] = alpha;
        if (spec.trended()) {
            double upperBeta = Math.min(upper[1], alpha);
            double beta = lower[1] + 0.1 * (upperBeta - lower[1]);
            if (beta < 0 || beta > alpha) beta = alpha - 1e-3;
            par[k++] = beta;
        }
        if (spec.seasonal()) {
            double upperGamma = Math.min(upper[2], 1 - alpha);
            double gamma = lower[2] + 0.05 * (upperGamma - lower[2]);
            if (gamma < 0 || gamma > 1 - alpha) gamma = 1 - alpha - 1e-3;
            par[k++] = gamma;
        }
        if (spec.damped()) {
            double phi = lower[3] + 0.99 * (upper[3] - lower[3]);
            if (phi < 0 || phi > 1) phi = upper[3] - 1e-3;
            par[k++] = phi;
        }
        double[] states = initialStates();
        System.arraycopy(states, 0, par, k, states.length);
        return par;
    }

    /** R {@code initstate}: (ℓ0, b0?, s0..s_{m−2}) with s0 the newest seasonal state. */
    double[] initialStates() {
        double[] adjusted = y;
        double[] seasonalStates = null;
        if (spec.seasonal()) {
            boolean multiplicative = spec.season() == Component.MULTIPLICATIVE;
            double[] seasonal = seasonalComponent(multiplicative);
            seasonalStates = new double[m - 1];
            for (int i = 0; i < m - 1; i++) seasonalStates[i] = seasonal[m - 1 - i];
            adjusted = new double[n];
            if (multiplicative) {
                double sum = 0;
                for (int i = 0; i < m - 1; i++) {
                    seasonalStates[i] = Math.max(seasonalStates[i], 1e-2);
                    sum += seasonalStates[i];
                }
                if (sum > m) {
                    double divisor = sum + 1e-2 * (m - 1);
                    for (int i = 0; i < m - 1; i++) seasonalStates[i] /= divisor;
                }
                for (int t = 0; t < n; t++) adjusted[t] = y[t] / Math.max(seasonal[t], 1e-2);
            } else {
                for (int t = 0; t < n; t++) adjusted[t] = y[t] - seasonal[t];
            }
        }
        int maxn = Math.min(Math.max(10, 2 * m), n);
        double[] states = new double[stateCount];
        int k = 0;
        if (!spec.trended()) {
            states[k++] = meanIgnoringNaN(adjusted, maxn);
        } else {
            double[] line = ordinaryLeastSquaresLine(adjusted, maxn);
            double a = line[0];
            double b = line[1];
            if (spec.trend() == Component.ADDITIVE) {
                if (Math.abs(a + b) < 1e-8) {
                    a *= 1 + 1e-3;
                    b *= 1 + 1e-3;
                }
                states[k++] = a;
                states[k++] = b;
            } else {
                double l0 = a + b;
                if (Math.abs(l0) < 1e-8) l0 = 1e-8;
                double b0 = (a + 2 * b) / l0;
                l0 = l0 / b0;
                if (Math.abs(b0) > 1e10) b0 = Math.signum(b0) * 1e10;
                if (l0 < 1e-8 || b0 < 1e-8) {
                    l0 = Math.max(adjusted[0], 1e-3);
                    b0 = Math.max(adjusted[1] / adjusted[0], 1e-3);
                }
                states[k++] = l0;
                states[k++] = b0;
            }
        }
        if (seasonalStates != null) System.arraycopy(seasonalStates, 0, states, k, m - 1);
        return states;
    }

    /**
     * The seasonal component per observation: classical decomposition when n ≥ 3m, otherwise the
     * residual of a regression on (1, t, first Fourier pair) (R {@code initstate}).
     */
    private double[] seasonalComponent(boolean multiplicative) {
        double[] seasonal = new double[n];
        if (n >= 3 * m) {
            double[] figure = ClassicalDecomposition.seasonalIndices(y, m, multiplicative);
            for (int t = 0; t < n; t++) seasonal[t] = figure[t % m];
            return seasonal;
        }
        double[] coef = Regression.trendAndFourier(y, m);
        for (int t = 0; t < n; t++) {
            double line = coef[0] + coef[1] * (t + 1);
            seasonal[t] = multiplicative ? y[t] / line : y[t] - line;
        }
        return seasonal;
    }

    private static double meanIgnoringNaN(double[] x, int count) {
        double sum = 0;
        int k = 0;
        for (int i = 0; i < count; i++) {
            if (Double.isNaN(x[i])) continue;
            sum += x[i];
            k++;
        }
        return sum / k;
    }

    /** R {@code lsfit(1:maxn, y[1:maxn])}: intercept and slope, NaN pairs left out. */
    static double[] ordinaryLeastSquaresLine(double[] x, int count) {
        double st = 0;
        double sy = 0;
        int k = 0;
        for (int i = 0; i < count; i++) {
            if (Double.isNaN(x[i])) continue;
            st += i + 1;
            sy += x[i];
            k++;
        }
        double tm = st / k;
        double ym = sy / k;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < count; i++) {
            if (Double.isNaN(x[i])) continue;
            double dt = i + 1 - tm;
            sxy += dt * (x[i] - ym);
            sxx += dt * dt;
        }
        double slope = sxy / sxx;
        return new double[] {ym - slope * tm, slope};
    }

    /** The objective at {@code par}: +∞ outside the parameter space (R {@code EtsTargetFunction::eval}). */
    double objective(double[] par) {
        return objective(par, Double.POSITIVE_INFINITY);
    }

    /**
     * The objective, or +∞ as soon as it is certain to exceed {@code bound} (FORECASTING §7): for
     * additive-error likelihood and for MSE the running sum of squares only grows, so the pass
     * stops once it passes the level that maps to the bound (with a 1e−12 relative margin, so an
     * abandoned pass is always strictly worse).
     */
    double objective(double[] par, double bound) {
        int k = 0;
        double alpha = par[k++];
        double beta = spec.trended() ? par[k++] : Double.NaN;
        double gamma = spec.seasonal() ? par[k++] : Double.NaN;
        double phi = spec.damped() ? par[k++] : Double.NaN;
        double phiValue = spec.damped() ? phi : 1.0;
        if (checkParameters) {
            if (!Admissibility.usual(alpha, beta, gamma, phi, lower, upper)) return Double.POSITIVE_INFINITY;
            if (!Admissibility.admissible(alpha, beta, gamma, phiValue, m, polyWork)) return Double.POSITIVE_INFINITY;
        }
        if (!loadStates(par, k)) return Double.POSITIVE_INFINITY;
        double sseLimit = Double.POSITIVE_INFINITY;
        double oneStepLimit = Double.POSITIVE_INFINITY;
        if (bound < Double.POSITIVE_INFINITY) {
            if (criterion == Criterion.LIKELIHOOD && additiveError && bound > -1e9) {
                sseLimit = Math.exp(bound / totalObserved) * (1 + 1e-12);
            } else if (criterion == Criterion.MSE && bound > 0) {
                oneStepLimit = bound * totalObserved * (1 + 1e-12);
            }
        }
        if (!run(alpha, Double.isNaN(beta) ? 0 : beta, Double.isNaN(gamma) ? 0 : gamma, phiValue, sseLimit,
                oneStepLimit)) {
            return Double.POSITIVE_INFINITY;
        }
        double value;
        switch (criterion) {
            case LIKELIHOOD: value = lik; break;
            case MSE: value = mse; break;
            case SIGMA: value = sumSquaredErrors / observed; break;
            default: value = meanAbsoluteError(); break;
        }
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
    }

    private double meanAbsoluteError() {
        double s = 0;
        for (int t = 0; t < n; t++) if (!Double.isNaN(y[t])) s += Math.abs(errors[t]);
        return s / observed;
    }

    /**
     * Puts the initial states into the level, slope and ring buffer; the last seasonal state is
     * implied (sum 0 or m). False for a negative multiplicative seasonal state.
     */
    private boolean loadStates(double[] par, int k) {
        finalLevel = par[k++];
        finalSlope = spec.trended() ? par[k++] : 0;
        if (!spec.seasonal()) return true;
        double sum = 0;
        // ring[(oldest + m - 1 - j) % m] holds R's s[j]; oldest starts at 0, so s[j] -> ring[m-1-j]
        for (int j = 0; j < m - 1; j++) {
            double s = par[k + j];
            ring[m - 1 - j] = s;
            sum += s;
        }
        ring[0] = (season == 2 ? m : 0) - sum;
        if (season == 2) {
            for (int j = 0; j < m; j++) if (ring[j] < 0) return false;
        }
        return true;
    }

    /**
     * One pass of the recursion from the loaded states (R {@code etscalc}); leaves the final state
     * in finalLevel, finalSlope and the ring (rotated so that ring[0] is the oldest state). False
     * when a multiplicative trend turns negative.
     */
    private boolean run(double alpha, double beta, double gamma, double phi, double sseLimit, double oneStepLimit) {
        double l = finalLevel;
        double b = finalSlope;
        double sse = 0;
        // Σ log|f| as the log of a running product kept in range by moving its binary exponent out
        double productForecast = 1;
        int productExponent = 0;
        double sumSquaredOneStep = 0;
        int count = 0;
        int oldest = 0;
        boolean damped = phi != 1.0;
        double betaOverAlpha = beta / alpha;
        double oneMinusAlpha = 1 - alpha;
        double oneMinusBeta = 1 - beta;
        for (int t = 0; t < n; t++) {
            double phib;
            double q;
            if (trend == 0) {
                phib = 0;
                q = l;
            } else if (trend == 1) {
                phib = phi * b;
                q = l + phib;
            } else {
                if (b < 0) return false;
                phib = damped ? Math.pow(b, phi) : b;
                q = l * phib;
            }
            double s = season == 0 ? 0 : ring[oldest];
            double f = season == 0 ? q : season == 1 ? q + s : q * s;
            double yt = y[t];
            double p;
            if (Double.isNaN(yt)) {
                errors[t] = Double.NaN;
                p = q;
                if (season != 0) yt = season == 1 ? q + s : q * s;
            } else {
                double e;
                if (additiveError) {
                    e = yt - f;
                } else {
                    double f0 = Math.abs(f) < TOL ? f + TOL : f;
                    e = (yt - f) / f0;
                }
                errors[t] = e;
                double d = yt - f;
                sumSquaredOneStep += d * d;
                sse += e * e;
                if (!additiveError) {
                    productForecast *= Math.abs(f);
                    if (productForecast > 1e150 || productForecast < 1e-150) {
                        int exponent = Math.getExponent(productForecast);
                        if (exponent > Double.MIN_EXPONENT && exponent < Double.MAX_EXPONENT) {
                            productExponent += exponent;
                            // = Math.scalb(productForecast, -exponent), exactly, without its general-case loop
                            productForecast = Double.longBitsToDouble(
                                    Double.doubleToRawLongBits(productForecast) & ~EXPONENT_BITS | ONE_BITS);
                        }
                    }
                }
                count++;
                if (sse > sseLimit || sumSquaredOneStep > oneStepLimit) return false;
                if (season == 0) p = yt;
                else if (season == 1) p = yt - s;
                else p = Math.abs(s) < TOL ? HUGE : yt / s;
            }
            // R writes q + alpha(p - q) and phib + (beta/alpha)(newLevel - l - phib); with q = l + phib
            // these are the weighted sums below, which leave level and slope three operations to wait
            // for each step instead of four and seven
            double newLevel = oneMinusAlpha * q + alpha * p;
            if (trend == 1) {
                b = oneMinusBeta * phib + beta * (p - l);
            } else if (trend == 2) {
                double r = Math.abs(l) < TOL ? HUGE : newLevel / l;
                b = phib + betaOverAlpha * (r - phib);
            }
            l = newLevel;
            if (season != 0) {
                double tt;
                if (season == 1) tt = yt - q;
                else tt = Math.abs(q) < TOL ? HUGE : yt / q;
                ring[oldest] = s + gamma * (tt - s);
                oldest = oldest + 1 == m ? 0 : oldest + 1;
            }
        }
        finalLevel = l;
        finalSlope = b;
        if (season != 0 && oldest != 0) rotate(oldest);
        observed = count;
        sumSquaredErrors = sse;
        mse = sumSquaredOneStep / count;
        double likelihood = count * Math.log(sse);
        if (!additiveError) likelihood += 2 * (Math.log(productForecast) + productExponent * LN2);
        if (likelihood < -1e10) likelihood = -1e10;
        lik = likelihood;
        return true;
    }

    private void rotate(int oldest) {
        double[] copy = ring.clone();
        for (int j = 0; j < m; j++) ring[j] = copy[(oldest + j) % m];
    }

    private NelderMead.Objective objective() {
        return new NelderMead.Objective() {
            @Override
            public double value(double[] x) {
                return objective(x);
            }

            @Override
            public double value(double[] x, double bound) {
                return objective(x, bound);
            }
        };
    }

    /** Fits the model; empty when R would give up (too many parameters, bad start). */
    /** statsforecast-style fit: box-clamped adaptive Nelder–Mead, no usual/admissible checks. */
    EtsFit fitInBox(int maxIterations) {
        return fitInBox(maxIterations, false);
    }

    /** As {@link #fitInBox(int)}, optionally keeping R's usual and admissibility checks. */
    EtsFit fitInBox(int maxIterations, boolean admissibleOnly) {
        return fitInBox(maxIterations, admissibleOnly, 0, 1e-4);
    }

    /**
     * As {@link #fitInBox(int, boolean)} with the given stopping tolerance (standard deviation of
     * the simplex values), then, for a seasonal model, up to {@code restarts} further runs from the
     * best point with a fresh simplex, stopping when a run improves the objective by less than 1e−8
     * relative. Models without a season (at most five coordinates) converge in one run.
     */
    EtsFit fitInBox(int maxIterations, boolean admissibleOnly, int restarts, double tolerance) {
        int np = parameterCount();
        if (np >= n - 1) return null;
        checkParameters = admissibleOnly;
        double[] start = startingValues();
        double[] lo = new double[np];
        double[] hi = new double[np];
        java.util.Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.POSITIVE_INFINITY);
        // smoothing parameters (α, β?, γ?, φ?) get their bounds; initial states stay free
        boolean[] present = {true, spec.trended(), spec.seasonal(), spec.damped()};
        int k = 0;
        for (int i = 0; i < present.length; i++) {
            if (!present[i]) continue;
            lo[k] = lower[i];
            hi[k] = upper[i];
            k++;
        }
        if (!Double.isFinite(objective(start))) return null;
        BoxNelderMead search = new BoxNelderMead(lo, hi, tolerance, maxIterations);
        double[] best = search.minimize(objective(), start);
        double value = objective(best);
        int runs = spec.seasonal() ? restarts : 0;
        for (int r = 0; r < runs; r++) {
            // a fresh simplex around the best point: one run rarely converges on m + 2 or more coordinates
            double[] again = search.minimize(objective(), best);
            double next = objective(again);
            boolean improved = next < value - 1e-8 * (Math.abs(value) + 1e-8);
            if (next < value) {
                best = again;
                value = next;
            }
            if (!improved) break;
        }
        return finish(best);
    }

    EtsFit fit(NelderMead optimizer, int restarts) {
        int np = parameterCount();
        if (np >= n - 1) return null;
        double[] start = startingValues();
        NelderMead.Result result;
        try {
            result = optimizer.minimize(objective(), start);
            for (int r = 0; r < restarts; r++) {
                NelderMead.Result again = optimizer.minimize(objective(), result.x());
                boolean improved = again.value() < result.value() - 1e-8 * (Math.abs(result.value()) + 1e-8);
                if (again.value() < result.value()) result = again;
                if (!improved) break;
            }
        } catch (IllegalArgumentException notEvaluable) {
            return null;
        }
        return finish(result.x());
    }

    /** Re-runs the recursion at the optimum and packs the fit (R {@code etsmodel} after the search). */
    EtsFit finish(double[] par) {
        double value = objective(par);
        if (!Double.isFinite(value) || Double.isNaN(lik)) return null;
        int k = 0;
        double alpha = par[k++];
        double beta = spec.trended() ? par[k++] : Double.NaN;
        double gamma = spec.seasonal() ? par[k++] : Double.NaN;
        double phi = spec.damped() ? par[k++] : 1.0;
        double[] initial = new double[stateCount + (spec.seasonal() ? 1 : 0)];
        System.arraycopy(par, k, initial, 0, stateCount);
        double[] seasonStates = new double[spec.seasonal() ? m : 0];
        if (spec.seasonal()) {
            double sum = 0;
            for (int j = 0; j < m - 1; j++) sum += par[k + (spec.trended() ? 2 : 1) + j];
            initial[stateCount] = (season == 2 ? m : 0) - sum;
            // ring[0] is the oldest after the run; R's s[0] (newest) is ring[m-1]
            for (int j = 0; j < m; j++) seasonStates[j] = ring[m - 1 - j];
        }
        int kParams = parameterCount() + 1;
        double aic = lik + 2 * kParams;
        double aicc = aic + 2.0 * kParams * (kParams + 1) / (observed - kParams - 1);
        double bic = lik + Math.log(observed) * kParams;
        double sigma2 = sumSquaredErrors / (observed - parameterCount());
        return new EtsFit(spec, m, alpha, beta, gamma, phi, initial, finalLevel, finalSlope, seasonStates,
                sigma2, lik, aic, aicc, bic, mse, observed, parameterCount(), errors.clone());
    }
}
