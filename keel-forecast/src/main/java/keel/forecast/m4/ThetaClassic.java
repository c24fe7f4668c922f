package keel.forecast.m4;

import keel.forecast.ets.EtsFit;

/**
 * The M4 benchmark Theta ({@code Theta.classic} in M4-methods; Assimakopoulos &amp; Nikolopoulos
 * 2000): OLS line L_t = a + bt on t = 1..n, theta line Z_t = 2y_t − L_t smoothed by SES
 * (ETS(A,N,N), optimal initial level, MSE), forecast = ½·SES + ½·L, negative forecasts set to 0.
 * Runs on already seasonally adjusted data.
 */
final class ThetaClassic {
    private final double intercept;
    private final double slope;
    private final int n;
    private final EtsFit ses;

    private ThetaClassic(double intercept, double slope, int n, EtsFit ses) {
        this.intercept = intercept;
        this.slope = slope;
        this.n = n;
        this.ses = ses;
    }

    static ThetaClassic fit(double[] y) {
        int n = y.length;
        double[] line = keel.forecast.LinearTrend.fit(y);
        double intercept = line[0];
        double slope = line[1];
        double[] z = new double[n];
        for (int t = 0; t < n; t++) z[t] = 2 * y[t] - (intercept + slope * (t + 1));
        return new ThetaClassic(intercept, slope, n, M4Benchmarks.fitMse(z, M4Benchmarks.ANN));
    }

    double[] pointForecast(int h) {
        double[] smooth = ses.pointForecast(h);
        double[] f = new double[h];
        for (int i = 0; i < h; i++) {
            double line = intercept + slope * (n + i + 1);
            f[i] = Math.max(0.5 * smooth[i] + 0.5 * line, 0);
        }
        return f;
    }

    /** Variance of ½·SES_h, ignoring the line's uncertainty (as {@code thetaf} does). */
    double[] variance(int h) {
        double[] v = ses.analyticVariance(h).orElseThrow();
        for (int i = 0; i < h; i++) v[i] *= 0.25;
        return v;
    }
}
