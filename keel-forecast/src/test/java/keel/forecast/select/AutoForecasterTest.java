package keel.forecast.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import keel.forecast.Distributions;
import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.Forecaster;
import keel.forecast.Series;
import keel.forecast.baseline.Baselines;
import keel.forecast.intermittent.Intermittent;
import keel.forecast.smoothing.Smoothing;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AutoForecasterTest {
    private static final double[] LEVELS = {0.5, 0.8, 0.9, 0.95, 0.99};
    private static final AutoForecaster AUTO = AutoForecaster.withDefaults();

    @Test
    void an_intermittent_series_gets_a_model_and_a_description_that_says_why() {
        Series s = intermittent("store-1/sku-9", 200, 7);

        Forecast f = AUTO.forecast(s, 14, LEVELS);

        assertThat(f.description())
                .startsWith(f.model() + ": lowest backtest MAE of the 14-step total over 12 origins (")
                .contains(" vs ")
                .contains("Quantiles: negative binomial");
        assertThat(f.model()).isIn("naive", "snaive", "mean", "ses", "sba", "tsb", "adida");
        assertThat(f.totalQuantiles()).isPresent();
        assertThat(f.parameters()).containsKeys("backtestOrigins", "backtestScaledMae", "backtestTotalMse");
    }

    @Test
    void total_quantiles_are_the_negative_binomial_fitted_to_the_total_and_the_t_predictive_variance() {
        Series s = intermittent("s", 200, 3);

        Forecast f = AUTO.forecast(s, 14, LEVELS);

        double mse = f.parameters().get("selectionTotalMse");
        double windows = f.parameters().get("backtestWindows");
        double variance = Math.max(mse * windows / (windows - 2), f.parameters().get("historyTotalVariance"));
        double[] expected = new double[LEVELS.length];
        Distributions.countQuantiles(f.meanTotal(), variance, LEVELS, expected);
        assertThat(windows).isEqualTo(1 + (12 - 1) * 7 / 14); // 12 origins 7 apart (n = 200, half kept to train)
        assertThat(f.parameters().get("totalVariance")).isCloseTo(variance, within(1e-12));
        assertThat(f.totalQuantiles().orElseThrow()).containsExactly(expected);
        assertThat(variance).isGreaterThan(f.meanTotal()); // overdispersed, hence negative binomial
    }

    @Test
    void the_spread_comes_from_leave_one_origin_out_selection_not_from_the_winner_alone() {
        Backtest a = new Backtest("a", 1, new int[] {10, 9, 8}, new double[][] {{1}, {1}, {10}});
        Backtest b = new Backtest("b", 1, new int[] {10, 9, 8}, new double[][] {{4}, {4}, {4}});

        SelectionErrors honest = SelectionErrors.of(new Backtest[] {a, b}, new boolean[2]);

        // a wins overall (MAE 4 vs 4: tie, listed first); leaving out origin 3, a still wins (1 vs 4)
        // and errs by 10 there; leaving out origin 1 or 2, a has MAE 5.5 and b 4, so b errs by 4
        assertThat(honest.totalMse()).isCloseTo((16 + 16 + 100) / 3.0, within(1e-12));
        assertThat(a.totalMse()).isCloseTo((1 + 1 + 100) / 3.0, within(1e-12));
    }

    @Test
    void the_history_spread_is_half_the_variance_of_totals_one_horizon_apart() {
        Series alternating = Series.of("s", 1, 3, 1, 3, 1, 3);
        Series trend = Series.of("s", 1, 2, 3, 4, 5, 6, 7, 8);

        // differences 2, -2, 2, -2, 2: mean 0.4, variance 19.2 / 4 = 4.8, half of it 2.4
        assertThat(Selection.historySpread(alternating, 1)).isCloseTo(2.4, within(1e-12));
        // totals of 2 rise by 4 every 2 periods: no spread left once the trend is taken out
        assertThat(Selection.historySpread(trend, 2)).isCloseTo(0, within(1e-12));
        assertThat(Selection.historySpread(Series.of("s", 1, 2, 3), 2)).isEqualTo(0);
    }

    @Test
    void spiky_demand_gets_at_least_the_spread_its_history_shows() {
        double[] y = new double[200];
        for (int t = 0; t < y.length; t++) {
            y[t] = t % 3 == 0 ? 1 : 0;
        }
        y[20] = 500;    // rare wholesale orders, both before the backtest windows
        y[61] = 400;

        Forecast f = AUTO.forecast(Series.of("s", y), 7, LEVELS);

        assertThat(f.parameters().get("totalVariance")).isGreaterThanOrEqualTo(f.parameters().get("historyTotalVariance"));
        assertThat(f.description()).contains("the spread of 7-period totals over the history");
    }

    @Test
    void the_predictive_factor_is_the_variance_of_student_t() {
        assertThat(Selection.predictiveFactor(12)).isCloseTo(1.2, within(1e-15));
        assertThat(Selection.predictiveFactor(1)).isEqualTo(3.0);
    }

    @Test
    void backtest_mse_of_totals_is_the_chosen_models_own() {
        Series s = intermittent("s", 160, 11);
        Forecast f = AUTO.forecast(s, 7, LEVELS);
        int[] lengths = OriginPlan.trainingLengths(160 - leadingZeros(s), 7, 12, 4, 14);
        Forecaster chosen = AutoForecaster.defaultCandidates().stream()
                .filter(c -> c.name().equals(f.model())).findFirst().orElseThrow();

        Backtest bt = Backtest.run(chosen, trimmed(s), 7, lengths);

        assertThat(f.parameters().get("backtestTotalMse")).isCloseTo(bt.totalMse(), within(1e-12));
    }

    @Test
    void non_count_data_get_normal_quantiles_centred_on_the_forecast() {
        SplittableRandom r = new SplittableRandom(5);
        double[] y = new double[120];
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + 10 * r.nextDouble();
        }

        Forecast f = AUTO.forecast(Series.of("s", y), 5, LEVELS);

        assertThat(f.description()).contains("Quantiles: normal");
        assertThat(f.totalQuantiles().orElseThrow()[0]).isCloseTo(f.meanTotal(), within(1e-9));
    }

    @Test
    void a_series_without_demand_gets_a_zero_forecast_not_an_exception() {
        Forecast f = AUTO.forecast(Series.of("s", new double[100]), 7, LEVELS);

        assertThat(f.model()).isEqualTo("zero");
        assertThat(f.mean()).containsOnly(0.0);
        assertThat(f.totalQuantiles().orElseThrow()).containsOnly(0.0);
        assertThat(f.description()).contains("no demand in 100 observed periods");
    }

    @Test
    void leading_zeros_are_dropped_and_the_description_says_so() {
        double[] y = new double[250];
        double[] tail = intermittent("s", 150, 2).values();
        tail[0] = 3;
        System.arraycopy(tail, 0, y, 100, 150);

        Forecast f = AUTO.forecast(Series.of("s", y), 7, LEVELS);

        assertThat(f.description()).contains("Dropped 100 leading zero or missing values");
    }

    @Test
    void a_constant_series_is_forecast_flat_by_the_first_listed_of_the_tied_models() {
        double[] y = new double[60];
        java.util.Arrays.fill(y, 2.5);

        Forecast f = AUTO.forecast(Series.of("s", y), 4, LEVELS);

        assertThat(f.model()).isEqualTo("naive");
        assertThat(f.mean()).containsOnly(2.5);
        assertThat(f.totalQuantiles().orElseThrow()).containsOnly(10.0); // no backtest error, non-count
    }

    @Test
    void a_constant_count_series_gets_poisson_quantiles() {
        double[] y = new double[60];
        java.util.Arrays.fill(y, 3);

        Forecast f = AUTO.forecast(Series.of("s", y), 4, LEVELS);

        assertThat(f.description()).contains("Quantiles: Poisson");
        assertThat(f.totalQuantiles().orElseThrow()[0]).isEqualTo(12.0);
        assertThat(f.totalQuantiles().orElseThrow()[4]).isGreaterThan(12.0);
    }

    @Test
    void missing_and_infinite_values_do_not_stop_the_forecast() {
        double[] y = intermittent("s", 150, 4).values();
        y[0] = 2;
        y[30] = Double.NaN;
        y[77] = Double.POSITIVE_INFINITY;
        y[149] = Double.NaN;

        Forecast f = AUTO.forecast(Series.of("s", y), 7, LEVELS);

        assertThat(f.meanTotal()).isFinite();
        assertThat(f.description()).contains("Treated 1 infinite values as missing");
    }

    @Test
    void a_series_whose_recent_values_are_all_missing_is_refused_with_one_reason() {
        double[] y = intermittent("s", 60, 2).values();
        java.util.Arrays.fill(y, 20, 60, Double.NaN);

        assertThatThrownBy(() -> AUTO.forecast(Series.of("part-9", y), 12, LEVELS))
                .isInstanceOf(ForecastException.class)
                .hasMessageContaining("part-9: no candidate could forecast it: no backtest window without missing values"
                        + " (all 6 candidates)");
    }

    @Test
    void a_series_too_short_to_backtest_is_refused_with_what_it_needs() {
        Series s = Series.of("store-3/sku-1", 1, 0, 2, 0, 1, 3, 0, 1, 2, 0);

        assertThatThrownBy(() -> AUTO.forecast(s, 7, LEVELS))
                .isInstanceOf(ForecastException.class)
                .hasMessageContaining("store-3/sku-1")
                .hasMessageContaining("has 10 usable observations")
                .hasMessageContaining("auto needs at least 18");
    }

    @Test
    void a_season_longer_than_the_history_only_rules_out_seasonal_naive() {
        double[] y = intermittent("s", 200, 6).values();

        Forecast f = AUTO.forecast(Series.of("s", y, 365), 14, LEVELS);

        assertThat(f.description()).contains("Skipped snaive: failed on the first")
                .contains("snaive needs at least 365");
    }

    @Test
    void an_all_missing_series_is_refused() {
        Series s = Series.of("s", Double.NaN, Double.NaN);

        assertThatThrownBy(() -> AUTO.forecast(s, 7, LEVELS))
                .isInstanceOf(ForecastException.class)
                .hasMessageContaining("all 2 values are missing");
    }

    @Test
    void a_failing_candidate_is_skipped_and_named() {
        AutoForecaster auto = new AutoForecaster(List.of(failing("broken"), Baselines.naive(), Smoothing.ses()),
                AutoForecaster.Settings.defaults());

        Forecast f = auto.forecast(intermittent("s", 120, 1), 7, LEVELS);

        assertThat(f.model()).isIn("naive", "ses");
        assertThat(f.description()).contains("Skipped broken: failed on the first").contains("model broke");
    }

    @Test
    void a_candidate_that_forecasts_nan_is_skipped() {
        AutoForecaster auto = new AutoForecaster(List.of(constant("nan", Double.NaN), Baselines.mean()),
                AutoForecaster.Settings.defaults());

        Forecast f = auto.forecast(intermittent("s", 120, 1), 7, LEVELS);

        assertThat(f.model()).isEqualTo("mean");
        assertThat(f.description()).contains("Skipped nan: forecast a non-finite value");
    }

    @Test
    void when_no_candidate_can_forecast_the_exception_names_the_series_and_each_reason() {
        AutoForecaster auto = new AutoForecaster(List.of(failing("a"), constant("b", Double.POSITIVE_INFINITY)),
                AutoForecaster.Settings.defaults());

        assertThatThrownBy(() -> auto.forecast(intermittent("sku-7", 120, 1), 7, LEVELS))
                .isInstanceOf(ForecastException.class)
                .hasMessageContaining("sku-7")
                .hasMessageContaining("no candidate could forecast it: a failed")
                .hasMessageContaining("b forecast a non-finite value");
    }

    @Test
    void ties_go_to_the_candidate_listed_first() {
        AutoForecaster auto = new AutoForecaster(List.of(renamed("second", Intermittent.sba()), Intermittent.sba()),
                AutoForecaster.Settings.defaults());

        Forecast f = auto.forecast(intermittent("s", 120, 1), 7, LEVELS);

        assertThat(f.description()).startsWith("second: ").contains("tied with sba: the candidate listed first wins");
    }

    @Test
    void a_strongly_seasonal_series_picks_seasonal_naive() {
        double[] y = new double[140];
        for (int t = 0; t < y.length; t++) {
            y[t] = t % 7 == 5 ? 40 : t % 7 == 6 ? 30 : 2;
        }

        Forecast f = AUTO.forecast(Series.of("s", y, 7), 7, LEVELS);

        assertThat(f.model()).isEqualTo("snaive");
        assertThat(f.mean(5)).isEqualTo(40);
    }

    @Test
    void negative_values_are_kept_when_non_negative_is_off() {
        SplittableRandom r = new SplittableRandom(9);
        double[] y = new double[80];
        for (int t = 0; t < y.length; t++) {
            y[t] = -20 + r.nextDouble();
        }
        AutoForecaster auto = new AutoForecaster(AutoForecaster.defaultCandidates(),
                new AutoForecaster.Settings(12, 4, 0, false, true));

        Forecast f = auto.forecast(Series.of("s", y), 3, LEVELS);

        assertThat(f.mean(0)).isLessThan(-19);
        assertThat(f.totalQuantiles().orElseThrow()[4]).isLessThan(0);
    }

    @Test
    void the_same_input_gives_the_same_forecast_from_many_threads() throws Exception {
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            series.add(intermittent("s" + i, 150, i));
        }
        List<Forecast> sequential = new ArrayList<>();
        for (Series s : series) {
            sequential.add(AUTO.forecast(s, 14, LEVELS));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Forecast>> parallel = new ArrayList<>();
        try {
            for (Series s : series) {
                parallel.add(pool.submit(() -> AUTO.forecast(s, 14, LEVELS)));
            }

            for (int i = 0; i < series.size(); i++) {
                Forecast a = sequential.get(i);
                Forecast b = parallel.get(i).get();
                assertThat(b.mean()).containsExactly(a.mean());
                assertThat(b.totalQuantiles().orElseThrow()).containsExactly(a.totalQuantiles().orElseThrow());
                assertThat(b.description()).isEqualTo(a.description());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void settings_are_checked_when_made() {
        assertThatThrownBy(() -> new AutoForecaster.Settings(3, 4, 0, true, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minOrigins was 4");
        assertThatThrownBy(() -> new AutoForecaster(List.of(Baselines.naive(), Baselines.naive()),
                AutoForecaster.Settings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two candidates are named naive");
    }

    /** Poisson-like demand on about 30% of periods, sizes 1..6; starts with a demand. */
    static Series intermittent(String id, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = t == 0 || r.nextDouble() < 0.3 ? 1 + r.nextInt(6) : 0;
        }
        return Series.of(id, y, 7);
    }

    private static int leadingZeros(Series s) {
        int i = 0;
        while (s.value(i) == 0) {
            i++;
        }
        return i;
    }

    private static Series trimmed(Series s) {
        double[] y = s.values();
        return Series.of(s.id(), java.util.Arrays.copyOfRange(y, leadingZeros(s), y.length), s.seasonalPeriod());
    }

    private static Forecaster failing(String name) {
        return new Forecaster() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Forecast forecast(Series series, int horizon, double[] levels) {
                throw new ForecastException(series.id(), "model broke");
            }
        };
    }

    private static Forecaster constant(String name, double value) {
        return new Forecaster() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Forecast forecast(Series series, int horizon, double[] levels) {
                double[] mean = new double[horizon];
                java.util.Arrays.fill(mean, value);
                return Forecast.builder(series.id(), name).mean(mean).build();
            }
        };
    }

    private static Forecaster renamed(String name, Forecaster inner) {
        return new Forecaster() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Forecast forecast(Series series, int horizon, double[] levels) {
                Forecast f = inner.forecast(series, horizon, levels);
                return Forecast.builder(series.id(), name).mean(f.mean()).build();
            }
        };
    }
}
