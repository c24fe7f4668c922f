package keel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import keel.forecast.Forecaster;
import keel.forecast.Series;
import keel.forecast.accuracy.Accuracy;
import keel.forecast.arima.AutoArima;
import keel.forecast.combine.Combination;
import keel.forecast.ets.Ets;
import keel.forecast.ets.EtsOptions;
import keel.forecast.theta.Theta;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AccuracyBenchmarkTest {

    @TempDir
    Path dir;

    /** Ten synthetic weekly-style series in the long M4 layout. */
    private Path writeData() throws IOException {
        return SyntheticWeekly.write(dir, 10, s -> 60 + s, 100, r -> r.nextDouble() - 0.45, 3);
    }

    @Test
    void scores_do_not_depend_on_the_thread_count() throws Exception {
        M4Data data = M4Data.load(writeData(), "Weekly");
        List<BenchMethod> groups = List.of(BenchMethod.M4, BenchMethod.ETS);

        AccuracyBenchmark.Scores one = AccuracyBenchmark.run(data.series(), groups, 1, EtsOptions.R);
        AccuracyBenchmark.Scores two = AccuracyBenchmark.run(data.series(), groups, 2, EtsOptions.R);

        assertThat(two.smape()).containsExactly(one.smape());
        assertThat(two.mase()).containsExactly(one.mase());
        assertThat(one.labels()).contains("Naive2", "Comb S-H-D", "AutoETS");
    }

    @Test
    void the_table_shows_published_figures_and_relative_differences() throws Exception {
        M4Data data = M4Data.load(writeData(), "Weekly");
        AccuracyBenchmark.Scores scores = AccuracyBenchmark.run(data.series(), List.of(BenchMethod.M4), 2, EtsOptions.R);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        AccuracyBenchmark.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "Weekly", data.series(), scores, 1.0);

        String table = bytes.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("M4 Weekly: 10 series, h=13, m=1").contains("9.161").contains("%");
        assertThat(table.lines().filter(l -> l.startsWith("Naive2")).findFirst().orElseThrow()).contains("1.000");
    }

    @Test
    void arima_combo_and_auto_groups_score_every_series_the_same_with_one_or_two_threads() throws Exception {
        M4Data data = M4Data.load(writeData(), "Weekly");
        List<BenchMethod> groups = List.of(BenchMethod.M4, BenchMethod.ARIMA, BenchMethod.COMBO, BenchMethod.AUTO);

        AccuracyBenchmark.Scores one = AccuracyBenchmark.run(data.series(), groups, 1, EtsOptions.R);
        AccuracyBenchmark.Scores two = AccuracyBenchmark.run(data.series(), groups, 2, EtsOptions.R);

        assertThat(one.labels()).contains("AutoARIMA", "Combo mean", "Combo median", "Auto", "Auto combos", "Auto all");
        assertThat(two.smape()).containsExactly(one.smape());
        assertThat(two.mase()).containsExactly(one.mase());
        assertThat(one.failures()).containsOnly(0);
    }

    @Test
    void the_cached_members_give_the_combination_fitted_from_scratch() throws Exception {
        M4Data data = M4Data.load(writeData(), "Weekly");
        M4Data.M4Series s = data.series().get(4);
        List<Forecaster> fresh = List.of(Ets.forecaster(EtsOptions.R), new AutoArima(), Theta.auto());

        AccuracyBenchmark.Scores scores = AccuracyBenchmark.run(List.of(s), List.of(BenchMethod.ARIMA, BenchMethod.COMBO),
                1, EtsOptions.R);

        double[] mean = Combination.mean(fresh).forecast(Series.of("x", s.train(), s.period()), s.horizon(),
                new double[0]).mean();
        assertThat(scores.labels()).containsExactly("AutoARIMA", "Combo mean", "Combo median");
        assertThat(scores.smape()[1]).isEqualTo(Accuracy.smape(s.test(), mean));
        assertThat(scores.mase()[1]).isEqualTo(Accuracy.mase(s.test(), mean, s.train(), s.period()));
    }

    @Test
    void carparts_scores_only_complete_series_with_a_scale_and_naive_matches_a_hand_computation() throws Exception {
        Path parts = Files.createDirectories(dir.resolve("carparts"));
        StringBuilder train = new StringBuilder("\"series_id\",\"t\",\"value\"\n");
        StringBuilder test = new StringBuilder("\"series_id\",\"t\",\"value\"\n");
        double[][] trains = {{0, 2, 0, 1, 3}, {1, 1, 1, 1, 1}, {0, 1, 0, Double.NaN, 2}};
        for (int s = 0; s < 3; s++) {
            for (int t = 0; t < 5; t++) {
                double v = trains[s][t];
                train.append("\"p").append(s).append("\",").append(t + 1).append(',').append(Double.isNaN(v) ? "" : (int) v).append('\n');
            }
            for (int t = 0; t < 12; t++) test.append("\"p").append(s).append("\",").append(t + 6).append(',').append(t % 2).append('\n');
        }
        Files.writeString(parts.resolve("carparts_train.csv"), train);
        Files.writeString(parts.resolve("carparts_test.csv"), test);

        CarpartsBenchmark.Scores scores = CarpartsBenchmark.run(CarpartsBenchmark.load(parts),
                java.util.Map.of("naive", keel.forecast.baseline.Baselines.naive()), 2);

        // p0 only: p1 is constant (scale 0), p2 has a missing value. Naive forecasts 3; actuals
        // alternate 0, 1: MAE 2.5; scale mean |2, -2, 1, 2| = 1.75; MASE 2.5 / 1.75
        assertThat(scores.complete()).isEqualTo(2);
        assertThat(scores.scored()).isEqualTo(1);
        assertThat(scores.mase()[0]).isCloseTo(2.5 / 1.75, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(scores.pinball()[0][0]).isGreaterThan(0);
    }
}
