package keel.forecast.ets;

/** Small least-squares helpers for ETS starting values. */
final class Regression {
    private Regression() {}

    /**
     * Coefficients of y on (1, t, sin(2πt/m), cos(2πt/m)), t = 1..n, as R's
     * {@code tslm(y ~ trend + fourier(y, 1))} in {@code initstate} for series shorter than 3m (the
     * sine column is dropped for m = 2, where it is zero). NaN observations are left out.
     */
    static double[] trendAndFourier(double[] y, int m) {
        int p = m == 2 ? 3 : 4;
        double[][] xtx = new double[p][p];
        double[] xty = new double[p];
        double[] row = new double[p];
        for (int t = 0; t < y.length; t++) {
            if (Double.isNaN(y[t])) continue;
            double time = t + 1;
            double angle = 2 * Math.PI * time / m;
            row[0] = 1;
            row[1] = time;
            if (p == 4) {
                row[2] = Math.sin(angle);
                row[3] = Math.cos(angle);
            } else {
                row[2] = Math.cos(angle);
            }
            for (int i = 0; i < p; i++) {
                xty[i] += row[i] * y[t];
                for (int j = 0; j < p; j++) xtx[i][j] += row[i] * row[j];
            }
        }
        return solve(xtx, xty);
    }

    /** Gaussian elimination with partial pivoting; a and b are overwritten. */
    static double[] solve(double[][] a, double[] b) {
        int p = b.length;
        for (int c = 0; c < p; c++) {
            int pivot = c;
            for (int r = c + 1; r < p; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
            double[] tmp = a[c];
            a[c] = a[pivot];
            a[pivot] = tmp;
            double tb = b[c];
            b[c] = b[pivot];
            b[pivot] = tb;
            for (int r = c + 1; r < p; r++) {
                double factor = a[r][c] / a[c][c];
                for (int k = c; k < p; k++) a[r][k] -= factor * a[c][k];
                b[r] -= factor * b[c];
            }
        }
        double[] x = new double[p];
        for (int r = p - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < p; k++) s -= a[r][k] * x[k];
            x[r] = s / a[r][r];
        }
        return x;
    }
}
