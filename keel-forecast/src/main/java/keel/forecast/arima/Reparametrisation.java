package keel.forecast.arima;

/**
 * Maps between the optimiser's unconstrained AR parameters and stationary AR coefficients (Jones
 * 1980: tanh to partial autocorrelations, then Durbin-Levinson), and expands multiplicative seasonal
 * polynomials. Transcribed from R {@code src/library/stats/src/arima.c} ({@code partrans},
 * {@code invpartrans}, {@code ArimaTransPars}, {@code ARIMA_Gradtrans}).
 *
 * <p>Parameter layout everywhere: ar[p], ma[q], sar[P], sma[Q], then regression coefficients.
 */
final class Reparametrisation {
    private Reparametrisation() {}

    static void partrans(int p, double[] raw, int from, double[] out, int to) {
        double[] work = new double[p];
        for (int j = 0; j < p; j++) work[j] = out[to + j] = Math.tanh(raw[from + j]);
        for (int j = 1; j < p; j++) {
            double a = out[to + j];
            for (int k = 0; k < j; k++) work[k] -= a * out[to + j - k - 1];
            for (int k = 0; k < j; k++) out[to + k] = work[k];
        }
    }

    static void invpartrans(int p, double[] phi, int from, double[] out, int to) {
        double[] nw = new double[p];
        double[] work = new double[p];
        for (int j = 0; j < p; j++) work[j] = nw[j] = phi[from + j];
        for (int j = p - 1; j > 0; j--) {
            double a = nw[j];
            for (int k = 0; k < j; k++) work[k] = (nw[k] + a * nw[j - k - 1]) / (1 - a * a);
            for (int k = 0; k < j; k++) nw[k] = work[k];
        }
        for (int j = 0; j < p; j++) out[to + j] = atanh(nw[j]);
    }

    static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    /** Returns a copy of {@code par} with both AR blocks mapped through {@link #partrans}. */
    static double[] transform(double[] par, ArimaOrder o) {
        double[] out = par.clone();
        if (o.p() > 0) partrans(o.p(), par, 0, out, 0);
        int v = o.p() + o.q();
        if (o.seasonalP() > 0) partrans(o.seasonalP(), par, v, out, v);
        return out;
    }

    /** Inverse of {@link #transform}. */
    static double[] untransform(double[] par, ArimaOrder o) {
        double[] out = par.clone();
        if (o.p() > 0) invpartrans(o.p(), par, 0, out, 0);
        int v = o.p() + o.q();
        if (o.seasonalP() > 0) invpartrans(o.seasonalP(), par, v, out, v);
        return out;
    }

    /** Numerical Jacobian A[i][j] = d transform_j / d raw_i with step 1e-3 (R ARIMA_Gradtrans). */
    static double[][] gradtrans(double[] raw, ArimaOrder o) {
        int n = raw.length;
        double eps = 1e-3;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) a[i][i] = 1;
        block(raw, o.p(), 0, a, eps);
        block(raw, o.seasonalP(), o.p() + o.q(), a, eps);
        return a;
    }

    private static void block(double[] raw, int mp, int off, double[][] a, double eps) {
        if (mp == 0) return;
        double[] w1 = new double[mp];
        double[] w2 = new double[mp];
        double[] w3 = new double[mp];
        System.arraycopy(raw, off, w1, 0, mp);
        partrans(mp, w1, 0, w2, 0);
        for (int i = 0; i < mp; i++) {
            w1[i] += eps;
            partrans(mp, w1, 0, w3, 0);
            for (int j = 0; j < mp; j++) a[off + i][off + j] = (w3[j] - w2[j]) / eps;
            w1[i] -= eps;
        }
    }

    /** Full AR polynomial coefficients phi* of phi(B) Phi(B^m), length p + mP (sign: x_t = sum phi_i x_{t-i}). */
    static double[] expandAr(double[] par, ArimaOrder o) {
        int mp = o.p(), msp = o.seasonalP(), ns = o.period();
        double[] phi = new double[mp + ns * msp];
        for (int i = 0; i < mp; i++) phi[i] = par[i];
        int off = mp + o.q();
        for (int j = 0; j < msp; j++) {
            phi[(j + 1) * ns - 1] += par[off + j];
            for (int i = 0; i < mp; i++) phi[(j + 1) * ns + i] -= par[i] * par[off + j];
        }
        return phi;
    }

    /** Full MA polynomial coefficients theta* of theta(B) Theta(B^m), length q + mQ. */
    static double[] expandMa(double[] par, ArimaOrder o) {
        int mp = o.p(), mq = o.q(), msp = o.seasonalP(), msq = o.seasonalQ(), ns = o.period();
        double[] theta = new double[mq + ns * msq];
        for (int i = 0; i < mq; i++) theta[i] = par[mp + i];
        int off = mp + mq + msp;
        for (int j = 0; j < msq; j++) {
            theta[(j + 1) * ns - 1] += par[off + j];
            for (int i = 0; i < mq; i++) theta[(j + 1) * ns + i] += par[mp + i] * par[off + j];
        }
        return theta;
    }

    /** Coefficients of (1-B)^d (1-B^m)^D as Delta with x_t = sum Delta_i x_{t-i} + w_t (R arima's Delta). */
    static double[] delta(ArimaOrder o) {
        double[] poly = {1};
        for (int i = 0; i < o.d(); i++) poly = multiply(poly, new double[] {1, -1});
        for (int i = 0; i < o.seasonalD(); i++) {
            double[] s = new double[o.period() + 1];
            s[0] = 1;
            s[o.period()] = -1;
            poly = multiply(poly, s);
        }
        double[] delta = new double[poly.length - 1];
        for (int i = 0; i < delta.length; i++) delta[i] = -poly[i + 1];
        return delta;
    }

    static double[] multiply(double[] a, double[] b) {
        double[] c = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) c[i + j] += a[i] * b[j];
        }
        return c;
    }
}
