package keel.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import keel.forecast.Series;
import keel.forecast.arima.ArimaEstimator.Shortcut;
import keel.forecast.arima.ArimaFit.Method;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The two shortcuts of the approximate stepwise search: the ML refit starting from the search's CSS
 * estimate (exactly the same fit), and giving up the CSS fit of a candidate that will not beat the
 * best model (Keel's defaults only).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SearchShortcutTest {

    @Test
    void the_ML_refit_from_the_search_CSS_estimate_is_the_fit_R_makes() throws Exception {
        double[] x = ReferenceValues.data("w246");
        ArimaOrder order = ArimaOrder.of(2, 1, 2);
        ArimaFit css = ArimaEstimator.fit(x, order, true, Method.CSS, 0, Double.NaN);

        ArimaFit full = ArimaEstimator.fit(x, order, true, Method.CSS_ML, 0, Double.NaN);
        ArimaFit reused = ArimaEstimator.fit(x, order, true, Method.CSS_ML, 0, Double.NaN,
                new Shortcut(css.coef, Double.POSITIVE_INFINITY, 0));

        assertThat(css.converged).isTrue();
        assertThat(reused.coef).containsExactly(full.coef);
        assertThat(reused.aicc).isEqualTo(full.aicc);
        assertThat(reused.sigma2).isEqualTo(full.sigma2);
    }

    @Test
    void a_CSS_fit_that_cannot_beat_the_best_is_given_up_and_one_that_can_runs_to_the_end() throws Exception {
        double[] x = arma(11, 400, 0.97, -0.4);
        ArimaOrder order = ArimaOrder.of(2, 0, 1);
        ArimaFit full = ArimaEstimator.fit(x, order, true, Method.CSS, 0, Double.NaN);

        ArimaFit hopeless = ArimaEstimator.fit(x, order, true, Method.CSS, 0, Double.NaN,
                new Shortcut(null, full.aicc - 1000, 100));
        ArimaFit unbounded = ArimaEstimator.fit(x, order, true, Method.CSS, 0, Double.NaN,
                new Shortcut(null, Double.POSITIVE_INFINITY, 100));
        ArimaFit never = ArimaEstimator.fit(x, order, true, Method.CSS, 0, Double.NaN,
                new Shortcut(null, full.aicc - 1000, 0));

        assertThat(full.converged).isTrue();
        assertThat(hopeless.converged).isFalse();
        assertThat(hopeless.aicc).isGreaterThan(full.aicc);
        assertThat(unbounded.coef).containsExactly(full.coef);
        assertThat(never.coef).containsExactly(full.coef);
    }

    @Test
    void bfgs_stops_unconverged_when_told_to_give_up() {
        int[] calls = {0};
        Bfgs.Objective f = p -> {
            calls[0]++;
            double a = 1 - p[0], b = p[1] - p[0] * p[0];
            return a * a + 100 * b * b;
        };
        Bfgs.Result full = new Bfgs(f, new double[] {1, 1}).minimise(new double[] {-1.2, 1}, 100);
        int fullCalls = calls[0];
        calls[0] = 0;
        Bfgs.Result stopped = new Bfgs(f, new double[] {1, 1}).minimise(new double[] {-1.2, 1}, 100,
                (previous, current) -> true);

        assertThat(full.value()).isLessThan(1e-6);
        assertThat(stopped.converged()).isFalse();
        assertThat(stopped.value()).isGreaterThan(full.value());
        assertThat(calls[0]).isLessThan(fullCalls / 5);
    }

    @Test
    void on_seeded_ARMA_series_the_shortcut_mostly_chooses_the_order_of_the_full_search() {
        AutoArima.Options fullSearch = new AutoArima.Options(AutoArima.Approximation.AUTO, true, true, 1.0, 0);
        int same = 0, n = 16;
        for (int seed = 0; seed < n; seed++) {
            Series s = Series.of("s" + seed, arma(seed, 300, 0.3 + 0.04 * seed, 0.5 - 0.06 * seed), 1);

            AutoArima.Selection shortcut = new AutoArima(AutoArima.Options.defaults()).select(s);
            AutoArima.Selection full = new AutoArima(fullSearch).select(s);

            if (shortcut.fit.order().equals(full.fit.order())
                    && shortcut.fit.constant == full.fit.constant) {
                same++;
            } else {
                // a different path may end elsewhere, but not at a clearly worse model
                assertThat(shortcut.fit.aicc()).as("seed %d", seed).isLessThan(full.fit.aicc() + 10);
            }
        }
        assertThat(same).isGreaterThanOrEqualTo(n * 3 / 4);
    }

    @Test
    void R_settings_fit_every_candidate_in_full_and_a_negative_ratio_is_refused() {
        assertThat(AutoArima.Options.r().giveUpRatio()).isZero();
        assertThat(AutoArima.Options.defaults().giveUpRatio()).isPositive();
        assertThatThrownBy(() -> new AutoArima.Options(AutoArima.Approximation.AUTO, true, true, 1.0, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("giveUpRatio was -1");
    }

    /** An ARMA(1,1) around 50 with the given AR and MA coefficients, standard normal innovations. */
    private static double[] arma(long seed, int n, double phi, double theta) {
        Random random = new Random(seed);
        double[] y = new double[n];
        double x = 0, e = 0;
        for (int t = 0; t < n; t++) {
            double eNew = random.nextGaussian();
            x = phi * x + eNew + theta * e;
            e = eNew;
            y[t] = 50 + x;
        }
        return y;
    }
}
