package keel.forecast.combine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.Forecaster;
import keel.forecast.Series;
import keel.forecast.baseline.Baselines;
import keel.forecast.smoothing.Smoothing;
import keel.forecast.theta.Theta;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CombinationTest {
    private static final double[] LEVELS = {0.1, 0.5, 0.9};
    private static final Series SERIES = Series.of("s", 1, 2, 3, 4, 5);
    // three members, two steps; quantile offsets per level
    private static final List<Forecaster> THREE = List.of(
            Fixed.of("a", new double[] {1, 2}, -1, 0, 1),
            Fixed.of("b", new double[] {2, 4}, -4, 0, 2),
            Fixed.of("c", new double[] {6, 9}, -2, 0, 9));

    @Test
    void the_mean_combination_matches_a_hand_computed_example() {
        Forecast f = Combination.mean(THREE).forecast(SERIES, 2, LEVELS);

        // means (1+2+6)/3 = 3 and (2+4+9)/3 = 5; level 0.1: ((1-1)+(2-4)+(6-2))/3 = 2/3 and ((2-1)+(4-4)+(9-2))/3 = 8/3
        // level 0.9: (2+4+15)/3 = 7 and (3+6+18)/3 = 9
        assertThat(f.mean()).containsExactly(new double[] {3, 5}, within(1e-12));
        assertThat(new double[] {f.quantile(0, 0), f.quantile(0, 1)}).containsExactly(new double[] {2.0 / 3, 8.0 / 3}, within(1e-12));
        assertThat(new double[] {f.quantile(1, 0), f.quantile(1, 1)}).containsExactly(new double[] {3, 5}, within(1e-12));
        assertThat(new double[] {f.quantile(2, 0), f.quantile(2, 1)}).containsExactly(new double[] {7, 9}, within(1e-12));
        assertThat(f.model()).isEqualTo("combo-mean");
        assertThat(f.description()).startsWith("combo-mean: mean of 3 members").contains("a: a fixed");
    }

    @Test
    void the_median_combination_matches_a_hand_computed_example() {
        Forecast f = Combination.median(THREE).forecast(SERIES, 2, LEVELS);

        // medians of {1,2,6} = 2 and {2,4,9} = 4; level 0.1: {0,-2,4} -> 0 and {1,0,7} -> 1;
        // level 0.9: {2,4,15} -> 4 and {3,6,18} -> 6
        assertThat(f.mean()).containsExactly(2, 4);
        assertThat(new double[] {f.quantile(0, 0), f.quantile(0, 1)}).containsExactly(0, 1);
        assertThat(new double[] {f.quantile(2, 0), f.quantile(2, 1)}).containsExactly(4, 6);
    }

    @Test
    void the_median_of_an_even_number_of_members_is_the_mean_of_the_middle_two() {
        List<Forecaster> four = new ArrayList<>(THREE);
        four.add(Fixed.of("d", new double[] {10, 10}, 0, 0, 0));

        Forecast f = Combination.median(four).forecast(SERIES, 2, new double[0]);

        assertThat(f.mean()).containsExactly(4, 6.5);
    }

    @Test
    void a_failing_member_is_left_out_and_named_in_the_description() {
        List<Forecaster> members = List.of(THREE.get(0), Fixed.failing("broken"), THREE.get(1),
                Fixed.of("nan", new double[] {Double.NaN, 1}, 0, 0, 0));

        Forecast f = Combination.mean(members).forecast(SERIES, 2, LEVELS);

        assertThat(f.mean()).containsExactly(1.5, 3);
        assertThat(f.description()).startsWith("combo-mean: mean of 2 members")
                .contains("left out: broken failed: series s: broken cannot fit this series")
                .contains("nan gave a non-finite point forecast at step 1");
    }

    @Test
    void when_every_member_fails_the_exception_names_the_series_and_each_reason() {
        Combination c = Combination.median(List.of(Fixed.failing("x"), Fixed.failing("y")));

        assertThatThrownBy(() -> c.forecast(SERIES, 3, LEVELS)).isInstanceOf(ForecastException.class)
                .hasMessageContaining("series s: combo-median: every member failed")
                .hasMessageContaining("x failed").hasMessageContaining("y failed");
    }

    @Test
    void members_must_exist_and_have_distinct_names() {
        assertThatThrownBy(() -> Combination.mean(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no members");
        assertThatThrownBy(() -> Combination.mean(List.of(THREE.get(0), THREE.get(0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share a name");
    }

    @Test
    void quantiles_are_sorted_even_when_a_member_gives_crossing_ones() {
        // a member whose quantiles cross (0.1 above 0.9) must not make the combination cross
        Forecaster crossing = Fixed.of("crossing", new double[] {5, 5}, 3, 0, -3);

        Forecast f = Combination.mean(List.of(crossing, THREE.get(0))).forecast(SERIES, 2, LEVELS);

        for (int h = 0; h < 2; h++) {
            assertThat(f.quantile(0, h)).isLessThanOrEqualTo(f.quantile(1, h));
            assertThat(f.quantile(1, h)).isLessThanOrEqualTo(f.quantile(2, h));
        }
    }

    @Test
    void concurrent_calls_give_the_sequential_results() throws Exception {
        Combination c = Combination.median(List.of(Baselines.naive(), Smoothing.ses(), Theta.thetaf()));
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < 16; i++) series.add(CombinationPropertiesTest.randomSeries(i));
        List<double[]> sequential = new ArrayList<>();
        for (Series s : series) sequential.add(c.forecast(s, 6, LEVELS).mean());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> parallel = new ArrayList<>();
            for (Series s : series) parallel.add(pool.submit(() -> c.forecast(s, 6, LEVELS).mean()));

            for (int i = 0; i < series.size(); i++) assertThat(parallel.get(i).get()).containsExactly(sequential.get(i));
        } finally {
            pool.shutdownNow();
        }
    }
}
