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
        int n = w.length, p = phi.length, q = theta.length;
        double[] e = resid != null ? resid : new double[n];
        double ssq = 0;
        int nu = 0;
        for (int l = 0; l < ncond && l < n; l++) e[l] = 0;
        for (int l = ncond; l < n; l++) {
            double tmp = w[l];
            for (int j = 0; j < p; j++) tmp -= phi[j] * w[l - j - 1];
            int jmax = Math.min(l - ncond, q);
            for (int j = 0; j < jmax; j++) tmp -= theta[j] * e[l - j - 1];
            e[l] = tmp;
            if (!Double.isNaN(tmp)) {
                nu++;
                ssq += tmp * tmp;
            }
        }
        return ssq / nu;
    }
}
