package keel.forecast.arima;

import keel.forecast.arima.ArimaFit.Constant;
import keel.forecast.arima.ArimaFit.Method;

/**
 * Fits one ARIMA(p,d,q)(P,D,Q)_m as R {@code stats::arima} does (R 4.x {@code arima.R}), with the
 * information criteria and residual variance of {@code forecast:::myarima}.
 *
 * <p>CSS-ML: conditional-sum-of-squares BFGS from zeros (regression terms from OLS on the
 * differenced data, scaled by 10 standard errors), then exact ML by the Kalman filter from the CSS
 * estimates with the AR parts in Jones' PACF parametrisation and non-invertible MA parts reflected.
 * A CSS estimate with a non-stationary AR part, a non-finite objective or a singular Hessian is a
 * failure ({@link FitFailure}), as R's errors are.
 */
final class ArimaEstimator {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    /** The search shortcut compares the gap with the largest of this many last improvements. */
    private static final int GIVE_UP_WINDOW = 3;

    /** A model R's {@code arima} would stop on; auto.arima gives it IC = +Inf. */
    static final class FitFailure extends Exception {
        private static final long serialVersionUID = 1L;

        FitFailure(String message) {
            super(message, null, false, false);
        }
    }

    private final double[] x;
    private final ArimaOrder o;
    private final Constant constant;
    private final double[] z;
    private final int narma;
    private final int npar;
    private final double[] delta;
    private final int nUsed;
    /** x (and the regressor) differenced, without the first d + mD values; null with missing values. */
    private final double[] differenced;
    private final double[] differencedZ;
    private final double[] seriesBuffer;
    private final double[] residualBuffer;
    // the CSS objective's buffers and what they hold (see cssObjective); not for concurrent use
    private double[] cssSeries;
    private long cssSeriesConstant;
    private double[] cssResiduals;
    private double[] cssAutoregressive;
    private double[] cssAr;
    private int cssArCondition;
    private Shortcut shortcut = Shortcut.NONE;
    private double offset;

    private ArimaEstimator(double[] x, ArimaOrder o, boolean withConstant) {
        this.x = x;
        this.o = o;
        int nd = o.differences();
        if (withConstant && nd == 0) constant = Constant.MEAN;
        else if (withConstant && nd == 1) constant = Constant.DRIFT;
        else constant = Constant.NONE;
        int n = x.length;
        if (constant == Constant.NONE) {
            z = null;
        } else {
            z = new double[n];
            for (int t = 0; t < n; t++) z[t] = constant == Constant.MEAN ? 1.0 : t + 1.0;
        }
        narma = o.armaCount();
        npar = narma + (z == null ? 0 : 1);
        delta = Reparametrisation.delta(o);
        int ok = 0;
        for (double v : x) if (!Double.isNaN(v)) ok++;
        nUsed = ok - delta.length;
        if (ok == n && n > delta.length) {
            differenced = tail(ConditionalSumOfSquares.difference(x, o.d(), o.seasonalD(), o.period()), delta.length);
            differencedZ = z == null ? null
                    : tail(ConditionalSumOfSquares.difference(z, o.d(), o.seasonalD(), o.period()), delta.length);
        } else {
            differenced = null;
            differencedZ = null;
        }
        seriesBuffer = differenced == null ? null : new double[differenced.length];
        residualBuffer = differenced == null ? null : new double[differenced.length];
    }

    private static double[] tail(double[] v, int from) {
        return java.util.Arrays.copyOfRange(v, from, v.length);
    }

    /**
     * Fits the model; with {@code fixedConstant} not NaN the mean/drift is fixed at that value.
     *
     * @param offset the CSS criterion offset (auto.arima's approximation), ignored otherwise
     */
    static ArimaFit fit(double[] x, ArimaOrder o, boolean withConstant, Method method, double offset,
            double fixedConstant) throws FitFailure {
        return fit(x, o, withConstant, method, offset, fixedConstant, Shortcut.NONE);
    }

    /**
     * What the stepwise search already knows about a fit: {@code cssStart}, the converged CSS
     * estimate of the same model (a CSS-ML fit starts its ML from it instead of repeating the same
     * CSS optimisation: the same numbers), and {@code beatIc}, the criterion a CSS fit must get below
     * to matter, with {@code giveUpRatio} (0: never give up) for {@link #giveUp}.
     */
    record Shortcut(double[] cssStart, double beatIc, double giveUpRatio) {
        static final Shortcut NONE = new Shortcut(null, Double.POSITIVE_INFINITY, 0);
    }

