package keel.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The fast CSS and Chandrasekhar loops give the same bits as the plain loops they replace (R's
 * ARIMA_CSS order of operations; the recursion without the settled-W shortcut).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InnerLoopsTest {

    /** R ARIMA_CSS as written in arima.c: one residual at a time, AR then MA terms, NaN skipped. */
    private static double referenceCss(double[] w, double[] phi, double[] theta, int ncond, double[] e) {
        int n = w.length;
        double ssq = 0;
        int nu = 0;
        for (int l = 0; l < ncond && l < n; l++) e[l] = 0;
        for (int l = ncond; l < n; l++) {
            double tmp = w[l];
            for (int j = 0; j < phi.length; j++) if (phi[j] != 0.0) tmp -= phi[j] * w[l - j - 1];
            for (int j = 0; j < Math.min(l - ncond, theta.length); j++) if (theta[j] != 0.0) tmp -= theta[j] * e[l - j - 1];
            e[l] = tmp;
            if (!Double.isNaN(tmp)) {
                nu++;
                ssq += tmp * tmp;
            }
        }
        return ssq / nu;
    }

    @Test
    void css_residuals_and_mean_square_are_Rs_loop_bit_for_bit() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int trial = 0; trial < 400; trial++) {
            int p = rnd.nextInt(6), q = rnd.nextInt(7), sp = rnd.nextInt(2), sq = rnd.nextInt(2);
            int m = trial % 3 == 0 ? 12 : 1;
            ArimaOrder o = new ArimaOrder(p, 0, q, m > 1 ? sp : 0, 0, m > 1 ? sq : 0, m);
            double[] par = new double[o.armaCount()];
            for (int i = 0; i < par.length; i++) par[i] = rnd.nextInt(8) == 0 ? 0.0 : rnd.nextDouble(-0.9, 0.9);
            double[] phi = Reparametrisation.expandAr(par, o);
            double[] theta = Reparametrisation.expandMa(par, o);
            double[] w = new double[50 + rnd.nextInt(400)];
            for (int t = 0; t < w.length; t++) w[t] = rnd.nextGaussian() * 10 + (t > 0 ? 0.5 * w[t - 1] : 0);
            if (trial % 7 == 0) w[rnd.nextInt(w.length)] = Double.NaN;
            int ncond = phi.length + rnd.nextInt(3);
            double[] expected = new double[w.length];
            double[] actual = new double[w.length];

            double reference = referenceCss(w, phi, theta, ncond, expected);
            double fast = ConditionalSumOfSquares.meanSquare(w, phi, theta, ncond, actual);

            assertThat(Double.doubleToLongBits(fast)).as("trial %d, %s", trial, o.text())
                    .isEqualTo(Double.doubleToLongBits(reference));
            assertThat(actual).as("trial %d residuals", trial).containsExactly(expected);
        }
    }

    /** The Chandrasekhar recursion updating W, K, F and M at every step (no shortcut). */
    private static double[] referenceChandrasekhar(double[] phi, double[] theta, double[] w) {
        int p = phi.length;
        int r = Math.max(p, theta.length + 1);
        double[] th = java.util.Arrays.copyOf(theta, Math.max(theta.length, r - 1));
        double[] q0 = r > 1 ? StationaryCovariance.q0(phi, th) : new double[] {p > 0 ? 1 / (1 - phi[0] * phi[0]) : 1};
        double[] k = new double[r];
        double[] col = new double[r];
        for (int i = 0; i < r; i++) col[i] = q0[i * r];
        times(phi, col, k, r);
        double f = q0[0];
        double[] wv = k.clone();
        double mm = -1 / f;
        double[] a = new double[r];
        double[] tmp = new double[r];
        double ssq = 0, sumlog = 0;
        int nu = 0;
        for (int t = 0; t < w.length; t++) {
            double v = w[t] - a[0];
            if (f < 1e4) {
                nu++;
                ssq += v * v / f;
                sumlog += Math.log(f);
            }
            double g = v / f;
            times(phi, a, tmp, r);
            for (int i = 0; i < r; i++) a[i] = tmp[i] + k[i] * g;
            if (t == w.length - 1) break;
            double zw = wv[0];
            times(phi, wv, tmp, r);
            double c = mm * zw;
            for (int i = 0; i < r; i++) k[i] += tmp[i] * c;
            double fOld = f;
            f = f + mm * zw * zw;
            double kf = zw / f;
            for (int i = 0; i < r; i++) wv[i] = tmp[i] - k[i] * kf;
            mm = mm + mm * mm * zw * zw / fOld;
        }
        return new double[] {ssq, sumlog, nu};
    }

    private static void times(double[] phi, double[] v, double[] out, int r) {
        double v0 = v[0];
        for (int i = 0; i < r - 1; i++) out[i] = v[i + 1];
        out[r - 1] = 0;
        for (int i = 0; i < phi.length; i++) if (phi[i] != 0.0) out[i] += phi[i] * v0;
    }

    @Test
    void chandrasekhar_gives_the_same_bits_as_the_recursion_without_the_settled_shortcut() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int p = rnd.nextInt(4), q = rnd.nextInt(6);
            ArimaOrder o = new ArimaOrder(p, 0, q, 0, 0, 0, 1);
            double[] raw = new double[o.armaCount()];
            for (int i = 0; i < raw.length; i++) raw[i] = rnd.nextDouble(-0.8, 0.8);
            double[] par = Reparametrisation.transform(raw, o);
            double[] phi = Reparametrisation.expandAr(par, o);
            double[] theta = Reparametrisation.expandMa(par, o);
            // long enough that W decays into subnormal numbers for short-memory models
            double[] w = new double[1500 + rnd.nextInt(1500)];
            for (int t = 0; t < w.length; t++) w[t] = rnd.nextGaussian() + (t > 0 ? 0.3 * w[t - 1] : 0);

            double[] expected = referenceChandrasekhar(phi, theta, w);
            double[] actual = Chandrasekhar.likelihood(phi, theta, w);

            for (int i = 0; i < 3; i++) {
                assertThat(Double.doubleToLongBits(actual[i])).as("trial %d, %s, component %d", trial, o.text(), i)
                        .isEqualTo(Double.doubleToLongBits(expected[i]));
            }
        }
    }
}
