package keel.forecast.arima;

/**
 * The state-space form of an ARIMA model as R {@code stats::makeARIMA} builds it, and the exact
 * Gaussian likelihood by the Kalman filter (R {@code ARIMA_Like}) and forecasts
 * ({@code KalmanForecast}).
 *
 * <p>State: r = max(p*, q*+1) ARMA components (Harvey form: phi* in the first column of T, ones on
 * the superdiagonal, disturbance loading (1, theta*)), followed by d* = d + mD lagged levels for the
 * differencing. The ARMA block starts at the stationary covariance Q0 (Gardner, Harvey & Phillips
 * 1980, AS 154), the level block diffuse at kappa = 1e6; steps with innovation variance F >= 1e4 are
 * left out of the likelihood. sigma^2 is concentrated out. Matrices are dense row-major double[].
 */
final class StateSpace {
    static final double KAPPA = 1e6;
    static final double STEADY_TOL = 1e-12;

    final double[] phi;
    final double[] theta; // padded to r - 1
    final double[] delta;
    final int p;
    final int q;
    final int r;
    final int d;
    final int rd;

    StateSpace(double[] phi, double[] theta, double[] delta) {
        this.p = phi.length;
        this.r = Math.max(p, theta.length + 1);
        this.phi = phi;
        this.theta = java.util.Arrays.copyOf(theta, Math.max(theta.length, r - 1));
        this.q = this.theta.length;
        this.delta = delta;
        this.d = delta.length;
        this.rd = r + d;
    }

    /** Outcome of one filter pass. a and pMat are the filtered state and covariance at the last step. */
    static final class Pass {
        double ssq;
        double sumlog;
        int nu;
        double[] a;
        double[] pMat;
        double[] residuals;
    }

    /** Initial covariance Pn as makeARIMA sets it. */
    double[] initialCovariance() {
        double[] pn = new double[rd * rd];
        if (r > 1) {
            double[] q0 = StationaryCovariance.q0(phi, theta);
            for (int i = 0; i < r; i++) System.arraycopy(q0, i * r, pn, i * rd, r);
        } else {
            pn[0] = p > 0 ? 1 / (1 - phi[0] * phi[0]) : 1;
        }
        for (int i = r; i < rd; i++) pn[i * rd + i] = KAPPA;
        return pn;
    }

    /**
     * Runs the Kalman filter over y (NaN = missing), as R ARIMA_Like with sUP = 0.
     *
     * @param keep keep the final state and the standardised residuals
     */
    Pass filter(double[] y, boolean keep) {
        int n = y.length;
        double[] a = new double[rd];
        double[] pm = new double[rd * rd];
        double[] pnew = initialCovariance();
        double[] anew = new double[rd];
        double[] mvec = new double[rd];
        double[] mm = d > 0 ? new double[rd * rd] : null;
        Pass out = new Pass();
        if (keep) out.residuals = new double[n];
        double ssq = 0, sumlog = 0;
        int nu = 0;
        boolean steady = false;
        double gain = 0;
        for (int l = 0; l < n; l++) {
            boolean missing = Double.isNaN(y[l]);
            if (steady && missing) steady = false;
            predictState(a, anew);
            if (l > 0 && !steady) predictCovariance(pm, pnew, mm);
            if (!missing) {
                double resid0 = y[l] - anew[0];
                for (int i = 0; i < d; i++) resid0 -= delta[i] * anew[r + i];
                if (!steady) {
                    gain = pnew[0];
                    for (int i = 0; i < d; i++) gain += delta[i] * pnew[r + i];
                    for (int i = 0; i < rd; i++) {
                        double tmp = pnew[i];
                        for (int k = 0; k < d; k++) tmp += pnew[i + rd * (r + k)] * delta[k];
                        mvec[i] = tmp;
                    }
                    for (int i = 0; i < d; i++) gain += delta[i] * mvec[r + i];
                }
                if (gain < 1e4) {
                    nu++;
                    ssq += resid0 * resid0 / gain;
                    sumlog += Math.log(gain);
                }
                if (keep) out.residuals[l] = resid0 / Math.sqrt(gain);
                double f = resid0 / gain;
                for (int i = 0; i < rd; i++) a[i] = anew[i] + mvec[i] * f;
                if (!steady) steady = update(pm, pnew, mvec, gain, rd) && l > d;
            } else {
                System.arraycopy(anew, 0, a, 0, rd);
                System.arraycopy(pnew, 0, pm, 0, rd * rd);
                if (keep) out.residuals[l] = Double.NaN;
            }
        }
        out.ssq = ssq;
        out.sumlog = sumlog;
        out.nu = nu;
        if (keep) {
            out.a = a;
            out.pMat = pm;
        }
        return out;
    }

