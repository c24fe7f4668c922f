package keel.forecast.arima;

/**
 * Seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae & Terpenning 1990, J. Official
 * Statistics 6(1)), transcribed from the Fortran {@code stl.f} that R's {@code stats::stl} calls,
 * non-robust (inner 2, outer 0), with R's default windows and jumps for a given s.window.
 */
final class Stl {
    final double[] seasonal;
    final double[] trend;

    private Stl(double[] seasonal, double[] trend) {
        this.seasonal = seasonal;
        this.trend = trend;
    }

    static int nextOdd(double x) {
        long r = Math.round(x);
        if (r % 2 == 0) r++;
        return (int) r;
    }

    /** R {@code stl(x, s.window = sWindow)} defaults with s.degree 0, t.degree 1, l.degree 1. */
    static Stl decompose(double[] y, int period, int sWindow) {
        int tWindow = nextOdd(Math.ceil(1.5 * period / (1 - 1.5 / sWindow)));
        int lWindow = nextOdd(period);
        int sJump = (int) Math.ceil(sWindow / 10.0);
        int tJump = (int) Math.ceil(tWindow / 10.0);
        int lJump = (int) Math.ceil(lWindow / 10.0);
        int n = y.length;
        double[] season = new double[n];
        double[] trend = new double[n];
        int ns = Math.max(3, sWindow), nt = Math.max(3, tWindow), nl = Math.max(3, lWindow);
        int np = Math.max(2, period);
        if (ns % 2 == 0) ns++;
        if (nt % 2 == 0) nt++;
        if (nl % 2 == 0) nl++;
        double[][] work = new double[5][n + 2 * np];
        double[] rw = new double[n];
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < n; i++) work[0][i] = y[i] - trend[i];
            seasonalSmooth(work[0], n, np, ns, 0, sJump, work[1], work[2], work[3], work[4], season);
            fts(work[1], n + 2 * np, np, work[2], work[0]);
            ess(work[2], 0, n, nl, 1, lJump, false, rw, work[3], 0, work[0]);
            for (int i = 0; i < n; i++) season[i] = work[1][np + i] - work[3][i];
            for (int i = 0; i < n; i++) work[0][i] = y[i] - season[i];
            ess(work[0], 0, n, nt, 1, tJump, false, rw, trend, 0, work[2]);
        }
        return new Stl(season, trend);
    }

    private static void fts(double[] x, int n, int np, double[] trend, double[] work) {
        ma(x, n, np, trend);
        ma(trend, n - np + 1, np, work);
        ma(work, n - 2 * np + 2, 3, trend);
    }

    private static void ma(double[] x, int n, int len, double[] ave) {
        int newn = n - len + 1;
        double flen = len;
        double v = 0;
        for (int i = 0; i < len; i++) v += x[i];
        ave[0] = v / flen;
        int k = len - 1, m = -1;
        for (int j = 1; j < newn; j++) {
            k++;
            m++;
            v = v - x[m] + x[k];
            ave[j] = v / flen;
        }
    }

    // Fortran stless with 1-based positions mapped to y[yo + i - 1], ys[so + i - 1].
    private static void ess(double[] y, int yo, int n, int len, int ideg, int njump, boolean userw,
            double[] rw, double[] ys, int so, double[] res) {
        if (n < 2) {
            ys[so] = y[yo];
            return;
        }
        int newnj = Math.min(njump, n - 1);
        int nleft = 0, nright = 0;
        if (len >= n) {
            nleft = 1;
            nright = n;
            for (int i = 1; i <= n; i += newnj) {
                est(y, yo, n, len, ideg, i, ys, so + i - 1, nleft, nright, res, userw, rw, i);
            }
        } else if (newnj == 1) {
            int nsh = (len + 1) / 2;
            nleft = 1;
            nright = len;
            for (int i = 1; i <= n; i++) {
                if (i > nsh && nright != n) {
                    nleft++;
                    nright++;
                }
                est(y, yo, n, len, ideg, i, ys, so + i - 1, nleft, nright, res, userw, rw, i);
            }
        } else {
            int nsh = (len + 1) / 2;
            for (int i = 1; i <= n; i += newnj) {
                if (i < nsh) {
                    nleft = 1;
                    nright = len;
                } else if (i >= n - nsh + 1) {
                    nleft = n - len + 1;
                    nright = n;
                } else {
                    nleft = i - nsh + 1;
                    nright = len + i - nsh;
                }
                est(y, yo, n, len, ideg, i, ys, so + i - 1, nleft, nright, res, userw, rw, i);
            }
        }
        if (newnj != 1) {
            for (int i = 1; i <= n - newnj; i += newnj) {
                double delta = (ys[so + i + newnj - 1] - ys[so + i - 1]) / newnj;
                for (int j = i + 1; j <= i + newnj - 1; j++) ys[so + j - 1] = ys[so + i - 1] + delta * (j - i);
            }
            int k = ((n - 1) / newnj) * newnj + 1;
            if (k != n) {
                est(y, yo, n, len, ideg, n, ys, so + n - 1, nleft, nright, res, userw, rw, n);
                if (k != n - 1) {
                    double delta = (ys[so + n - 1] - ys[so + k - 1]) / (n - k);
                    for (int j = k + 1; j <= n - 1; j++) ys[so + j - 1] = ys[so + k - 1] + delta * (j - k);
                }
            }
        }
    }

    /** stlest at abscissa xs; on failure (zero weights) ys = y(fallback). */
    private static void est(double[] y, int yo, int n, int len, int ideg, double xs, double[] ys, int at,
            int nleft, int nright, double[] w, boolean userw, double[] rw, int fallback) {
        double v = estimate(y, yo, n, len, ideg, xs, nleft, nright, w, userw, rw);
        ys[at] = Double.isNaN(v) ? y[yo + fallback - 1] : v;
    }

    /** Loess fit at xs over positions nleft..nright (1-based); NaN when all weights are zero. */
    private static double estimate(double[] y, int yo, int n, int len, int ideg, double xs, int nleft,
            int nright, double[] w, boolean userw, double[] rw) {
        double range = n - 1.0;
        double h = Math.max(xs - nleft, nright - xs);
        if (len > n) h += (len - n) / 2;
        double h9 = 0.999 * h, h1 = 0.001 * h;
        double a = 0;
        for (int j = nleft; j <= nright; j++) {
            w[j - 1] = 0;
            double r = Math.abs(j - xs);
            if (r <= h9) {
                if (r <= h1) {
                    w[j - 1] = 1;
                } else {
                    double u = r / h;
                    u = 1 - u * u * u;
                    w[j - 1] = u * u * u;
                }
                if (userw) w[j - 1] *= rw[j - 1];
                a += w[j - 1];
            }
        }
        if (a <= 0) return Double.NaN;
        for (int j = nleft; j <= nright; j++) w[j - 1] /= a;
        if (h > 0 && ideg > 0) {
            a = 0;
            for (int j = nleft; j <= nright; j++) a += w[j - 1] * j;
            double b = xs - a;
            double c = 0;
            for (int j = nleft; j <= nright; j++) c += w[j - 1] * (j - a) * (j - a);
            if (Math.sqrt(c) > 0.001 * range) {
                b /= c;
                for (int j = nleft; j <= nright; j++) w[j - 1] *= b * (j - a) + 1;
            }
        }
        double ys = 0;
        for (int j = nleft; j <= nright; j++) ys += w[j - 1] * y[yo + j - 1];
        return ys;
    }

    // stlss: smooth each cycle-subseries, extended by one value at each end.
    private static void seasonalSmooth(double[] y, int n, int np, int ns, int isdeg, int nsjump, double[] season,
            double[] work1, double[] work2, double[] work3, double[] work4) {
        double[] rw = work3;
        for (int j = 1; j <= np; j++) {
            int k = (n - j) / np + 1;
            for (int i = 1; i <= k; i++) work1[i - 1] = y[(i - 1) * np + j - 1];
            ess(work1, 0, k, ns, isdeg, nsjump, false, rw, work2, 1, work4);
            int nright = Math.min(ns, k);
            double v = estimate(work1, 0, k, ns, isdeg, 0, 1, nright, work4, false, rw);
            work2[0] = Double.isNaN(v) ? work2[1] : v;
            int nleft = Math.max(1, k - ns + 1);
            v = estimate(work1, 0, k, ns, isdeg, k + 1, nleft, k, work4, false, rw);
            work2[k + 1] = Double.isNaN(v) ? work2[k] : v;
            for (int m = 1; m <= k + 2; m++) season[(m - 1) * np + j - 1] = work2[m - 1];
        }
    }
}
