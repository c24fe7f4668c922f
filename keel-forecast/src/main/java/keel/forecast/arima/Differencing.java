package keel.forecast.arima;

/**
 * How many differences a series needs, as R forecast 8.x decides by default.
 *
 * <p>Regular differences ({@code ndiffs(test = "kpss")}): KPSS level-stationarity test
 * (Kwiatkowski, Phillips, Schmidt & Shin 1992) as {@code urca::ur.kpss(type = "mu")} computes it,
 * Bartlett long-run variance with lag trunc(3 sqrt(n) / 13); p-value interpolated in the table
 * 0.347 / 0.463 / 0.574 / 0.739 for 10 / 5 / 2.5 / 1 %, clamped; difference while p < 0.05, at most
 * max.d times, stopping at a constant series.
 *
 * <p>Seasonal differences ({@code nsdiffs(test = "seas")}): seasonal strength F_S = max(0, 1 -
 * Var(R) / Var(S + R)) from STL with s.window 11 (Wang, Smith & Hyndman 2006); D = 1 if F_S > 0.64.
 */
final class Differencing {
    private static final double[] KPSS_CRIT = {0.347, 0.463, 0.574, 0.739};
    private static final double[] KPSS_P = {0.10, 0.05, 0.025, 0.01};

    private Differencing() {}

    static boolean isConstant(double[] x) {
        double first = Double.NaN;
        for (double v : x) {
            if (Double.isNaN(v)) continue;
            if (Double.isNaN(first)) first = v;
            else if (v != first) return false;
        }
        return true;
    }

    static double[] dropMissing(double[] x) {
        int k = 0;
        for (double v : x) if (!Double.isNaN(v)) k++;
        double[] out = new double[k];
        k = 0;
        for (double v : x) if (!Double.isNaN(v)) out[k++] = v;
        return out;
    }

    static double[] diff(double[] x, int lag) {
        if (x.length <= lag) return new double[0];
        double[] out = new double[x.length - lag];
        for (int i = 0; i < out.length; i++) out[i] = x[i + lag] - x[i];
        return out;
    }

    /** The KPSS level statistic of x (no missing values). */
    static double kpss(double[] x) {
        int n = x.length;
        int lmax = (int) (3 * Math.sqrt(n) / 13);
        double mean = 0;
        for (double v : x) mean += v;
        mean /= n;
        double[] res = new double[n];
        for (int i = 0; i < n; i++) res[i] = x[i] - mean;
        double s = 0, num = 0, s2 = 0;
        for (int i = 0; i < n; i++) {
            s += res[i];
            num += s * s;
            s2 += res[i] * res[i];
        }
        num /= (double) n * n;
        s2 /= n;
        double den = s2;
        if (lmax > 0) {
            double out = 0;
            for (int l = 1; l <= lmax; l++) {
                double cov = 0;
                for (int i = l; i < n; i++) cov += res[i] * res[i - l];
                out += (1 - l / (lmax + 1.0)) * cov;
            }
            den += 2.0 / n * out;
        }
        return num / den;
    }

    /** approx(cval, p, xout = stat, rule = 2). */
    static double kpssPValue(double stat) {
        if (stat <= KPSS_CRIT[0]) return KPSS_P[0];
        if (stat >= KPSS_CRIT[3]) return KPSS_P[3];
        for (int i = 0; i < 3; i++) {
            if (stat <= KPSS_CRIT[i + 1]) {
                double f = (stat - KPSS_CRIT[i]) / (KPSS_CRIT[i + 1] - KPSS_CRIT[i]);
                return KPSS_P[i] + f * (KPSS_P[i + 1] - KPSS_P[i]);
            }
        }
        return KPSS_P[3];
    }

    /** R {@code ndiffs(x)} with the KPSS test at alpha 0.05. */
    static int ndiffs(double[] series, int maxD) {
        double[] x = dropMissing(series);
        int d = 0;
        if (isConstant(x)) return 0;
        boolean dodiff = needsDifference(x);
        while (dodiff && d < maxD) {
            d++;
            x = diff(x, 1);
            if (isConstant(x)) return d;
            dodiff = needsDifference(x);
        }
        return d;
    }

    private static boolean needsDifference(double[] x) {
        if (x.length < 2) return false;
        double stat = kpss(x);
        if (!Double.isFinite(stat)) return false;
        return kpssPValue(stat) < 0.05;
    }

    /** Seasonal strength of x with period m (R forecast:::seas.heuristic, one season). */
    static double seasonalStrength(double[] series, int m) {
        double[] x = interpolateMissing(series);
        Stl stl = Stl.decompose(x, m, 11);
        int n = x.length;
        double[] rem = new double[n];
        double[] sr = new double[n];
        for (int i = 0; i < n; i++) {
            rem[i] = x[i] - stl.seasonal[i] - stl.trend[i];
            sr[i] = rem[i] + stl.seasonal[i];
        }
        return Math.max(0, Math.min(1, 1 - variance(rem) / variance(sr)));
    }

    /** R {@code nsdiffs(x, test = "seas", max.D)}. */
    static int nsdiffs(double[] series, int m, int maxD) {
        double[] x = series;
        if (isConstant(x)) return 0;
        int big = 0;
        boolean dodiff = strengthTest(x, m);
        while (dodiff && big < maxD) {
            big++;
            x = diff(x, m);
            if (isConstant(x)) return big;
            dodiff = x.length >= 2 * m && big < maxD && strengthTest(x, m);
        }
        return big;
    }

    private static boolean strengthTest(double[] x, int m) {
        int ok = 0;
        for (double v : x) if (!Double.isNaN(v)) ok++;
        if (m <= 1 || ok < 2 * m || x.length <= 2 * m) return false;
        return seasonalStrength(x, m) > 0.64;
    }

    static double variance(double[] x) {
        double mean = 0;
        for (double v : x) mean += v;
        mean /= x.length;
        double s = 0;
        for (double v : x) s += (v - mean) * (v - mean);
        return s / (x.length - 1);
    }

    /**
     * Linear interpolation of interior gaps and constant extension at the ends. R's mstl uses
     * {@code na.interp} (seasonal interpolation); this is a simpler stand-in, used only with gaps.
     */
    static double[] interpolateMissing(double[] x) {
        double[] y = x.clone();
        int n = y.length;
        int prev = -1;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(y[i])) continue;
            if (prev < 0) {
                for (int j = 0; j < i; j++) y[j] = y[i];
            } else if (i - prev > 1) {
                for (int j = prev + 1; j < i; j++) y[j] = y[prev] + (y[i] - y[prev]) * (j - prev) / (i - prev);
            }
            prev = i;
        }
        if (prev >= 0) for (int j = prev + 1; j < n; j++) y[j] = y[prev];
        return y;
    }
}
