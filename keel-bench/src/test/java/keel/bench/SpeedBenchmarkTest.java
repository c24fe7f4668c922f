package keel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SpeedBenchmarkTest {

    @TempDir
    Path dir;

    /** Eight synthetic weekly-style series (trend, noise) in the long M4 layout. */
    private Path writeData() throws IOException {
        return SyntheticWeekly.write(dir, 8, s -> 80 + 5 * s, 200, r -> r.nextGaussian() + 0.2, 5).getParent();
    }

    private String run(String... args) throws IOException {
        SpeedBenchmark command = new SpeedBenchmark();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        command.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<String> all = new java.util.ArrayList<>(List.of("--data", writeData().toString(), "--frequency", "Weekly",
                "--warmup", "1", "--repeats", "1"));
        all.addAll(List.of(args));
        int code = new CommandLine(command).execute(all.toArray(new String[0]));
        assertThat(code).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void without_R_every_method_gets_a_single_thread_and_a_pool_line_with_its_MASE() throws IOException {
        String table = run("--methods", "ets-r,ets,arima-r,arima,theta,auto");

        assertThat(table).contains("R: skipped, not requested (add --with-r)").contains("M4 Weekly: 8 series")
                .contains("load average at start").contains("load average after Weekly");
        for (String method : List.of("ets-r", "ets", "arima-r", "arima", "theta", "auto")) {
            String line = table.lines().filter(l -> l.trim().startsWith(method + " ")).findFirst().orElseThrow();
            assertThat(line).doesNotContain("differ").doesNotContain("failed");
            String[] f = line.trim().split("\\s+");
            assertThat(Double.parseDouble(f[1])).as(method + " series/CPU-s").isPositive();
            assertThat(Double.parseDouble(f[5])).as(method + " MASE").isBetween(0.0, 10.0);
        }
    }

    @Test
    void R_runs_the_same_series_and_Keels_ets_and_thetaf_forecasts_are_Rs() throws IOException {
        assumeThat(RForecast.probe().available()).as("Rscript with the forecast package").isTrue();

        String table = run("--with-r", "--methods", "ets-r,theta", "--subset-only");

        assertThat(table).contains("forecast 8.");
        String ets = table.lines().filter(l -> l.startsWith("ets-r ")).findFirst().orElseThrow();
        String theta = table.lines().filter(l -> l.startsWith("theta ")).findFirst().orElseThrow();
        assertThat(ets).contains("all 8").endsWith("8/8");
        assertThat(theta).contains("all 8").endsWith("8/8");
        assertThat(table).contains("Goals (one core): ets >= 10x R");
    }

    @Test
    void R_output_is_read_into_timings_and_forecasts() throws IOException {
        String output = "time,ets,2,0.500\nforecast,ets,W1,1.5 2.5\nforecast,ets,W2,3 NA\ntime,theta,1,0.010\n"
                + "forecast,theta,W1,7\n";

        Map<String, RForecast.Timing> timings = RForecast.parse(new BufferedReader(new StringReader(output)));

        assertThat(timings.keySet()).containsExactly("ets", "theta");
        assertThat(timings.get("ets").seriesPerCpuSecond()).isEqualTo(4.0);
        assertThat(timings.get("ets").forecasts().get("W1")).containsExactly(1.5, 2.5);
        assertThat(timings.get("ets").forecasts().get("W2")[1]).isNaN();
        assertThat(timings.get("theta").forecasts()).containsOnlyKeys("W1");
    }

    @Test
    void a_forecast_agrees_within_a_relative_thousandth_of_Rs_largest_step() {
        assertThat(Agreement.same(new double[] {100, 200.1}, new double[] {100, 200})).isTrue();
        assertThat(Agreement.same(new double[] {100, 200.3}, new double[] {100, 200})).isFalse();
        assertThat(Agreement.same(new double[] {Double.NaN, 200}, new double[] {100, 200})).isFalse();
        assertThat(Agreement.same(null, new double[] {100})).isFalse();
    }

    @Test
    void R_runs_fewer_series_where_it_is_slow() {
        assertThat(SpeedBenchmark.defaultRLimit("Hourly", SpeedMethod.ARIMA)).isEqualTo(5);
        assertThat(SpeedBenchmark.defaultRLimit("Hourly", SpeedMethod.ETS)).isEqualTo(20);
        assertThat(SpeedBenchmark.defaultRLimit("Weekly", SpeedMethod.ARIMA)).isEqualTo(50);
        assertThat(SpeedBenchmark.defaultRLimit("Weekly", SpeedMethod.ETS)).isZero();
    }
}
