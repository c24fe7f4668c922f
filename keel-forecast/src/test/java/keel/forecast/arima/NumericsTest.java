package keel.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Hand-checkable values of the numeric helpers. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NumericsTest {

    @Test
    void ar1_stationary_variance_is_one_over_one_minus_phi_squared() {
        double[] q0 = StationaryCovariance.q0(new double[] {0.5}, new double[0]);

        assertThat(q0[0]).isCloseTo(1 / 0.75, within(1e-14));
    }

    @Test
    void autocovariance_route_equals_gardner_for_random_stationary_arma() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int trial = 0; trial < 50; trial++) {
            int p = 1 + rnd.nextInt(5), q = rnd.nextInt(6);
            double[] raw = new double[p];
            for (int i = 0; i < p; i++) raw[i] = rnd.nextDouble(-1.5, 1.5);
            double[] phi = new double[p];
            Reparametrisation.partrans(p, raw, 0, phi, 0);
            int r = Math.max(p, q + 1);
            double[] theta = new double[r - 1];
            for (int i = 0; i < q; i++) theta[i] = rnd.nextDouble(-0.9, 0.9);

            double[] a = StationaryCovariance.gardner(phi, theta);
            double[] b = StationaryCovariance.byAutocovariance(phi, theta, r);

            for (int i = 0; i < r * r; i++) assertThat(b[i]).isCloseTo(a[i], within(1e-8 * (1 + Math.abs(a[i]))));
        }
    }

    @Test
    void chandrasekhar_recursions_give_the_kalman_filter_likelihood() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] w = new double[300];
        for (int t = 0; t < w.length; t++) w[t] = rnd.nextDouble(-1, 1) + (t > 0 ? 0.6 * w[t - 1] : 0);
        ArimaOrder o = new ArimaOrder(2, 0, 1, 1, 0, 1, 12);
        double[] par = Reparametrisation.transform(new double[] {0.4, -0.3, 0.5, 0.8, -0.6}, o);
        double[] phi = Reparametrisation.expandAr(par, o);
        double[] theta = Reparametrisation.expandMa(par, o);

        double[] fast = Chandrasekhar.likelihood(phi, theta, w);
        StateSpace.Pass kalman = new StateSpace(phi, theta, new double[0]).filter(w, false);

        assertThat(fast[0]).isCloseTo(kalman.ssq, within(1e-9 * kalman.ssq));
        assertThat(fast[1]).isCloseTo(kalman.sumlog, within(1e-9 * (1 + Math.abs(kalman.sumlog))));
        assertThat(fast[2]).isEqualTo(kalman.nu);
    }

    @Test
    void pacf_transform_round_trips_and_is_stationary() {
        ArimaOrder o = new ArimaOrder(3, 0, 0, 1, 0, 0, 12);
        double[] raw = {0.3, -1.2, 2.0, 0.7};

        double[] t = Reparametrisation.transform(raw, o);
        double[] back = Reparametrisation.untransform(t, o);

        for (int i = 0; i < raw.length; i++) assertThat(back[i]).isCloseTo(raw[i], within(1e-10));
        assertThat(Polynomials.isStationary(t, 0, 3)).isTrue();
    }

    @Test
    void non_invertible_ma_is_reflected_to_its_reciprocal_roots() {
        double[] ma1 = {2.0};
        double[] ma2 = {-2.5, 1.0}; // (1 - 0.5z)(1 - 2z): root 0.5 inside
        Polynomials.invertMa(ma1, 0, 1);
        Polynomials.invertMa(ma2, 0, 2);

        assertThat(ma1[0]).isEqualTo(0.5);
        // (1 - 0.5z)(1 - 0.5z) = 1 - z + 0.25 z^2
        assertThat(ma2[0]).isCloseTo(-1.0, within(1e-12));
        assertThat(ma2[1]).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void seasonal_polynomials_multiply_out_like_R() {
        ArimaOrder o = new ArimaOrder(1, 0, 1, 1, 0, 1, 4);
        double[] par = {0.5, 0.3, 0.2, -0.4};

        double[] phi = Reparametrisation.expandAr(par, o);
        double[] theta = Reparametrisation.expandMa(par, o);

        assertThat(phi).containsExactly(0.5, 0, 0, 0.2, -0.1);
        assertThat(theta[0]).isEqualTo(0.3);
        assertThat(theta[3]).isEqualTo(-0.4);
        assertThat(theta[4]).isCloseTo(-0.12, within(1e-15));
    }

    @Test
    void normal_quantiles_match_known_values() {
        assertThat(keel.forecast.Distributions.normalQuantile(0.975)).isCloseTo(1.959963984540054, within(1e-8));
        assertThat(keel.forecast.Distributions.normalQuantile(0.5)).isEqualTo(0.0);
        assertThat(keel.forecast.Distributions.normalQuantile(0.01)).isCloseTo(-2.326347874040841, within(1e-8));
    }
}
