package keel.forecast.ets;

/**
 * Forecast means and variances of the class-3 models ETS(M,N,M), ETS(M,A,M), ETS(M,Ad,M) as R's
 * {@code forecast.ets} computes them ({@code class3} in {@code R/etsforecast.R}; HKOS 2008 ch. 6.4):
 * the mean matrix M_h of (level, trend) × season and the covariance V_h of vec(M_h) are propagated
 * with Kronecker products. Like R, the damped case uses the transition [[1, 1], [0, φ]] and the
 * observation (1, 1), so R's first-step mean is (ℓ + b)·s rather than (ℓ + φb)·s; Keel keeps R's
 * numbers. Cost O(h·(km)³) with km ≤ 2m, only paid when quantiles are asked for.
 */
final class Class3Moments {
    private Class3Moments() {}

    /** Row 0: means μ_1..μ_h; row 1: variances (or null when {@code withVariance} is false). */
    static double[][] compute(EtsFit fit, int h, boolean withVariance) {
        int m = fit.period();
        boolean trended = fit.spec().trended();
        int k = trended ? 2 : 1;
        double sigma2 = fit.sigma2();
        double[][] f1 = trended ? new double[][] {{1, 1}, {0, fit.phi()}} : new double[][] {{1}};
        double[][] g1 = trended ? new double[][] {{fit.alpha(), fit.alpha()}, {fit.beta(), fit.beta()}}
                : new double[][] {{fit.alpha()}};
        double[][] f2 = new double[m][m];
        f2[0][m - 1] = 1;
        for (int i = 1; i < m; i++) f2[i][i - 1] = 1;
        double[][] g2 = new double[m][m];
        g2[0][m - 1] = fit.gamma();
        double[] levelTrend = trended ? new double[] {fit.finalLevel(), fit.finalSlope()} : new double[] {fit.finalLevel()};
        double[] season = fit.finalSeason();
        double[][] mh = new double[k][m];
        for (int i = 0; i < k; i++) for (int j = 0; j < m; j++) mh[i][j] = levelTrend[i] * season[j];
        int d = k * m;
        double[][] f21 = withVariance ? kron(f2, f1) : null;
        double[][] g21 = withVariance ? kron(g2, g1) : null;
        double[][] kk = withVariance ? add(kron(g2, f1), kron(f2, g1)) : null;
        double[][] vh = new double[d][d];
        double[] mu = new double[h];
        double[] var = withVariance ? new double[h] : null;
        for (int step = 0; step < h; step++) {
            // H1 Mh H2': sum over the (level, trend) rows of the oldest-season column
            double mean = 0;
            for (int i = 0; i < k; i++) mean += mh[i][m - 1];
            mu[step] = mean;
            if (withVariance) {
                // H21 = H2 ⊗ H1 picks vec entries (m-1)*k + i, i < k
                double q = 0;
                int base = (m - 1) * k;
                for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) q += vh[base + a][base + b];
                var[step] = (1 + sigma2) * q + sigma2 * mean * mean;
                double[] vec = new double[d];
                for (int j = 0; j < m; j++) for (int i = 0; i < k; i++) vec[j * k + i] = mh[i][j];
                double[][] outer = new double[d][d];
                for (int a = 0; a < d; a++) for (int b = 0; b < d; b++) outer[a][b] = vec[a] * vec[b];
                double[][] fvf = mulT(mul(f21, vh), f21);
                double[][] fvg = mulT(mul(f21, vh), g21);
                double[][] gvf = mulT(mul(g21, vh), f21);
                double[][] kvk = mulT(mul(kk, add(vh, outer)), kk);
                double[][] inner = new double[d][d];
                for (int a = 0; a < d; a++) for (int b = 0; b < d; b++) inner[a][b] = 3 * vh[a][b] + 2 * outer[a][b];
                double[][] gig = mulT(mul(g21, inner), g21);
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        vh[a][b] = fvf[a][b] + sigma2 * (fvg[a][b] + gvf[a][b] + kvk[a][b] + sigma2 * gig[a][b]);
                    }
                }
            }
            double[][] next = mulT(mul(f1, mh), f2);
            double[][] extra = mulT(mul(g1, mh), g2);
            for (int i = 0; i < k; i++) for (int j = 0; j < m; j++) next[i][j] += extra[i][j] * sigma2;
            mh = next;
        }
        return new double[][] {mu, var};
    }

    private static double[][] kron(double[][] a, double[][] b) {
        int ar = a.length;
        int ac = a[0].length;
        int br = b.length;
        int bc = b[0].length;
        double[][] out = new double[ar * br][ac * bc];
        for (int i = 0; i < ar; i++) {
            for (int j = 0; j < ac; j++) {
                if (a[i][j] == 0) continue;
                for (int p = 0; p < br; p++) for (int q = 0; q < bc; q++) out[i * br + p][j * bc + q] = a[i][j] * b[p][q];
            }
        }
        return out;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) out[i][j] = a[i][j] + b[i][j];
        return out;
    }

    /** a · b. */
    private static double[][] mul(double[][] a, double[][] b) {
        int n = a.length;
        int inner = b.length;
        int p = b[0].length;
        double[][] out = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < inner; t++) {
                double v = a[i][t];
                if (v == 0) continue;
                double[] row = b[t];
                double[] o = out[i];
                for (int j = 0; j < p; j++) o[j] += v * row[j];
            }
        }
        return out;
    }

    /** a · bᵀ. */
    private static double[][] mulT(double[][] a, double[][] b) {
        int n = a.length;
        int p = b.length;
        int inner = b[0].length;
        double[][] out = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int t = 0; t < inner; t++) s += a[i][t] * b[j][t];
                out[i][j] = s;
            }
        }
        return out;
    }
}
