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

    /** gamma(0..r+1) of the ARMA process with unit innovation variance (Brockwell & Davis §3.3). */
    static double[] autocovariances(double[] phi, double[] theta, int r) {
        int p = phi.length, q = theta.length;
        int kmax = Math.max(p, q + 1);
        double[] psi = new double[q + 1];
        psi[0] = 1;
        for (int j = 1; j <= q; j++) {
            double s = theta[j - 1];
            for (int i = 1; i <= Math.min(j, p); i++) s += phi[i - 1] * psi[j - i];
            psi[j] = s;
        }
        double[] c = new double[Math.max(kmax, r + 2) + 1];
        for (int k = 0; k <= q; k++) {
            double s = 0;
            for (int j = k; j <= q; j++) s += (j == 0 ? 1.0 : theta[j - 1]) * psi[j - k];
            c[k] = s;
        }
        // gamma(k) - sum_i phi_i gamma(|k-i|) = c_k, k = 0..p: solve for gamma(0..p)
        int m = p + 1;
        double[] a = new double[m * m];
        double[] b = new double[m];
        for (int k = 0; k <= p; k++) {
            a[k * m + k] += 1;
            for (int i = 1; i <= p; i++) a[k * m + Math.abs(k - i)] -= phi[i - 1];
            b[k] = c[k];
        }
        double[] g0 = Linear.solve(a, b, m);
        double[] gamma = new double[Math.max(r + 2, m)];
        System.arraycopy(g0, 0, gamma, 0, Math.min(m, gamma.length));
        for (int k = m; k < gamma.length; k++) {
            double s = c[k];
            for (int i = 1; i <= p; i++) s += phi[i - 1] * gamma[k - i];
            gamma[k] = s;
        }
        return gamma;
    }
}
