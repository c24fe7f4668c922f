package keel.forecast.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import keel.forecast.Forecast;
import keel.forecast.Series;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SelectionSettingsTest {
    static final double[] LEVELS = {0.1, 0.5, 0.9, 0.95};

    static Series intermittent(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[120];
        for (int i = 0; i < v.length; i++) v[i] = r.nextDouble() < 0.3 ? 1 + r.nextInt(6) : 0;
        return Series.of("s" + seed, v, 1);
    }

    static Forecast forecast(Series s, AutoForecaster.Settings settings) {
        return new AutoForecaster(AutoForecaster.defaultCandidates(), settings).forecast(s, 2, LEVELS);
    }

    @Test
    void rmse_selection_says_so_in_the_description() {
        AutoForecaster.Settings rmse = AutoForecaster.Settings.defaults().with(AutoForecaster.SelectionLoss.RMSE);

        assertThat(forecast(intermittent(1), rmse).description()).contains("lowest backtest RMSE of the 2-step total");
        assertThat(forecast(intermittent(1), AutoForecaster.Settings.defaults()).description())
                .contains("lowest backtest MAE of the 2-step total");
    }

    @Test
    void the_backtest_spread_is_never_wider_than_the_conservative_one_for_the_same_model() {
        for (long seed = 1; seed <= 30; seed++) {
            AutoForecaster.Settings conservative = AutoForecaster.Settings.defaults();
            AutoForecaster.Settings sharp = conservative.with(AutoForecaster.Spread.BACKTEST);

            Forecast wide = forecast(intermittent(seed), conservative);
            Forecast narrow = forecast(intermittent(seed), sharp);

            assertThat(narrow.model()).isEqualTo(wide.model());
            assertThat(narrow.meanTotal()).isEqualTo(wide.meanTotal());
            assertThat(narrow.totalQuantiles().orElseThrow()[3]).isLessThanOrEqualTo(wide.totalQuantiles().orElseThrow()[3]);
            assertThat(narrow.description()).contains("the chosen model's backtest mean squared error");
        }
    }
}
