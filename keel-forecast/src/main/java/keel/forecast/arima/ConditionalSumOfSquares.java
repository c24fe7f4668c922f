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

    /** {@link #difference} in place: same operations in the same order, no copy. */
    static void differenceInPlace(double[] w, int d, int seasonalD, int period) {
        int n = w.length;
        for (int i = 0; i < d; i++) {
            for (int l = n - 1; l > 0; l--) w[l] -= w[l - 1];
        }
        for (int i = 0; i < seasonalD; i++) {
            for (int l = n - 1; l >= period; l--) w[l] -= w[l - period];
        }
    }

    /**
     * The residuals in two steps that give each residual exactly R's operations in R's order:
     * {@link #autoregressive} (e_t = w_t, then minus phi*_i w_{t-i} one AR lag at a time over all
     * t), then {@link #movingAverageMeanSquare} (minus theta*_j e_{t-j} in the sequential MA
     * recursion, squares summed in time order alongside). Callers that evaluate many MA
     * coefficients at one AR polynomial can keep the first step's output.
     *
     * @param w the differenced series from {@link #difference}
     * @param resid receives the residuals when not null (zeros before ncond); must not be w
     * @return sum of squares / number of non-missing residuals
     */
    static double meanSquare(double[] w, double[] phi, double[] theta, int ncond, double[] resid) {
        double[] e = resid != null ? resid : new double[w.length];
        if (e == w) throw new IllegalArgumentException("residuals must not overwrite the series");
        autoregressive(w, phi, ncond, e);
        return movingAverageMeanSquare(e, theta, ncond, e);
    }

    /**
     * The first step of {@link #meanSquare}: u_t = w_t minus the AR terms for t >= ncond, one lag
     * at a time over all t (same operations per u_t as R's loop); u is 0 before ncond.
     */
    static void autoregressive(double[] w, double[] phi, int ncond, double[] u) {
        int n = w.length;
        // seasonal products are mostly zeros: loop over the non-zero lags only (same sums, same order)
        int[] pl = nonZeroLags(phi);
        int from = Math.min(ncond, n);
        java.util.Arrays.fill(u, 0, from, 0.0);
        System.arraycopy(w, from, u, from, n - from);
        for (int k = 0; k < pl.length; k++) {
            double c = phi[pl[k]];
            int lag = pl[k] + 1;
            for (int l = from; l < n; l++) u[l] -= c * w[l - lag];
        }
    }

    /**
     * The second step of {@link #meanSquare}: the MA recursion from u (the AR step's output) into
     * the residuals e (u itself, or another array; u is then left as it was), and their mean square.
     */
    static double movingAverageMeanSquare(double[] u, double[] theta, int ncond, double[] e) {
        int n = u.length;
        int[] ql = nonZeroLags(theta);
        int from = Math.min(ncond, n);
        if (e != u) {
            java.util.Arrays.fill(e, 0, from, 0.0);
            if (ql.length == 0) System.arraycopy(u, from, e, from, n - from);
        }
        double ssq = 0;
        if (ql.length > 0) {
            ssq = movingAverage(u, e, theta, ql, ncond);
        } else {
            for (int l = from; l < n; l++) ssq += e[l] * e[l];
        }
        if (ssq == ssq) return ssq / (n - from);
        // some residual is NaN (missing values): R leaves those out of the sum and the count
        ssq = 0;
        int nu = 0;
        for (int l = from; l < n; l++) {
            if (e[l] == e[l]) {
                nu++;
                ssq += e[l] * e[l];
            }
        }
        return ssq / nu;
    }

    /**
     * e_t -= sum theta*_j e_{t-j} over the non-zero lags j, pre-sample (t - j < ncond) errors 0;
     * returns the sum of squared residuals from ncond on, added in time order alongside the
     * recursion (the additions overlap its latency).
     */
    private static double movingAverage(double[] u, double[] e, double[] theta, int[] ql, int ncond) {
        int n = e.length, nq = ql.length;
        double[] qc = new double[nq];
        for (int k = 0; k < nq; k++) qc[k] = theta[ql[k]];
        double ssq = 0;
        // while l - ncond <= the largest MA lag, only the MA terms with j < l - ncond apply
        int full = Math.min(n, ncond + ql[nq - 1] + 1);
        for (int l = ncond; l < full; l++) {
            double tmp = u[l];
            int jmax = l - ncond;
            for (int k = 0; k < nq && ql[k] < jmax; k++) tmp -= qc[k] * e[l - ql[k] - 1];
            e[l] = tmp;
            ssq += tmp * tmp;
        }
        int start = Math.max(full, ncond);
        if (ql[nq - 1] == nq - 1 && start < n) return denseMovingAverage(u, e, qc, start, ssq);
        for (int l = start; l < n; l++) {
            double tmp = u[l];
            for (int k = 0; k < nq; k++) tmp -= qc[k] * e[l - ql[k] - 1];
            e[l] = tmp;
            ssq += tmp * tmp;
        }
        return ssq;
    }

    /**
     * The MA recursion from {@code start} when the lags are 1..q (non-seasonal models), with the
     * last q residuals kept in locals instead of re-read from memory; terms in the same order as
     * the general loop, so the same rounding. Returns {@code ssq} plus the squares from start on.
     */
    private static double denseMovingAverage(double[] u, double[] e, double[] c, int start, double ssq) {
        int n = e.length;
        switch (c.length) {
            case 1 -> {
                double c0 = c[0], e1 = e[start - 1];
                for (int l = start; l < n; l++) {
                    e[l] = e1 = u[l] - c0 * e1;
                    ssq += e1 * e1;
                }
            }
            case 2 -> {
                double c0 = c[0], c1 = c[1], e1 = e[start - 1], e2 = e[start - 2];
                for (int l = start; l < n; l++) {
                    double v = u[l] - c0 * e1 - c1 * e2;
                    e[l] = v;
                    ssq += v * v;
                    e2 = e1;
                    e1 = v;
                }
            }
            case 3 -> {
                double c0 = c[0], c1 = c[1], c2 = c[2];
                double e1 = e[start - 1], e2 = e[start - 2], e3 = e[start - 3];
                for (int l = start; l < n; l++) {
                    double v = u[l] - c0 * e1 - c1 * e2 - c2 * e3;
                    e[l] = v;
                    ssq += v * v;
                    e3 = e2;
                    e2 = e1;
                    e1 = v;
                }
            }
            case 4 -> {
                double c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3];
                double e1 = e[start - 1], e2 = e[start - 2], e3 = e[start - 3], e4 = e[start - 4];
                for (int l = start; l < n; l++) {
                    double v = u[l] - c0 * e1 - c1 * e2 - c2 * e3 - c3 * e4;
                    e[l] = v;
                    ssq += v * v;
                    e4 = e3;
                    e3 = e2;
                    e2 = e1;
                    e1 = v;
                }
            }
            default -> {
                int q = c.length;
                for (int l = start; l < n; l++) {
                    double tmp = u[l];
                    for (int k = 0; k < q; k++) tmp -= c[k] * e[l - k - 1];
                    e[l] = tmp;
                    ssq += tmp * tmp;
                }
            }
        }
        return ssq;
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
