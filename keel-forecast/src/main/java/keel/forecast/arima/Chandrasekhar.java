package keel.forecast.arima;

/**
 * Exact Gaussian likelihood of a stationary ARMA series (no missing values) by the Chandrasekhar
 * recursions (Morf, Sidhu & Kailath 1974; Herbst 2015, J. Economic Dynamics & Control 55): for a
 * time-invariant state space started at its stationary covariance Q0, P_{t+1} - P_t has rank one,
 * so the predicted covariance never needs to be formed. With K = T P Z' and F = Z P Z':
 *
 * <pre>
 *   start  W = K_1, M = -1/F_1                       (P_2 - P_1 = -K_1 K_1' / F_1)
 *   step   a <- T a + K v / F
 *          K' = K + T W M (Z W);  F' = F + M (Z W)^2
 *          W' = T W - K' (Z W) / F';  M' = M + M^2 (Z W)^2 / F
 * </pre>
 *
 * O(r) per observation instead of O(r^2) for R's filter; same quantities up to rounding.
 */
final class Chandrasekhar {
    private static final double TINY = 0x1p-900;
    private static final double BIG = 0x1p100;

    private Chandrasekhar() {}

    /** Returns {ssq, sumlog, nu} as R's ARIMA_Like would for the ARMA model on w. */
    static double[] likelihood(double[] phi, double[] theta, double[] w) {
        int p = phi.length;
        int r = Math.max(p, theta.length + 1);
        double[] th = java.util.Arrays.copyOf(theta, Math.max(theta.length, r - 1));
        double[] q0 = r > 1 ? StationaryCovariance.q0(phi, th)
                : new double[] {p > 0 ? 1 / (1 - phi[0] * phi[0]) : 1};
        int[] lags = ConditionalSumOfSquares.nonZeroLags(phi);
        double[] coef = new double[lags.length];
        for (int i = 0; i < lags.length; i++) coef[i] = phi[lags[i]];
        double[] k = new double[r];
        double[] col = new double[r];
        for (int i = 0; i < r; i++) col[i] = q0[i * r];
        times(lags, coef, col, k, r);
        double f = q0[0];
        double[] wv = k.clone();
        double mm = -1 / f;
        double[] a = new double[r];
        double[] tmp = new double[r];
        double ssq = 0, sumlog = 0;
        double logOf = Double.NaN, logF = Double.NaN;
        double maxCoef = 0;
        for (double c : coef) maxCoef = Math.max(maxCoef, Math.abs(c));
        boolean settled = false;
        int nu = 0;
        int n = w.length;
        for (int t = 0; t < n; t++) {
            double v = w[t] - a[0];
            if (f < 1e4) {
                nu++;
                ssq += v * v / f;
                // F settles to its steady state within a few dozen steps: reuse the logarithm then
                if (f != logOf) {
                    logOf = f;
                    logF = Math.log(f);
                }
                sumlog += logF;
            }
            double g = v / f;
            times(lags, coef, a, tmp, r);
            for (int i = 0; i < r; i++) a[i] = tmp[i] + k[i] * g;
            if (t == n - 1) break;
            if (settled) continue;
            double zw = wv[0];
            times(lags, coef, wv, tmp, r);
            double c = mm * zw;
            for (int i = 0; i < r; i++) k[i] += tmp[i] * c;
            double fOld = f;
            f = f + mm * zw * zw;
            double kf = zw / f;
            for (int i = 0; i < r; i++) wv[i] = tmp[i] - k[i] * kf;
            mm = mm + mm * mm * zw * zw / fOld;
            settled = Math.abs(wv[0]) < TINY && settled(wv, mm, maxCoef);
        }
        return new double[] {ssq, sumlog, nu};
    }

    /**
     * Whether W has decayed so far that the updates of K, F and M round to exactly zero: every
     * |W_i| below 2^-900 with |M| and the AR coefficients below 2^100 makes every product in them
     * smaller than 2^-1500, which underflows to 0. W then only decays further into subnormal numbers
     * (slow on x86: hundreds of cycles an operation), so the recursion stops updating it, K, F and
     * M. Results are the same bits: the skipped updates added zeros.
     */
    private static boolean settled(double[] wv, double mm, double maxCoef) {
        if (!(Math.abs(mm) < BIG && maxCoef < BIG)) return false;
        for (double v : wv) if (!(Math.abs(v) < TINY)) return false;
        return true;
    }

    /** out = T v for the Harvey-form transition: (T v)_i = phi_i v_0 + v_{i+1}; phi given by its non-zero lags. */
    private static void times(int[] lags, double[] coef, double[] v, double[] out, int r) {
        double v0 = v[0];
        if (r <= 8) {
            for (int i = 0; i < r - 1; i++) out[i] = v[i + 1]; // small r: a loop beats the arraycopy call
        } else {
            System.arraycopy(v, 1, out, 0, r - 1);
        }
        out[r - 1] = 0;
        for (int i = 0; i < lags.length; i++) out[lags[i]] += coef[i] * v0;
    }
}