    /** {@link #fit(double[], ArimaOrder, boolean, Method, double, double)} using what the search knows. */
    static ArimaFit fit(double[] x, ArimaOrder o, boolean withConstant, Method method, double offset,
            double fixedConstant, Shortcut shortcut) throws FitFailure {
        ArimaEstimator e = new ArimaEstimator(x, o, withConstant);
        if (e.nUsed <= 0) throw new FitFailure("too few non-missing observations");
        e.shortcut = shortcut;
        e.offset = offset;
        return e.criteria(e.estimate(method, fixedConstant), offset);
    }

    private double[] deregress(double[] par) {
        if (z == null) return x;
        double b = par[narma];
        double[] y = new double[x.length];
        for (int t = 0; t < y.length; t++) y[t] = x[t] - z[t] * b;
        return y;
    }

    /** x - b z (or x) into {@code out}, the values {@link #deregress} returns. */
    private double[] deregressInto(double[] par, double[] out) {
        if (z == null) {
            System.arraycopy(x, 0, out, 0, x.length);
            return out;
        }
        double b = par[narma];
        for (int t = 0; t < out.length; t++) out[t] = x[t] - z[t] * b;
        return out;
    }

    /** The buffers of the full-length CSS objective, made on first use; not for concurrent use. */
    private double[] cssSeries() {
        if (cssSeries == null) {
            cssSeries = new double[x.length];
            cssResiduals = new double[x.length];
        }
        return cssSeries;
    }

    /**
     * The CSS objective. The optimiser's numeric gradient moves one parameter at a time, so most
     * evaluations share the constant (then x - b z differenced is the same) or the AR polynomial
     * (then so is the AR step's output): both are kept, keyed on the exact bits of their inputs,
     * and the values are those of a fresh computation.
     */
    private double cssObjective(double[] par, int ncond) {
        double[] phi = Reparametrisation.expandAr(par, o);
        double[] theta = Reparametrisation.expandMa(par, o);
        double[] w;
        double[] e;
        int nc;
        if (differenced == null || z != null) {
            // R's order of operations (x - b z, then difference), so rounding matches R's ARIMA_CSS
            long b = z == null ? 0 : Double.doubleToLongBits(par[narma]);
            if (cssSeries == null || b != cssSeriesConstant) {
                w = deregressInto(par, cssSeries());
                ConditionalSumOfSquares.differenceInPlace(w, o.d(), o.seasonalD(), o.period());
                cssSeriesConstant = b;
                cssAr = null;
            }
            w = cssSeries;
            e = cssResiduals;
            nc = ncond;
        } else {
            // the differenced series without its first d + mD values: same residuals, shifted
            w = differenced;
            e = residualBuffer;
            nc = ncond - delta.length;
        }
        if (cssAr == null || nc != cssArCondition || !java.util.Arrays.equals(phi, cssAr)) {
            if (cssAutoregressive == null) cssAutoregressive = new double[w.length];
            ConditionalSumOfSquares.autoregressive(w, phi, nc, cssAutoregressive);
            cssAr = phi;
            cssArCondition = nc;
        }
        return 0.5 * Math.log(ConditionalSumOfSquares.movingAverageMeanSquare(cssAutoregressive, theta, nc, e));
    }

    /** x - b z differenced (no missing values); reuses one buffer, so not for concurrent use. */
    private double[] differencedSeries(double[] par) {
        if (z == null) return differenced;
        double b = par[narma];
        for (int t = 0; t < seriesBuffer.length; t++) seriesBuffer[t] = differenced[t] - b * differencedZ[t];
        return seriesBuffer;
    }

