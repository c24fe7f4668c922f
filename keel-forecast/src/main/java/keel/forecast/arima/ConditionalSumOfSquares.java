package keel.forecast.arima;

/**
 * The conditional sum of squares of an ARIMA model (R {@code ARIMA_CSS} in
 * {@code stats/src/arima.c}): difference the series, then e_t = w_t - sum phi*_i w_{t-i} - sum
 * theta*_j e_{t-j} for t >= ncond with pre-sample errors 0. Missing values propagate as NaN and are
 * not counted.
 */
final class ConditionalSumOfSquares {
    private ConditionalSumOfSquares() {}

    /** Differences x by (1-B)^d (1-B^m)^D in place order R uses; leading values keep their raw form. */
    static double[] difference(double[] y, int d, int seasonalD, int period) {
        int n = y.length;
        double[] w = y.clone();
        for (int i = 0; i < d; i++) {
            for (int l = n - 1; l > 0; l--) w[l] -= w[l - 1];
        }
        for (int i = 0; i < seasonalD; i++) {
            for (int l = n - 1; l >= period; l--) w[l] -= w[l - period];
        }
        return w;
    }

    /**
     * @param w the differenced series from {@link #difference}
     * @param resid receives the residuals when not null (zeros before ncond)
     * @return sum of squares / number of non-missing residuals
     */
    static double meanSquare(double[] w, double[] phi, double[] theta, int ncond, double[] resid) {
        int n = w.length;
        // seasonal products are mostly zeros: loop over the non-zero lags only (same sums, same order)
        int[] pl = nonZeroLags(phi);
        int[] ql = nonZeroLags(theta);
        int np = pl.length, nq = ql.length;
        double[] pc = new double[np];
        for (int k = 0; k < np; k++) pc[k] = phi[pl[k]];
        double[] qc = new double[nq];
        for (int k = 0; k < nq; k++) qc[k] = theta[ql[k]];
        double[] e = resid != null ? resid : new double[n];
        double ssq = 0;
        int nu = 0;
        for (int l = 0; l < ncond && l < n; l++) e[l] = 0;
        // while l - ncond <= the largest MA lag, only the MA terms with j < l - ncond apply
        int full = Math.min(n, ncond + (nq == 0 ? 0 : ql[nq - 1] + 1));
        for (int l = ncond; l < full; l++) {
            double tmp = w[l];
            for (int k = 0; k < np; k++) tmp -= pc[k] * w[l - pl[k] - 1];
            int jmax = l - ncond;
            for (int k = 0; k < nq && ql[k] < jmax; k++) tmp -= qc[k] * e[l - ql[k] - 1];
            e[l] = tmp;
            if (!Double.isNaN(tmp)) {
                nu++;
                ssq += tmp * tmp;
            }
        }
        for (int l = Math.max(full, ncond); l < n; l++) {
            double tmp = w[l];
            for (int k = 0; k < np; k++) tmp -= pc[k] * w[l - pl[k] - 1];
            for (int k = 0; k < nq; k++) tmp -= qc[k] * e[l - ql[k] - 1];
            e[l] = tmp;
            if (tmp == tmp) {
                nu++;
                ssq += tmp * tmp;
            }
        }
        return ssq / nu;
    }

    static int[] nonZeroLags(double[] c) {
        int k = 0;
        for (double v : c) if (v != 0.0) k++;
        int[] lags = new int[k];
        k = 0;
        for (int j = 0; j < c.length; j++) if (c[j] != 0.0) lags[k++] = j;
        return lags;
    }
}
