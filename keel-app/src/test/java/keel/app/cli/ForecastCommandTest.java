package keel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ForecastCommandTest {
    @TempDir Path dir;

    /** Runs keel with {@code args}, what it writes to stderr going to {@code err}. */
    private static int keel(ByteArrayOutputStream err, String... args) {
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return KeelCommand.commandLine().execute(args);
        } finally {
            System.setErr(before);
        }
    }

    /**
     * Writes {@code csv} as the training file, runs {@code keel forecast} at 80% intervals with {@code options},
     * checks it exits 0 and returns the output's lines.
     */
    private List<String> forecast(CharSequence csv, String... options) throws java.io.IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), csv.toString());
        Path out = dir.resolve("out.csv");
        List<String> args = new java.util.ArrayList<>(List.of("forecast", "--train", train.toString(), "--levels", "80",
                "--out", out.toString()));
        args.addAll(List.of(options));
        assertThat(KeelCommand.commandLine().execute(args.toArray(String[]::new))).isZero();
        return Files.readAllLines(out);
    }

    /** The fields of one output line (RFC 4180: a quoted field may hold commas and doubled quotes). */
    static List<String> fields(String line) {
        List<String> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"((?:[^\"]|\"\")*)\"|([^,]*)").matcher(line);
        int at = 0;
        while (at <= line.length() && m.find(at)) {
            out.add(m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2));
            at = m.end() + 1;
        }
        return out;
    }

    @Test
    void every_series_gets_its_horizon_with_one_column_per_quantile_and_a_bad_series_is_named() throws Exception {
        StringBuilder csv = new StringBuilder("series_id,t,value\n");
        for (int t = 1; t <= 40; t++) csv.append("a,").append(t).append(',').append(10 + t % 3).append('\n');
        for (int t = 1; t <= 40; t++) csv.append("b,").append(t).append(',').append(t % 5 == 0 ? "4" : "0").append('\n');
        csv.append("c,1,\nc,2,\n");
        Path train = Files.writeString(dir.resolve("train.csv"), csv.toString());
        Path out = dir.resolve("out.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = keel(err, "forecast", "--train", train.toString(), "--horizon", "3",
                "--model", "ses", "--levels", "80", "--out", out.toString(), "--threads", "2");

        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("series_id,t,model,mean,q0.1,q0.5,q0.9");
        assertThat(lines).hasSize(1 + 2 * 3);
        assertThat(lines.get(1)).startsWith("a,41,ses,");
        assertThat(lines.get(4)).startsWith("b,41,ses,");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("series c");
    }

    @Test
    void the_ensemble_model_forecasts_regular_series_and_says_what_it_chose() throws Exception {
        StringBuilder csv = new StringBuilder("series_id,t,value\n");
        for (int t = 1; t <= 60; t++) csv.append("w,").append(t).append(',').append(100 + t + 5 * Math.sin(t)).append('\n');

        List<String> lines = forecast(csv, "--horizon", "4", "--model", "ensemble", "--threads", "1");

        assertThat(lines).hasSize(1 + 4);
        assertThat(lines.get(1)).startsWith("w,61,");
        assertThat(fields(lines.get(1)).get(2)).matches("combo-mean|combo-median|arima|ETS.*|theta-.*");
    }

    @Test
    void auto_routes_a_regular_series_to_the_ensemble_and_an_intermittent_one_to_the_intermittent_selection()
            throws Exception {
        StringBuilder csv = new StringBuilder("series_id,t,value\n");
        for (int t = 1; t <= 60; t++) csv.append("w,").append(t).append(',').append(100 + t + 5 * Math.sin(t)).append('\n');
        for (int t = 1; t <= 60; t++) csv.append("i,").append(t).append(',').append(t % 5 == 0 ? 2 : 0).append('\n');

        List<String> lines = forecast(csv, "--horizon", "4", "--model", "auto", "--threads", "2");

        assertThat(lines).hasSize(1 + 8);
        assertThat(lines.stream().filter(l -> l.startsWith("w,")).map(l -> fields(l).get(2)))
                .allMatch(m -> m.matches("combo-mean|combo-median|arima|ETS.*|theta-.*"));
        assertThat(lines.stream().filter(l -> l.startsWith("i,")).map(l -> fields(l).get(2)))
                .allMatch(m -> m.matches("naive|mean|ses|croston|sba|tsb|adida|imapa|zero"));
    }

    @Test
    void forecasts_continue_from_each_series_last_t_and_a_missing_period_stays_missing() throws Exception {
        StringBuilder csv = new StringBuilder("series_id,t,value\n");
        for (int t = 101; t <= 160; t++) {
            if (t == 130) continue; // no row: a missing period, not a shorter series
            csv.append("\"late, start\",").append(t).append(',').append(50 + t % 7 + 0.01 * t).append('\n');
        }

        List<String> lines = forecast(csv, "--horizon", "2", "--model", "ets", "--threads", "1");

        assertThat(lines).hasSize(1 + 2);
        // the id and the model name (ETS(.,.,.)) hold commas, so both are quoted: seven fields per row
        assertThat(lines.get(1)).matches("\"late, start\",161,\"ETS\\([AM],[NA]d?,[NAM]\\)\",[^,]+,[^,]+,[^,]+,[^,]+");
        assertThat(fields(lines.get(1))).hasSize(7).startsWith("late, start", "161");
        assertThat(lines.get(2)).startsWith("\"late, start\",162,");
    }

    @Test
    void a_series_mostly_without_rows_is_forecast_and_named_on_stderr() throws Exception {
        StringBuilder csv = new StringBuilder("series_id,t,value\n");
        for (int day = 1; day <= 28; day++) csv.append("d,202401").append(day < 10 ? "0" : "").append(day).append(",5\n");
        csv.append("d,20240201,6\n");
        Path train = Files.writeString(dir.resolve("train.csv"), csv.toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = keel(err, "forecast", "--train", train.toString(), "--horizon", "1", "--model", "naive", "--out",
                dir.resolve("out.csv").toString());

        assertThat(code).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("series d has rows for 29 of the 101 periods from "
                + "t=20240101 to t=20240201; the others are forecast as missing (t counts periods)");
    }

    @Test
    void two_rows_for_one_period_are_refused_with_the_series_and_t() throws Exception {
        Path train = Files.writeString(dir.resolve("train.csv"), "series_id,t,value\na,1,3\na,2,4\na,2,5\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = keel(err, "forecast", "--train", train.toString(), "--horizon", "2",
                "--model", "naive", "--out", dir.resolve("out.csv").toString());

        assertThat(code).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("series a has two rows at t=2");
        assertThat(dir.resolve("out.csv")).doesNotExist();
    }

    @Test
    void giving_neither_horizon_nor_meta_is_a_usage_error() {
        int code = KeelCommand.commandLine().execute("forecast", "--train", "x.csv", "--out", "y.csv");

        assertThat(code).isEqualTo(2);
    }
}
