package keel.forecast.arima;

import java.util.Arrays;
import keel.forecast.Series;
import keel.forecast.arima.ArimaFit.Method;

/** Prints Keel's values next to R's for every case of reference.txt (run by hand when changing numerics). */
final class DevCompare {
    public static void main(String[] args) throws Exception {
        String[] fixed = {"lh_100", "lh_300", "lh_101", "lh_101css", "lhna_100", "usacc_011011", "usacc_110100",
            "logair_011011", "logair_210011", "www_310", "www_111", "h1_201011"};
        for (String c : fixed) {
            String s = ReferenceValues.text(c, "series");
            double[] o = ReferenceValues.numbers(c, "order");
            int m = ReferenceValues.period(s);
            ArimaOrder order = new ArimaOrder((int) o[0], (int) o[1], (int) o[2], (int) o[3], (int) o[4], (int) o[5], m);
            Method method = ReferenceValues.text(c, "method").equals("CSS") ? Method.CSS : Method.CSS_ML;
            long t0 = System.nanoTime();
            ArimaFit f = ArimaEstimator.fit(ReferenceValues.data(s), order, ReferenceValues.number(c, "constant") == 1,
                    method, 0, Double.NaN);
            long t1 = System.nanoTime();
            System.out.println(c + " " + (t1 - t0) / 1e6 + " ms");
            System.out.println("  coef   R " + Arrays.toString(ReferenceValues.numbers(c, "coef")));
            System.out.println("  coef   K " + Arrays.toString(f.coef));
            System.out.println("  loglik R " + ReferenceValues.number(c, "loglik") + " K " + f.loglik);
            System.out.println("  sigma2 R " + ReferenceValues.number(c, "sigma2") + " K " + f.sigma2);
            System.out.println("  aicc   R " + ReferenceValues.number(c, "aicc") + " K " + f.aicc);
            double[][] fc = f.forecast(12);
            System.out.println("  mean   R " + ReferenceValues.numbers(c, "mean")[11] + " K " + fc[0][11]);
            System.out.println("  up95   R " + ReferenceValues.numbers(c, "upper95")[11] + " K "
                    + (fc[0][11] + 1.959963984540054 * Math.sqrt(fc[1][11])));
        }
        for (String s : new String[] {"lh", "usacc", "logair", "www", "h1", "w246"}) {
            String c = "tests_" + s;
            double[] x = ReferenceValues.data(s);
            int m = ReferenceValues.period(s);
            System.out.println(c + " kpss R " + ReferenceValues.number(c, "kpss") + " K " + Differencing.kpss(x)
                    + " ndiffs R " + ReferenceValues.number(c, "ndiffs") + " K " + Differencing.ndiffs(x, 2));
            if (m > 1) {
                System.out.println("   strength R " + ReferenceValues.number(c, "strength") + " K "
                        + Differencing.seasonalStrength(x, m) + " nsdiffs R " + ReferenceValues.number(c, "nsdiffs")
                        + " K " + Differencing.nsdiffs(x, m, 1));
                Stl stl = Stl.decompose(x, m, 11);
                double[] rs = ReferenceValues.numbers(c, "stlseasonal");
                double[] rt = ReferenceValues.numbers(c, "stltrend");
                double ds = 0, dt = 0;
                for (int i = 0; i < x.length; i++) {
                    ds = Math.max(ds, Math.abs(rs[i] - stl.seasonal[i]));
                    dt = Math.max(dt, Math.abs(rt[i] - stl.trend[i]));
                }
                System.out.println("   stl max diff seasonal " + ds + " trend " + dt);
            }
        }
        for (String s : new String[] {"lh", "usacc", "logair", "www", "h1", "w246"}) {
            String c = "auto_" + s;
            long t0 = System.nanoTime();
            AutoArima.Selection sel = new AutoArima(AutoArima.Options.r()).select(Series.of(s, ReferenceValues.data(s), ReferenceValues.period(s)));
            long t1 = System.nanoTime();
            System.out.println(c + " " + (t1 - t0) / 1e6 + " ms R " + Arrays.toString(ReferenceValues.numbers(c, "order"))
                    + " aicc " + ReferenceValues.number(c, "aicc"));
            System.out.println("   K " + sel.description + " " + Arrays.toString(sel.fit.coef));
            System.out.println("   R " + Arrays.toString(ReferenceValues.numbers(c, "coef")));
            double[][] fc = sel.fit.forecast(12);
            System.out.println("  mean   R " + ReferenceValues.numbers(c, "mean")[11] + " K " + fc[0][11]);
        }
    }
}