    /**
     * The concentrated ML objective. Without missing values it filters the differenced series with
     * the ARMA-only state: the diffuse-prior likelihood of an ARIMA model equals the likelihood of
     * its differences (Durbin & Koopman 2012, §5.7), so this matches R's kappa = 1e6 filter to
     * O(1/kappa) at a fraction of the cost (state r instead of r + d + mD). The final pass uses the
     * full filter, as R does.
     */
    private double mlObjective(double[] par, boolean trans) {
        double[] tp = trans ? Reparametrisation.transform(par, o) : par;
        double[] phi = Reparametrisation.expandAr(tp, o);
        double[] theta = Reparametrisation.expandMa(tp, o);
        if (differenced != null) {
            double[] lik = Chandrasekhar.likelihood(phi, theta, differencedSeries(par));
            double s2 = lik[0] / lik[2];
            return 0.5 * (Math.log(s2) + lik[1] / lik[2]);
        }
        StateSpace.Pass pass = new StateSpace(phi, theta, delta).filter(deregress(par), false);
        double s2 = pass.ssq / pass.nu;
        return 0.5 * (Math.log(s2) + pass.sumlog / pass.nu);
    }

    /**
     * What one estimation produced, before myarima's criteria. state is null for CSS fits; converged
     * is false when the CSS optimisation reached maxit or was given up.
     */
    record Estimate(Method method, double[] coef, double sigma2Raw, double loglik, double aicMl, double[] residuals,
            int estimated, CovarianceCheck check, StateSpace model, StateSpace.Pass state, boolean converged) {}

    /**
     * forecast:::checkarima on R's var.coef, computed on first request: the Hessian costs 4k^2
     * objective evaluations and the search needs it only for models that could be chosen.
     */
    final class CovarianceCheck {
        private final Bfgs bfgs;
        private final double[] at;
        private final double[][] jacobian;
        private final int k;
        private int state; // 0 unknown, 1 fine, 2 bad

        CovarianceCheck(Bfgs bfgs, double[] at, double[][] jacobian, int k) {
            this.bfgs = bfgs;
            this.at = at;
            this.jacobian = jacobian;
            this.k = k;
        }

        /** True when a variance is negative or NaN, or the Hessian is singular (R stops: a failed fit). */
        synchronized boolean bad() {
            if (state == 0) {
                boolean bad;
                try {
                    bad = negativeVariance(bfgs.hessian(at), jacobian, k);
                } catch (FitFailure | Bfgs.Failure e) {
                    bad = true;
                }
                state = bad ? 2 : 1;
            }
            return state == 2;
        }
    }

    private Estimate estimate(Method requested, double fixedConstant) throws FitFailure {
        boolean anyNaN = false;
        for (double v : x) anyNaN |= Double.isNaN(v);
        Method method = requested == Method.CSS_ML && anyNaN ? Method.ML : requested;
        int ncond = method == Method.ML ? 0 : o.d() + o.seasonalD() * o.period() + o.p() + o.period() * o.seasonalP();
        double[] init = new double[npar];
        double[] parscale = new double[npar];
        java.util.Arrays.fill(parscale, 1.0);
        if (z != null) olsStart(init, parscale);
        boolean fixed = !Double.isNaN(fixedConstant);
        if (fixed) init[narma] = fixedConstant;
        Free free = new Free(init, parscale, fixed ? narma : npar);
        try {
            return method == Method.CSS ? fitCss(free, ncond) : fitMl(free, method, ncond);
        } catch (Bfgs.Failure f) {
            throw new FitFailure(f.getMessage());
        }
    }

    /** The free parameters (all, or all but a fixed constant) and their scales. */
    private static final class Free {
        final double[] full;
        final double[] scale;
        final int k;

        Free(double[] full, double[] scale, int k) {
            this.full = full;
            this.scale = java.util.Arrays.copyOf(scale, k);
            this.k = k;
        }

        double[] start() {
            return java.util.Arrays.copyOf(full, k);
        }

        double[] expand(double[] free) {
            double[] p = full.clone();
            System.arraycopy(free, 0, p, 0, k);
            return p;
        }
    }

    private void olsStart(double[] init, double[] parscale) {
        int lag = o.d() + o.seasonalD() * o.period();
        double[] dx = ConditionalSumOfSquares.difference(x, o.d(), o.seasonalD(), o.period());
        double[] dz = ConditionalSumOfSquares.difference(z, o.d(), o.seasonalD(), o.period());
        int from = lag;
        if (x.length - lag <= 1) {
            dx = x;
            dz = z;
            from = 0;
        }
        double szz = 0, szx = 0;
        int cnt = 0;
        for (int t = from; t < dx.length; t++) {
            if (Double.isNaN(dx[t])) continue;
            szz += dz[t] * dz[t];
            szx += dz[t] * dx[t];
            cnt++;
        }
        double b = szx / szz;
        double rss = 0;
        for (int t = from; t < dx.length; t++) {
            if (Double.isNaN(dx[t])) continue;
            double e = dx[t] - b * dz[t];
            rss += e * e;
        }
        double se = Math.sqrt(rss / (cnt - 1) / szz);
        init[narma] = b;
        parscale[narma] = se > 0 && Double.isFinite(se) ? 10 * se : 1.0;
    }

