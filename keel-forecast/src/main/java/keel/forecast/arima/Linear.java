package keel.forecast.arima;

/** Small dense linear algebra: Gaussian elimination with partial pivoting on row-major arrays. */
final class Linear {
    private Linear() {}

    /** Solves A x = b for a copy of A (m x m); returns null when A is singular to working precision. */
    static double[] solve(double[] a0, double[] b0, int m) {
        double[][] x = solveMany(a0, new double[][] {b0.clone()}, m);
        return x == null ? null : x[0];
    }

    /**
     * Solves A X = B for every right-hand side column b in {@code rhs}. Singular means a zero pivot or a
     * pivot ratio below machine epsilon (a crude stand-in for LAPACK's reciprocal condition check,
     * which R's {@code solve} applies).
     */
    static double[][] solveMany(double[] a0, double[][] rhs, int m) {
        double[] a = a0.clone();
        double[][] b = new double[rhs.length][];
        for (int k = 0; k < rhs.length; k++) b[k] = rhs[k].clone();
        double maxPivot = 0, minPivot = Double.POSITIVE_INFINITY;
        for (int col = 0; col < m; col++) {
            int piv = col;
            for (int i = col + 1; i < m; i++) {
                if (Math.abs(a[i * m + col]) > Math.abs(a[piv * m + col])) piv = i;
            }
            double pv = a[piv * m + col];
            if (pv == 0.0 || Double.isNaN(pv)) return null;
            maxPivot = Math.max(maxPivot, Math.abs(pv));
            minPivot = Math.min(minPivot, Math.abs(pv));
            if (piv != col) {
                for (int j = 0; j < m; j++) {
                    double t = a[col * m + j];
                    a[col * m + j] = a[piv * m + j];
                    a[piv * m + j] = t;
                }
                for (double[] bk : b) {
                    double t = bk[col];
                    bk[col] = bk[piv];
                    bk[piv] = t;
                }
            }
            for (int i = col + 1; i < m; i++) {
                double f = a[i * m + col] / pv;
                if (f == 0.0) continue;
                for (int j = col; j < m; j++) a[i * m + j] -= f * a[col * m + j];
                for (double[] bk : b) bk[i] -= f * bk[col];
            }
        }
        if (minPivot < maxPivot * 2.220446e-16) return null;
        for (double[] bk : b) {
            for (int i = m - 1; i >= 0; i--) {
                double s = bk[i];
                for (int j = i + 1; j < m; j++) s -= a[i * m + j] * bk[j];
                bk[i] = s / a[i * m + i];
            }
        }
        return b;
    }
}
