package keel.forecast.combine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import keel.forecast.Forecast;
import keel.forecast.Forecaster;
import keel.forecast.Series;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EnsembleTest {
    private static final double[] LEVELS = {0.1, 0.9};
    // a straight line rising by 1 a step; members forecast its last value plus a fixed shift
    private static final Series LINE = line(60);
    private static final List<Forecaster> MEMBERS = List.of(Fixed.lastPlus("low", -5, -1, 1),
            Fixed.lastPlus("high", 20, -1, 1), Fixed.lastPlus("close", 3, -2, 2));

    private static Ensemble ensemble(Ensemble.Choice choice, int origins) {
        return new Ensemble(MEMBERS, new Ensemble.Settings(Combination.Rule.MEDIAN, choice, origins, 20));
    }

    @Test
    void among_all_the_member_with_the_lowest_backtest_error_is_chosen_and_refitted_on_the_whole_series() {
        Forecast f = ensemble(Ensemble.Choice.AMONG_ALL, 2).forecast(LINE, 4, LEVELS);

        // step h of a window ahead of origin t is worth t + h; "close" forecasts t + 3: errors 2, 1, 0, 1
        // (MAE 1); the median combination (also "close") ties and is listed first, the mean
        // (last + 6) errs more
        assertThat(f.model()).isEqualTo("combo-median");
        assertThat(f.description()).startsWith("combo-median chosen as lowest backtest MAE over 2 origins (combo-median 1.000,"
                + " combo-mean 3.500, low 7.500, high 17.50, close 1.000)");
    }

    @Test
    void a_member_alone_wins_when_it_beats_both_combinations() {
        List<Forecaster> members = List.of(Fixed.lastPlus("low", -5, 0, 0), Fixed.lastPlus("high", 20, 0, 0),
                Fixed.lastPlus("close", 3, -2, 2), Fixed.lastPlus("far", 30, 0, 0));
        Ensemble e = new Ensemble(members, new Ensemble.Settings(Combination.Rule.MEDIAN, Ensemble.Choice.AMONG_ALL, 2, 20));

        Forecast f = e.forecast(LINE, 4, LEVELS);

        assertThat(f.model()).isEqualTo("close");
        assertThat(f.mean()).containsExactly(63, 63, 63, 63);
        assertThat(f.quantile(0, 0)).isEqualTo(61);
        assertThat(f.description()).contains("close chosen as lowest backtest MAE over 2 origins").contains("close fixed");
    }

    @Test
    void among_combinations_no_member_can_win() {
        Forecast f = ensemble(Ensemble.Choice.AMONG_COMBINATIONS, 2).forecast(LINE, 4, LEVELS);

        assertThat(f.model()).isEqualTo("combo-median");
        assertThat(f.description()).contains("(combo-median 1.000, combo-mean 3.500)");
    }

    @Test
    void too_short_a_series_gets_the_default_combination_and_says_why() {
        Forecast f = ensemble(Ensemble.Choice.AMONG_ALL, 2).forecast(line(22), 4, LEVELS);

        assertThat(f.model()).isEqualTo("combo-median");
        assertThat(f.description()).contains("22 observations leave no backtest origin (need 20 to train and 4 to test)");
    }

    @Test
    void origins_leave_the_minimum_training_length_and_step_back_a_horizon_each() {
        Ensemble e = ensemble(Ensemble.Choice.AMONG_ALL, 5);

        assertThat(e.trainingLengths(line(40), 4)).containsExactly(36, 32, 28, 24, 20);
        assertThat(e.trainingLengths(line(30), 4)).containsExactly(26, 22);
        assertThat(e.trainingLengths(Series.of("m", new double[60], 12), 12)).containsExactly(48, 36, 24);
    }

    @Test
    void a_member_failing_in_the_backtest_cannot_be_chosen_and_the_combination_goes_on_without_it() {
        List<Forecaster> members = List.of(Fixed.failing("broken"), Fixed.lastPlus("close", 1, 0, 0));
        Ensemble e = new Ensemble(members, new Ensemble.Settings(Combination.Rule.MEAN, Ensemble.Choice.AMONG_ALL, 1, 10));

        Forecast f = e.forecast(LINE, 1, LEVELS);

        assertThat(f.model()).isEqualTo("combo-mean");
        assertThat(f.description()).contains("broken failed, close 0.000")
                .contains("left out: broken failed: series line: broken cannot fit this series");
    }

    @Test
    void the_default_ensemble_fits_ets_arima_and_autotheta_and_gives_ordered_quantiles() {
        double[] y = new double[72];
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int t = 0; t < y.length; t++) y[t] = 50 + 0.3 * t + 8 * Math.sin(2 * Math.PI * t / 12) + r.nextGaussian();
        double[] levels = {0.05, 0.5, 0.95};

        Forecast f = Ensemble.withDefaults().forecast(Series.of("monthly", y, 12), 12, levels);

        assertThat(f.description()).contains(" chosen as lowest backtest MAE over 2 origins (combo-median ").contains(", ets ").contains(", arima ")
                .contains(", autotheta ");
        for (int h = 0; h < 12; h++) {
            assertThat(f.quantile(0, h)).isLessThanOrEqualTo(f.quantile(1, h));
            assertThat(f.quantile(1, h)).isLessThanOrEqualTo(f.quantile(2, h));
            assertThat(f.mean(h)).isBetween(f.quantile(0, h), f.quantile(2, h));
        }
    }

    @Test
    void settings_are_checked() {
        assertThatThrownBy(() -> new Ensemble.Settings(Combination.Rule.MEAN, Ensemble.Choice.AMONG_ALL, 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("origins was 0");
        assertThatThrownBy(() -> new Ensemble(List.of(Combination.mean(MEMBERS)), Ensemble.Settings.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("combo-mean");
    }

    private static Series line(int n) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) y[t] = t + 1;
        return Series.of("line", y, 1);
    }
}