    private Estimate fitCss(Free free, int ncond) throws FitFailure {
        Bfgs.Objective obj = p -> cssObjective(free.expand(p), ncond);
        double[] coef;
        double value;
        CovarianceCheck check = null;
        boolean converged = true;
        if (free.k == 0) {
            coef = free.full.clone();
            value = obj.value(new double[0]);
        } else {
            Bfgs bfgs = new Bfgs(obj, free.scale);
            Bfgs.Result res = bfgs.minimise(free.start(), 100, giveUp(free.k));
            coef = free.expand(res.par());
            value = res.value();
            converged = res.converged();
            check = new CovarianceCheck(bfgs, res.par(), null, free.k);
        }
        double[] resid = new double[x.length];
        double[] w = ConditionalSumOfSquares.difference(deregress(coef), o.d(), o.seasonalD(), o.period());
        double sigma2 = ConditionalSumOfSquares.meanSquare(w, Reparametrisation.expandAr(coef, o),
                Reparametrisation.expandMa(coef, o), ncond, resid);
        double m2 = 2 * nUsed * value + nUsed + nUsed * LOG_2PI;
        return new Estimate(Method.CSS, coef, sigma2, -0.5 * m2, Double.NaN, resid, free.k, check, null, null,
                converged);
    }

    private Estimate fitMl(Free free, Method method, int ncond) throws FitFailure {
        double[] init = free.full.clone();
        if (method == Method.CSS_ML) {
            if (shortcut.cssStart() != null) {
                init = shortcut.cssStart().clone();
            } else if (free.k > 0) {
                Bfgs css = new Bfgs(p -> cssObjective(free.expand(p), ncond), free.scale);
                Bfgs.Result res = css.minimise(free.start(), 100);
                if (res.converged()) init = free.expand(res.par());
            }
        }
        if (o.p() > 0 && !Polynomials.isStationary(init, 0, o.p())) {
            throw new FitFailure("non-stationary AR part from CSS");
        }
        if (o.seasonalP() > 0 && !Polynomials.isStationary(init, o.p() + o.q(), o.seasonalP())) {
            throw new FitFailure("non-stationary seasonal AR part from CSS");
        }
        init = Reparametrisation.untransform(init, o);
        Polynomials.invertMa(init, o.p(), o.q());
        Polynomials.invertMa(init, o.p() + o.q() + o.seasonalP(), o.seasonalQ());
        Free mlFree = new Free(init, free.scale, free.k);
        Bfgs.Objective obj = p -> mlObjective(mlFree.expand(p), true);
        double[] coef;
        double value;
        CovarianceCheck check = null;
        if (free.k == 0) {
            coef = init.clone();
            value = obj.value(new double[0]);
        } else {
            Bfgs bfgs = new Bfgs(obj, free.scale);
            Bfgs.Result res = bfgs.minimise(mlFree.start(), 100);
            coef = mlFree.expand(res.par());
            value = res.value();
            double[] before = coef.clone();
            Polynomials.invertMa(coef, o.p(), o.q());
            Polynomials.invertMa(coef, o.p() + o.q() + o.seasonalP(), o.seasonalQ());
            double[] freeCoef = java.util.Arrays.copyOf(coef, free.k);
            if (!java.util.Arrays.equals(before, coef)) value = obj.value(freeCoef);
            check = new CovarianceCheck(bfgs, freeCoef, Reparametrisation.gradtrans(coef, o), free.k);
            coef = Reparametrisation.transform(coef, o);
        }
        if (free.k == 0) coef = Reparametrisation.transform(coef, o);
        double[] y = deregress(coef);
        StateSpace ss = new StateSpace(Reparametrisation.expandAr(coef, o), Reparametrisation.expandMa(coef, o), delta);
        StateSpace.Pass pass = ss.filter(y, true);
        // report R's kappa-filter objective at the optimum (the search used the differenced form)
        if (differenced != null) value = 0.5 * (Math.log(pass.ssq / pass.nu) + pass.sumlog / pass.nu);
        double sigma2 = pass.ssq / nUsed;
        double m2 = 2 * nUsed * value + nUsed + nUsed * LOG_2PI;
        return new Estimate(method, coef, sigma2, -0.5 * m2, m2 + 2 * free.k + 2, pass.residuals, free.k, check, ss, pass,
                true);
    }

