package keel.forecast.m4;

import java.util.EnumMap;
import java.util.Map;
import keel.forecast.Forecaster;
import keel.forecast.ets.Criterion;
import keel.forecast.ets.EtsFit;
import keel.forecast.ets.EtsSpec;
import keel.forecast.ets.EtsSpec.Component;
import keel.forecast.ets.Ets;

/**
 * The M4 benchmarks exactly as the organisers' R script computes them ({@code Benchmarks} in
 * M4-methods {@code Benchmarks and Evaluation.R}, forecast 8.2; Makridakis et al. 2020, IJF 36(1)):
 * Naive1 and sNaive on the data; Naive2, SES, Holt, Damped, Theta and Comb S-H-D on the seasonally
 * adjusted data, reseasonalised. SES, Holt and Damped are ETS(A,N,N), ETS(A,A,N) and ETS(A,Ad,N)
 * with optimal initial states fitted by in-sample MSE.
 */
public final class M4Benchmarks {
    static final EtsSpec ANN = new EtsSpec(Component.ADDITIVE, Component.NONE, false, Component.NONE);
    static final EtsSpec AAN = new EtsSpec(Component.ADDITIVE, Component.ADDITIVE, false, Component.NONE);
    static final EtsSpec AADN = new EtsSpec(Component.ADDITIVE, Component.ADDITIVE, true, Component.NONE);

    private M4Benchmarks() {}

    /** A forecaster for one benchmark; its name is {@code "m4-"} and the label in lower case. */
    public static Forecaster forecaster(M4Method method) {
        return new M4Forecaster(method);
    }

    /**
     * Point forecasts of all eight benchmarks for one series (sharing the seasonal adjustment and
     * the three ETS fits).
     *
     * @param m the seasonal period (M4's "ppy", e.g. 24 for hourly data)
     */
    public static Map<M4Method, double[]> pointForecasts(double[] y, int m, int h) {
        return run(y, m, h).points();
    }

    static Run run(double[] y, int m, int h) {
        SeasonalAdjustment adjustment = SeasonalAdjustment.of(y, m);
        double[] adjusted = adjustment.adjusted();
        double[] out = adjustment.outOfSample(y.length, h);
        Map<M4Method, double[]> points = new EnumMap<>(M4Method.class);
        points.put(M4Method.NAIVE1, repeat(y[y.length - 1], h));
        points.put(M4Method.SEASONAL_NAIVE, seasonalNaive(y, m, h));
        points.put(M4Method.NAIVE2, times(repeat(adjusted[adjusted.length - 1], h), out));
        EtsFit ses = fitMse(adjusted, ANN);
        EtsFit holt = fitMse(adjusted, AAN);
        EtsFit damped = fitMse(adjusted, AADN);
        double[] fSes = times(ses.pointForecast(h), out);
        double[] fHolt = times(holt.pointForecast(h), out);
        double[] fDamped = times(damped.pointForecast(h), out);
        points.put(M4Method.SES, fSes);
        points.put(M4Method.HOLT, fHolt);
        points.put(M4Method.DAMPED, fDamped);
        ThetaClassic theta = ThetaClassic.fit(adjusted);
        points.put(M4Method.THETA, times(theta.pointForecast(h), out));
        double[] comb = new double[h];
        for (int i = 0; i < h; i++) comb[i] = (fSes[i] + fHolt[i] + fDamped[i]) / 3;
        points.put(M4Method.COMB_SHD, comb);
        return new Run(adjustment, out, points, ses, holt, damped, theta);
    }

    record Run(SeasonalAdjustment adjustment, double[] outIndices, Map<M4Method, double[]> points, EtsFit ses,
            EtsFit holt, EtsFit damped, ThetaClassic theta) {}

    /** R {@code ets(x, model, opt.crit = "mse")} as called by {@code ses} and {@code holt}. */
    static EtsFit fitMse(double[] y, EtsSpec spec) {
        return Ets.fit(y, 1, spec, Criterion.MSE).orElseThrow(
                () -> new IllegalStateException(spec.name() + " found no fit for " + y.length + " observations"));
    }

    static double[] seasonalNaive(double[] y, int m, int h) {
        int n = y.length;
        if (m <= 1 || n < m) return repeat(y[n - 1], h);
        double[] f = new double[h];
        for (int i = 0; i < h; i++) f[i] = y[n - m + i % m];
        return f;
    }

    static double[] repeat(double value, int h) {
        double[] f = new double[h];
        java.util.Arrays.fill(f, value);
        return f;
    }

    static double[] times(double[] a, double[] b) {
        double[] f = new double[a.length];
        for (int i = 0; i < a.length; i++) f[i] = a[i] * b[i];
        return f;
    }
}
