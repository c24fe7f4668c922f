package keel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import keel.forecast.ets.EtsOptions;
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
        Path m4 = Files.createDirectories(dir.resolve("m4"));
        StringBuilder train = new StringBuilder("series_id,t,value\n");
        StringBuilder test = new StringBuilder("series_id,t,value\n");
        StringBuilder meta = new StringBuilder("series_id,frequency,seasonal_period,horizon,n_train\n");
        SplittableRandom random = new SplittableRandom(3);
        for (int s = 1; s <= 10; s++) {
            int n = 60 + s;
            double level = 100;
            for (int t = 1; t <= n + 13; t++) {
                level += random.nextDouble() - 0.45;
                (t <= n ? train : test).append("W").append(s).append(',').append(t).append(',').append(level).append('\n');
            }
            meta.append("W").append(s).append(",Weekly,1,13,").append(n).append('\n');
        }
        Files.writeString(m4.resolve("m4_weekly_train.csv"), train);
        Files.writeString(m4.resolve("m4_weekly_test.csv"), test);
        Files.writeString(m4.resolve("m4_meta.csv"), meta);
        return m4;
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
}
