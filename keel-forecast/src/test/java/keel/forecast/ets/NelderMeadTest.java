package keel.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NelderMeadTest {

    @Test
    void rosenbrock_from_r_optim_documentation_gives_the_same_point_and_count_as_r() {
        // R 4.x: optim(c(-1.2, 1), fr) -> par 1.00026013872567 1.00050599930377,
        // value 8.82524109672275e-08, counts 195 (maxit 500 is optim's Nelder-Mead default)
        NelderMead nm = new NelderMead(1, 0.5, 2, Math.sqrt(Math.ulp(1.0)), 500);

        NelderMead.Result r = nm.minimize(x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2),
                new double[] {-1.2, 1});

        assertThat(r.x()[0]).isCloseTo(1.00026013872567, within(1e-12));
        assertThat(r.x()[1]).isCloseTo(1.00050599930377, within(1e-12));
        assertThat(r.value()).isCloseTo(8.82524109672275e-08, within(1e-18));
        assertThat(r.evaluations()).isEqualTo(195);
    }

    @Test
    void infeasible_points_are_avoided() {
        NelderMead nm = NelderMead.rDefaults();

        NelderMead.Result r = nm.minimize(
                x -> x[0] < 1.5 ? Double.POSITIVE_INFINITY : (x[0] - 1) * (x[0] - 1) + (x[1] - 3) * (x[1] - 3),
                new double[] {2, 2});

        assertThat(r.x()[0]).isGreaterThanOrEqualTo(1.5).isCloseTo(1.5, within(1e-3));
        assertThat(r.x()[1]).isCloseTo(3, within(0.05));
    }

    @Test
    void a_start_that_cannot_be_evaluated_is_rejected_as_r_does() {
        NelderMead nm = NelderMead.rDefaults();

        assertThatThrownBy(() -> nm.minimize(x -> Double.NaN, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initial parameters");
    }
}
