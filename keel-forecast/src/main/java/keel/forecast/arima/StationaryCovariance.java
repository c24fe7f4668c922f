package keel.forecast.arima;

/**
 * The stationary covariance Q0 of the ARMA state vector (unit innovation variance), solving
 * Q0 = T Q0 T' + R R'.
 *
 * <p>For small states this is AS 154 (Gardner, Harvey & Phillips 1980), transcribed from R
 * {@code getQ0} in {@code stats/src/arima.c}, so results match R to rounding. Its cost grows like
 * r^6 in the worst case, so for r > {@value #GARDNER_MAX_R} (all seasonal models) the same
 * matrix is computed from the ARMA autocovariances: Q0[0][k] follows from gamma(0..r) and the psi
 * weights, and the rest from Q0[i][j] = phi_i phi_j Q0[0][0] + phi_i Q0[0][j+1] + phi_j Q0[0][i+1]
 * + Q0[i+1][j+1] + V[i][j], filled from the bottom right. Both are exact; they differ by rounding.
 *
 * <p>Known difference: for long seasonal AR states R's AS 154 can lose all accuracy (M4 H3,
 * ARIMA(3,0,0)(2,1,0)[24], p* = 51: R stops with "initial value in 'vmmin' is not finite" and
 * auto.arima takes the next candidate; likewise H4). This route stays accurate there, so Keel can
 * keep a model R drops. Of the first 6 M4 Hourly series, 4 get R's model; H3 and H4 differ so.
 */
final class StationaryCovariance {
    static final int GARDNER_MAX_R = 6;

    private StationaryCovariance() {}

    /** Q0 as a dense row-major r x r matrix; theta is padded to length >= r - 1. */
    static double[] q0(double[] phi, double[] theta) {
        int p = phi.length;
        int r = Math.max(p, theta.length + 1);
        if (r > GARDNER_MAX_R && p > 0) return byAutocovariance(phi, theta, r);
        return gardner(phi, theta);
    }

    static double[] gardner(double[] phi, double[] theta) {
        int p = phi.length, q = theta.length;
        int r = Math.max(p, q + 1);
        int np = r * (r + 1) / 2, nrbar = np * (np - 1) / 2;
        double[] v = new double[np];
        for (int ind = 0, j = 0; j < r; j++) {
            double vj = j == 0 ? 1.0 : (j - 1 < q ? theta[j - 1] : 0.0);
            for (int i = j; i < r; i++) {
                double vi = i == 0 ? 1.0 : (i - 1 < q ? theta[i - 1] : 0.0);
                v[ind++] = vi * vj;
            }
        }
        double[] res = new double[r * r];
        double[] pp = new double[Math.max(np, r * r)];
        if (r == 1) {
            res[0] = p == 0 ? 1.0 : 1.0 / (1.0 - phi[0] * phi[0]);
            return res;
        }
        if (p > 0) {
            double[] rbar = new double[nrbar];
            double[] thetab = new double[np];
            double[] xnext = new double[np];
            double[] xrow = new double[np];
            int ind = 0, ind1 = -1;
            int npr = np - r, npr1 = npr + 1;
            int indj = npr, ind2 = npr - 1;
            for (int j = 0; j < r; j++) {
                double phij = j < p ? phi[j] : 0.0;
                xnext[indj++] = 0.0;
                int indi = npr1 + j;
                for (int i = j; i < r; i++) {
                    double ynext = v[ind++];
                    double phii = i < p ? phi[i] : 0.0;
                    if (j != r - 1) {
                        xnext[indj] = -phii;
                        if (i != r - 1) {
                            xnext[indi] -= phij;
                            xnext[++ind1] = -1.0;
                        }
                    }
                    xnext[npr] = -phii * phij;
                    if (++ind2 >= np) ind2 = 0;
                    xnext[ind2] += 1.0;
                    inclu2(np, xnext, xrow, ynext, pp, rbar, thetab);
                    xnext[ind2] = 0.0;
                    if (i != r - 1) {
                        xnext[indi++] = 0.0;
                        xnext[ind1] = 0.0;
                    }
                }
            }
            int ithisr = nrbar - 1;
            int im = np - 1;
            for (int i = 0; i < np; i++) {
                double bi = thetab[im];
                for (int jm = np - 1, j = 0; j < i; j++) bi -= rbar[ithisr--] * pp[jm--];
                pp[im--] = bi;
            }
            // re-order p
            ind = npr;
            for (int i = 0; i < r; i++) xnext[i] = pp[ind++];
            ind = np - 1;
            ind1 = npr - 1;
            for (int i = 0; i < npr; i++) pp[ind--] = pp[ind1--];
            for (int i = 0; i < r; i++) pp[i] = xnext[i];
        } else {
            int indn = np, ind = np;
            for (int i = 0; i < r; i++) {
                for (int j = 0; j <= i; j++) {
                    --ind;
                    pp[ind] = v[ind];
                    if (j != 0) pp[ind] += pp[--indn];
                }
            }
        }
        // unpack to a full matrix (R's column-major layout; the result is symmetric)
        System.arraycopy(pp, 0, res, 0, np);
        for (int i = r - 1, ind = np; i > 0; i--) {
            for (int j = r - 1; j >= i; j--) res[r * i + j] = res[--ind];
        }
        for (int i = 0; i < r - 1; i++) {
            for (int j = i + 1; j < r; j++) res[i + r * j] = res[j + r * i];
        }
        return res;
    }

