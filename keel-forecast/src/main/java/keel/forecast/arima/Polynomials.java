package keel.forecast.arima;

/**
 * Roots of short real polynomials and the two uses ARIMA makes of them: the stationarity check of an
 * AR part and the inversion of a non-invertible MA part (R {@code stats:::maInvert}).
 *
 * <p>Roots come from the Durand-Kerner (Weierstrass) iteration, adequate for the degrees used here
 * (at most 5 per factor: seasonal factors are checked in B^m, whose roots have modulus
 * |root|^(1/m)).
 */
final class Polynomials {
    private Polynomials() {}

    /**
     * Complex roots of c[0] + c[1] z + ... + c[k] z^k where c[k] is the last non-zero coefficient.
     *
     * @return {re[], im[]} of length k; empty arrays when the polynomial is constant
     */
    static double[][] roots(double[] c) {
        int k = c.length - 1;
        while (k > 0 && c[k] == 0.0) k--;
        double[] re = new double[k];
        double[] im = new double[k];
        if (k == 0) return new double[][] {re, im};
        if (k == 1) {
            re[0] = -c[0] / c[1];
            return new double[][] {re, im};
        }
        double[] a = new double[k + 1];
        for (int i = 0; i <= k; i++) a[i] = c[i] / c[k];
        double radius = 0;
        for (int i = 0; i < k; i++) radius = Math.max(radius, Math.abs(a[i]));
        radius = Math.max(1.0, Math.pow(radius, 1.0 / k));
        for (int i = 0; i < k; i++) {
            double ang = 2 * Math.PI * i / k + 0.4;
            re[i] = 0.9 * radius * Math.cos(ang);
            im[i] = 0.9 * radius * Math.sin(ang);
        }
        for (int iter = 0; iter < 1000; iter++) {
            double change = 0;
            for (int i = 0; i < k; i++) {
                // p(z_i) by Horner
                double pr = 1, pi = 0;
                for (int j = k - 1; j >= 0; j--) {
                    double nr = pr * re[i] - pi * im[i] + a[j];
                    double ni = pr * im[i] + pi * re[i];
                    pr = nr;
                    pi = ni;
                }
                double dr = 1, di = 0;
                for (int j = 0; j < k; j++) {
                    if (j == i) continue;
                    double xr = re[i] - re[j], xi = im[i] - im[j];
                    double nr = dr * xr - di * xi;
                    double ni = dr * xi + di * xr;
                    dr = nr;
                    di = ni;
                }
                double den = dr * dr + di * di;
                if (den == 0) {
                    dr = 1e-12;
                    den = 1e-24;
                }
                double qr = (pr * dr + pi * di) / den;
                double qi = (pi * dr - pr * di) / den;
                re[i] -= qr;
                im[i] -= qi;
                change = Math.max(change, Math.hypot(qr, qi) / Math.max(1.0, Math.hypot(re[i], im[i])));
            }
            if (change < 1e-15) break;
        }
        return new double[][] {re, im};
    }

    /** Smallest root modulus of c[0] + c[1] z + ... ; +Infinity for a constant polynomial. */
    static double minRootModulus(double[] c) {
        double[][] r = roots(c);
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < r[0].length; i++) min = Math.min(min, Math.hypot(r[0][i], r[1][i]));
        return min;
    }

    /** R {@code arCheck}: all roots of 1 - ar_1 z - ... - ar_p z^p lie strictly outside the unit circle. */
    static boolean isStationary(double[] ar, int from, int p) {
        double[] c = new double[p + 1];
        c[0] = 1;
        for (int i = 0; i < p; i++) c[i + 1] = -ar[from + i];
        return minRootModulus(c) > 1;
    }

    /**
     * R {@code maInvert}: reflects the roots of 1 + ma_1 z + ... + ma_q z^q that lie inside the unit
     * circle to their reciprocals, in place on {@code ma[from..from+q)}.
     */
    static void invertMa(double[] ma, int from, int q) {
        int q0 = q;
        while (q0 > 0 && ma[from + q0 - 1] == 0.0) q0--;
        if (q0 == 0) return;
        double[] c = new double[q0 + 1];
        c[0] = 1;
        for (int i = 0; i < q0; i++) c[i + 1] = ma[from + i];
        double[][] r = roots(c);
        boolean any = false;
        for (int i = 0; i < q0; i++) any |= Math.hypot(r[0][i], r[1][i]) < 1;
        if (!any) return;
        if (q0 == 1) {
            ma[from] = 1 / ma[from];
            return;
        }
        for (int i = 0; i < q0; i++) {
            double mod2 = r[0][i] * r[0][i] + r[1][i] * r[1][i];
            if (Math.sqrt(mod2) < 1) {
                r[0][i] = r[0][i] / mod2;
                r[1][i] = -r[1][i] / mod2;
            }
        }
        // x <- c(x, 0) - c(0, x) / root, for every root, starting from x = 1
        double[] xr = new double[q0 + 1];
        double[] xi = new double[q0 + 1];
        xr[0] = 1;
        for (int k = 0; k < q0; k++) {
            double mod2 = r[0][k] * r[0][k] + r[1][k] * r[1][k];
            double ir = r[0][k] / mod2, ii = -r[1][k] / mod2; // 1/root
            for (int j = k + 1; j >= 1; j--) {
                double sr = xr[j - 1] * ir - xi[j - 1] * ii;
                double si = xr[j - 1] * ii + xi[j - 1] * ir;
                xr[j] -= sr;
                xi[j] -= si;
            }
        }
        for (int i = 0; i < q0; i++) ma[from + i] = xr[i + 1];
    }
}