    /**
     * R's var.coef: solve(H n) (CSS) or A' solve(H n, A) (ML, A the Jacobian of the AR transform);
     * true when a diagonal entry is negative or NaN (forecast:::checkarima). Singular H is a failure.
     */
    private boolean negativeVariance(double[] h, double[][] a, int k) throws FitFailure {
        double[] hn = new double[k * k];
        for (int i = 0; i < k * k; i++) hn[i] = h[i] * nUsed;
        double[][] rhs = new double[k][k];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < k; i++) rhs[c][i] = a == null ? (i == c ? 1.0 : 0.0) : a[i][c];
        }
        double[][] sol = Linear.solveMany(hn, rhs, k);
        if (sol == null) throw new FitFailure("Hessian is computationally singular");
        for (int c = 0; c < k; c++) {
            double v;
            if (a == null) {
                v = sol[c][c];
            } else {
                v = 0;
                for (int i = 0; i < k; i++) v += a[i][c] * sol[c][i];
            }
            if (!(v >= 0)) return true;
        }
        return false;
    }

    /** myarima's n*: the observations from the first to the last non-missing one, less d + mD. */
    private int nStar() {
        int first = 0, last = x.length - 1;
        while (first <= last && Double.isNaN(x[first])) first++;
        while (last >= first && Double.isNaN(x[last])) last--;
        int n = 0;
        for (int t = first; t <= last; t++) if (!Double.isNaN(x[t])) n++;
        return n - o.d() - o.seasonalD() * o.period();
    }

    /**
     * The search shortcut for a CSS fit with k estimated coefficients, or null. The CSS objective f is
     * 0.5 log of the residual mean square, so the fit's AICc is offset + 2 n* f + 2(k+1) + 2(k+1)(k+2)
     * / (n* - k - 2), and beating {@code beatIc} needs f below a target. BFGS is given up when the gap
     * to that target is more than {@code giveUpRatio} times the largest of the last {@value
     * #GIVE_UP_WINDOW} improvements: the remaining steps, shrinking as BFGS converges, would not close
     * it. A heuristic (the steps need not shrink), so auto.arima with R's defaults never uses it; its
     * ic is then that of the point reached, an upper bound, and it is refitted in full if the ML
     * refit comes to it.
     */
    private Bfgs.GiveUp giveUp(int estimated) {
        if (!(shortcut.giveUpRatio() > 0) || !(shortcut.beatIc() < Double.POSITIVE_INFINITY)) return null;
        int nstar = nStar();
        int k = estimated + 1;
        if (nstar - k - 1 <= 0) return null;
        double target = (shortcut.beatIc() - offset - 2 * k - 2.0 * k * (k + 1) / (nstar - k - 1)) / (2 * nstar);
        double ratio = shortcut.giveUpRatio();
        double[] recent = new double[GIVE_UP_WINDOW];
        int[] steps = {0};
        return (previous, current) -> {
            recent[steps[0]++ % recent.length] = previous - current;
            double largest = 0;
            for (double r : recent) largest = Math.max(largest, r);
            return current - target > ratio * largest;
        };
    }

    /** forecast:::myarima's AIC (CSS offset form), AICc, BIC and bias-adjusted sigma^2. */
    private ArimaFit criteria(Estimate e, double offset) {
        int nstar = nStar();
        int k = e.estimated() + 1;
        double aic = e.method() == Method.CSS ? offset + nstar * Math.log(e.sigma2Raw()) + 2 * k : e.aicMl();
        double aicc, bic;
        if (Double.isNaN(aic)) {
            aic = bic = aicc = Double.POSITIVE_INFINITY;
        } else {
            bic = aic + k * (Math.log(nstar) - 2);
            aicc = aic + 2.0 * k * (k + 1) / (nstar - k - 1);
        }
        double ss = 0;
        for (double r : e.residuals()) if (!Double.isNaN(r)) ss += r * r;
        return new ArimaFit(o, constant, e, new double[] {aic, aicc, bic, ss / (nstar - k + 1)}, x);
    }
}