    private static void inclu2(int np, double[] xnext, double[] xrow, double ynext, double[] d,
            double[] rbar, double[] thetab) {
        System.arraycopy(xnext, 0, xrow, 0, np);
        int ithisr = 0;
        for (int i = 0; i < np; i++) {
            if (xrow[i] != 0.0) {
                double xi = xrow[i];
                double di = d[i];
                double dpi = di + xi * xi;
                d[i] = dpi;
                double cbar = di / dpi;
                double sbar = xi / dpi;
                for (int k = i + 1; k < np; k++) {
                    double xk = xrow[k];
                    double rbthis = rbar[ithisr];
                    xrow[k] = xk - xi * rbthis;
                    rbar[ithisr++] = cbar * rbthis + sbar * xk;
                }
                double xk = ynext;
                ynext = xk - xi * thetab[i];
                thetab[i] = cbar * thetab[i] + sbar * xk;
                if (di == 0.0) return;
            } else {
                ithisr = ithisr + np - i - 1;
            }
        }
    }

    static double[] byAutocovariance(double[] phi, double[] theta, int r) {
        int p = phi.length, q = theta.length;
        // psi weights of the ARMA process, psi_0 = 1
        double[] psi = new double[r + 1];
        psi[0] = 1;
        for (int j = 1; j <= r; j++) {
            double s = j - 1 < q ? theta[j - 1] : 0.0;
            for (int i = 1; i <= Math.min(j, p); i++) s += phi[i - 1] * psi[j - i];
            psi[j] = s;
        }
        double[] gamma = autocovariances(phi, theta, r);
        // first row: Q0[0][k] = sum_{l=k}^{r-1} phi_l gamma(l-k+1) + theta_{l-1} psi_{l-k}  (0-based, theta_{-1} = 1)
        double[] res = new double[r * r];
        for (int k = 0; k < r; k++) {
            double s = 0;
            for (int l = k; l < r; l++) {
                double ph = l < p ? phi[l] : 0.0;
                double th = l == 0 ? 1.0 : (l - 1 < q ? theta[l - 1] : 0.0);
                s += ph * gamma[l - k + 1] + th * psi[l - k];
            }
            res[k] = s;
            res[k * r] = s;
        }
        for (int i = r - 1; i >= 1; i--) {
            for (int j = r - 1; j >= i; j--) {
                double pi = i < p ? phi[i] : 0.0, pj = j < p ? phi[j] : 0.0;
                double vi = i - 1 < q ? theta[i - 1] : 0.0;
                double vj = j - 1 < q ? theta[j - 1] : 0.0;
                double s = pi * pj * res[0] + vi * vj;
                if (j + 1 < r) s += pi * res[j + 1] + pj * res[i + 1] + res[(i + 1) * r + j + 1];
                else if (i + 1 < r) s += pj * res[i + 1];
                res[i * r + j] = s;
                res[j * r + i] = s;
            }
        }
        return res;
    }

    /**
     * gamma(0..r+1) of the ARMA process with unit innovation variance, in O(r^2): the AR part's
     * autocovariances from its partial autocorrelations (the Durbin-Levinson recursion run down,
     * then up: gamma(k) = sum_j a_{k,j} gamma(k-j)), then filtered by the MA polynomial,
     * gamma(h) = sum_j c_j gamma_AR(h - j) with c_j = sum_i theta_i theta_{i+|j|} (Brockwell & Davis
     * §3.3). Needs a stationary AR part (the ML objective only builds such).
     */
    static double[] autocovariances(double[] phi, double[] theta, int r) {
        int p = phi.length, q = theta.length;
        int len = r + 2 + q;
        double[] gar = arAutocovariances(phi, len);
        double[] c = new double[q + 1];
        for (int j = 0; j <= q; j++) {
            double s = 0;
            for (int i = 0; i + j <= q; i++) s += (i == 0 ? 1.0 : theta[i - 1]) * (i + j == 0 ? 1.0 : theta[i + j - 1]);
            c[j] = s;
        }
        double[] gamma = new double[Math.max(r + 2, p + 1)];
        for (int h = 0; h < gamma.length; h++) {
            double s = c[0] * gar[h];
            for (int j = 1; j <= q; j++) s += c[j] * (gar[Math.abs(h - j)] + gar[h + j]);
            gamma[h] = s;
        }
        return gamma;
    }

    /** gamma(0..len) of the AR(p) process x_t = sum phi_i x_{t-i} + e_t, Var e = 1. */
    static double[] arAutocovariances(double[] phi, int len) {
        int p = phi.length;
        double[] gamma = new double[Math.max(len, p) + 1];
        if (p == 0) {
            gamma[0] = 1;
            return gamma;
        }
        // a[k] = coefficients of the order-k predictor, k = p down to 1
        double[][] a = new double[p + 1][];
        a[p] = phi.clone();
        double g0 = 1;
        for (int k = p; k >= 1; k--) {
            double kk = a[k][k - 1];
            double den = 1 - kk * kk;
            g0 /= den;
            double[] prev = new double[k - 1];
            for (int j = 0; j < k - 1; j++) prev[j] = (a[k][j] + kk * a[k][k - 2 - j]) / den;
            a[k - 1] = prev;
        }
        gamma[0] = g0;
        for (int k = 1; k <= p; k++) {
            double s = 0;
            for (int j = 1; j <= k; j++) s += a[k][j - 1] * gamma[k - j];
            gamma[k] = s;
        }
        for (int k = p + 1; k < gamma.length; k++) {
            double s = 0;
            for (int j = 1; j <= p; j++) s += phi[j - 1] * gamma[k - j];
            gamma[k] = s;
        }
        return gamma;
    }
}
