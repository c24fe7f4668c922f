package keel.forecast.arima;

/**
 * R's {@code optim(method = "BFGS")}: the variable-metric minimiser {@code vmmin} (Nash 1990,
 * transcribed from R {@code src/appl/optim.c}) with central-difference gradients (ndeps 1e-3 on
 * the scaled parameters), parameter scaling ({@code parscale}) and {@code optimhess} for the
 * Hessian. Defaults as R: maxit 100, reltol 1e-8, abstol -Inf.
 */
final class Bfgs {
    /** The function to minimise, at unscaled parameters. */
    interface Objective {
        double value(double[] par);
    }

    /** Thrown where R stops with "non-finite finite-difference value" or a non-finite start. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    static final double NDEPS = 1e-3;
    static final double RELTOL = 1e-8;
    private static final double STEPREDN = 0.2;
    private static final double ACCTOL = 0.0001;
    private static final double RELTEST = 10.0;

    /** Result of a minimisation: parameters (unscaled), value and whether maxit was reached. */
    record Result(double[] par, double value, boolean converged) {}

    /**
     * Asked after every accepted step whether the caller no longer needs the minimum (auto.arima's
     * search shortcut: a candidate that cannot beat the best model). Not part of R's vmmin.
     */
    interface GiveUp {
        boolean after(double previous, double current);
    }

    private final Objective fn;
    private final double[] parscale;
    private final int n;

    Bfgs(Objective fn, double[] parscale) {
        this.fn = fn;
        this.parscale = parscale;
        this.n = parscale.length;
    }

    private double eval(double[] scaled) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = scaled[i] * parscale[i];
        return fn.value(x);
    }

    private void gradient(double[] p, double[] df) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = p[i] * parscale[i];
        for (int i = 0; i < n; i++) {
            double eps = NDEPS;
            x[i] = (p[i] + eps) * parscale[i];
            double val1 = fn.value(x);
            x[i] = (p[i] - eps) * parscale[i];
            double val2 = fn.value(x);
            df[i] = (val1 - val2) / (2 * eps);
            if (!Double.isFinite(df[i])) throw new Failure("non-finite finite-difference value [" + (i + 1) + "]");
            x[i] = p[i] * parscale[i];
        }
    }

    /** Minimises from {@code start} (unscaled). */
    Result minimise(double[] start, int maxit) {
        return minimise(start, maxit, null);
    }

    /**
     * Minimises from {@code start} (unscaled), stopping early, unconverged, when {@code giveUp}
     * (may be null) says so after an accepted step.
     */
    Result minimise(double[] start, int maxit, GiveUp giveUp) {
        double[] b = new double[n];
        for (int i = 0; i < n; i++) b[i] = start[i] / parscale[i];
        if (maxit <= 0) return new Result(start.clone(), eval(b), true);
        double[] g = new double[n];
        double[] t = new double[n];
        double[] xv = new double[n];
        double[] c = new double[n];
        double[][] bm = new double[n][n];
        double f = eval(b);
        if (!Double.isFinite(f)) throw new Failure("initial value in 'vmmin' is not finite");
        double fmin = f;
        int gradcount = 1;
        gradient(b, g);
        int iter = 1;
        int ilast = gradcount;
        int count;
        do {
            if (ilast == gradcount) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < i; j++) bm[i][j] = 0.0;
                    bm[i][i] = 1.0;
                }
            }
            for (int i = 0; i < n; i++) {
                xv[i] = b[i];
                c[i] = g[i];
            }
            double gradproj = 0.0;
            for (int i = 0; i < n; i++) {
                double s = 0.0;
                for (int j = 0; j <= i; j++) s -= bm[i][j] * g[j];
                for (int j = i + 1; j < n; j++) s -= bm[j][i] * g[j];
                t[i] = s;
                gradproj += s * g[i];
            }
            if (gradproj < 0.0) {
                double steplength = 1.0;
                boolean accpoint = false;
                do {
                    count = 0;
                    for (int i = 0; i < n; i++) {
                        b[i] = xv[i] + steplength * t[i];
                        if (RELTEST + xv[i] == RELTEST + b[i]) count++;
                    }
                    if (count < n) {
                        f = eval(b);
                        accpoint = Double.isFinite(f) && (f <= fmin + gradproj * steplength * ACCTOL);
                        if (!accpoint) steplength *= STEPREDN;
                    }
                } while (!(count == n || accpoint));
                boolean enough = Math.abs(f - fmin) > RELTOL * (Math.abs(fmin) + RELTOL);
                if (!enough) {
                    count = n;
                    fmin = f;
                }
                if (count < n) {
                    double previous = fmin;
                    fmin = f;
                    if (giveUp != null && giveUp.after(previous, fmin)) {
                        iter = maxit;
                        break;
                    }
                    gradient(b, g);
                    gradcount++;
                    iter++;
                    double d1 = 0.0;
                    for (int i = 0; i < n; i++) {
                        t[i] = steplength * t[i];
                        c[i] = g[i] - c[i];
                        d1 += t[i] * c[i];
                    }
                    if (d1 > 0) {
                        double d2 = 0.0;
                        for (int i = 0; i < n; i++) {
                            double s = 0.0;
                            for (int j = 0; j <= i; j++) s += bm[i][j] * c[j];
                            for (int j = i + 1; j < n; j++) s += bm[j][i] * c[j];
                            xv[i] = s;
                            d2 += s * c[i];
                        }
                        d2 = 1.0 + d2 / d1;
                        for (int i = 0; i < n; i++) {
                            for (int j = 0; j <= i; j++) {
                                bm[i][j] += (d2 * t[i] * t[j] - xv[i] * t[j] - t[i] * xv[j]) / d1;
                            }
                        }
                    } else {
                        ilast = gradcount;
                    }
                } else if (ilast < gradcount) {
                    count = 0;
                    ilast = gradcount;
                }
            } else {
                count = 0;
                if (ilast == gradcount) count = n;
                else ilast = gradcount;
            }
            if (iter >= maxit) break;
            if (gradcount - ilast > 2 * n) ilast = gradcount;
        } while (count != n || ilast != gradcount);
        double[] par = new double[n];
        for (int i = 0; i < n; i++) par[i] = b[i] * parscale[i];
        return new Result(par, fmin, iter < maxit);
    }

    /** R optimhess at unscaled {@code par}: symmetric n x n row-major Hessian in unscaled units. */
    double[] hessian(double[] par) {
        double[] dpar = new double[n];
        for (int i = 0; i < n; i++) dpar[i] = par[i] / parscale[i];
        double[] df1 = new double[n];
        double[] df2 = new double[n];
        double[] h = new double[n * n];
        for (int i = 0; i < n; i++) {
            double eps = NDEPS / parscale[i];
            dpar[i] += eps;
            gradient(dpar, df1);
            dpar[i] -= 2 * eps;
            gradient(dpar, df2);
            for (int j = 0; j < n; j++) {
                h[i * n + j] = (df1[j] - df2[j]) / (2 * eps * parscale[i] * parscale[j]);
            }
            dpar[i] += eps;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double tmp = 0.5 * (h[i * n + j] + h[j * n + i]);
                h[i * n + j] = tmp;
                h[j * n + i] = tmp;
            }
        }
        return h;
    }
}