    /**
     * P = Pnew - M M' / F. Returns true when P did not change from the previous filtered P by more
     * than {@value #STEADY_TOL} relative: the filter has reached its steady state, after which R's
     * recursion would reproduce the same P, gain and M at every step, so they are kept (this only
     * skips work; it stops at the first missing value).
     */
    private static boolean update(double[] pm, double[] pnew, double[] mvec, double gain, int rd) {
        double maxDiff = 0, maxAbs = 0;
        for (int i = 0; i < rd; i++) {
            double mi = mvec[i] / gain;
            int row = i * rd;
            for (int j = 0; j < rd; j++) {
                double v = pnew[row + j] - mi * mvec[j];
                double diff = Math.abs(v - pm[row + j]);
                if (diff > maxDiff) maxDiff = diff;
                double av = Math.abs(v);
                if (av > maxAbs) maxAbs = av;
                pm[row + j] = v;
            }
        }
        return maxDiff <= STEADY_TOL * Math.max(1.0, maxAbs);
    }

    private void predictState(double[] a, double[] anew) {
        for (int i = 0; i < r; i++) {
            double tmp = (i < r - 1) ? a[i + 1] : 0.0;
            if (i < p) tmp += phi[i] * a[0];
            anew[i] = tmp;
        }
        if (d > 0) {
            for (int i = r + 1; i < rd; i++) anew[i] = a[i - 1];
            double tmp = a[0];
            for (int i = 0; i < d; i++) tmp += delta[i] * a[r + i];
            anew[r] = tmp;
        }
    }

    // Pnew = T P T' + R R'. P is symmetric; indices as in R (column-major there, symmetric here).
    private void predictCovariance(double[] pm, double[] pnew, double[] mm) {
        if (d == 0) {
            for (int i = 0; i < r; i++) {
                double vi = i == 0 ? 1.0 : (i - 1 < q ? theta[i - 1] : 0.0);
                for (int j = i; j < r; j++) {
                    double tmp = j == 0 ? 1.0 : (j - 1 < q ? theta[j - 1] : 0.0);
                    tmp *= vi;
                    if (i < p && j < p) tmp += phi[i] * phi[j] * pm[0];
                    if (i < r - 1 && j < r - 1) tmp += pm[(i + 1) * rd + j + 1];
                    if (i < p && j < r - 1) tmp += phi[i] * pm[j + 1];
                    if (j < p && i < r - 1) tmp += phi[j] * pm[i + 1];
                    pnew[i * rd + j] = tmp;
                    pnew[j * rd + i] = tmp;
                }
            }
            return;
        }
        // mm = T P (row i of mm = row i of T times P)
        for (int i = 0; i < r; i++) {
            int row = i * rd;
            double ph = i < p ? phi[i] : 0.0;
            for (int j = 0; j < rd; j++) {
                double tmp = ph * pm[j];
                if (i < r - 1) tmp += pm[(i + 1) * rd + j];
                mm[row + j] = tmp;
            }
        }
        for (int j = 0; j < rd; j++) {
            double tmp = pm[j];
            for (int k = 0; k < d; k++) tmp += delta[k] * pm[(r + k) * rd + j];
            mm[r * rd + j] = tmp;
        }
        for (int i = 1; i < d; i++) System.arraycopy(pm, (r + i - 1) * rd, mm, (r + i) * rd, rd);
        // pnew = mm T'  (column j of pnew = mm times row j of T)
        for (int i = 0; i < rd; i++) {
            int row = i * rd;
            for (int j = 0; j < r; j++) {
                double tmp = j < p ? phi[j] * mm[row] : 0.0;
                if (j < r - 1) tmp += mm[row + j + 1];
                pnew[row + j] = tmp;
            }
            double tmp = mm[row];
            for (int k = 0; k < d; k++) tmp += delta[k] * mm[row + r + k];
            pnew[row + r] = tmp;
            for (int k = 1; k < d; k++) pnew[row + r + k] = mm[row + r + k - 1];
        }
        for (int i = 0; i <= q; i++) {
            double vi = i == 0 ? 1.0 : theta[i - 1];
            for (int j = 0; j <= q; j++) pnew[i * rd + j] += vi * (j == 0 ? 1.0 : theta[j - 1]);
        }
    }

    /**
     * Forecasts h steps from a filtered state (R KalmanForecast).
     *
     * @return {mean[h], variance[h]} with variances in units of sigma^2
     */
    double[][] forecast(double[] a0, double[] p0, int h) {
        double[] a = a0.clone();
        double[] pm = p0.clone();
        double[] anew = new double[rd];
        double[] pnew = new double[rd * rd];
        double[] mm = d > 0 ? new double[rd * rd] : null;
        double[] mean = new double[h];
        double[] var = new double[h];
        for (int l = 0; l < h; l++) {
            predictState(a, anew);
            System.arraycopy(anew, 0, a, 0, rd);
            double fc = a[0];
            for (int i = 0; i < d; i++) fc += delta[i] * a[r + i];
            mean[l] = fc;
            predictCovariance(pm, pnew, mm);
            System.arraycopy(pnew, 0, pm, 0, rd * rd);
            double v = 0;
            for (int i = 0; i < rd; i++) {
                double zi = i == 0 ? 1.0 : (i >= r ? delta[i - r] : 0.0);
                if (zi == 0.0) continue;
                for (int j = 0; j < rd; j++) {
                    double zj = j == 0 ? 1.0 : (j >= r ? delta[j - r] : 0.0);
                    if (zj != 0.0) v += zi * zj * pm[i * rd + j];
                }
            }
            var[l] = v;
        }
        return new double[][] {mean, var};
    }
}
