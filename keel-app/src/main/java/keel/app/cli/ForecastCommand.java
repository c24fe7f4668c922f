package keel.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import keel.app.workspace.ForecasterCatalog;
import keel.forecast.Forecast;
import keel.forecast.Forecaster;
import keel.forecast.Series;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keel forecast}: forecasts every series of a long-format file. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = {"Forecasts every series of a long-format CSV (series_id,t,value; t a whole number counting periods; "
                + "an empty value or a period without a row is missing) and writes series_id,t,model,mean and one column "
                + "per quantile (q0.025, q0.1, ...), t continuing from each series' last. A series that cannot "
                + "be forecast is named on stderr with the reason; the others are forecast.",
            "Horizon from --horizon, or per series from --meta (columns series_id, horizon and optionally "
                + "seasonal_period, as in m4_meta.csv)."})
final class ForecastCommand implements Callable<Integer> {
    @Option(names = "--train", required = true, description = "training data, long format")
    Path train;

    @Option(names = "--horizon", description = "steps to forecast for every series")
    Integer horizon;

    @Option(names = "--meta", description = "per-series horizon and seasonal period")
    Path meta;

    @Option(names = "--season", defaultValue = "1", description = "seasonal period when --meta gives none: default 1")
    int season;

    @Option(names = "--model", defaultValue = "auto", description = "a model name or auto: ${COMPLETION-CANDIDATES}",
            completionCandidates = ModelNames.class)
    String model;

    @Option(names = "--levels", defaultValue = "80,95", split = ",", description = "interval levels in percent: default ${DEFAULT-VALUE}")
    List<Double> levels;

    @Option(names = "--out", required = true, description = "output CSV")
    Path out;

    @Option(names = "--threads", description = "threads: default all cores")
    Integer threads;

    static final class ModelNames implements Iterable<String> {
        public java.util.Iterator<String> iterator() {
            return ForecasterCatalog.names().iterator();
        }
    }

    /** One series: its values at t = firstT, firstT + 1, ... (NaN where a period has no row). */
    record Job(String id, long firstT, double[] values, int horizon, int season) {
    }

    /** The most periods one series may span from its first to its last t. */
    static final int MAX_SPAN = 10_000_000;

    @Override
    public Integer call() throws Exception {
        if ((horizon == null) == (meta == null)) {
            throw new IllegalArgumentException("give exactly one of --horizon N and --meta FILE");
        }
        if (horizon != null && horizon < 1) throw new IllegalArgumentException("--horizon was " + horizon + "; expected 1 or more");
        double[] quantileLevels = quantileLevels(levels);
        Forecaster forecaster = ForecasterCatalog.byName(model, List.of(), 12);
        List<Job> jobs = read();
        String[] results = new String[jobs.size()];
        int failed = 0;
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("forecast").setInitialMax(jobs.size())
                .setStyle(System.console() != null ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(System.console() != null ? 200 : 30_000).build()) {
            List<Future<String>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    try {
                        return rows(forecaster.forecast(Series.of(job.id(), job.values(), job.season()), job.horizon(),
                                quantileLevels), job.firstT() + job.values().length);
                    } catch (RuntimeException e) {
                        return "!" + e.getMessage();
                    } finally {
                        bar.step();
                    }
                }));
            }
            for (int i = 0; i < jobs.size(); i++) results[i] = futures.get(i).get();
        } finally {
            pool.shutdownNow();
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("series_id,t,model,mean");
            for (double q : quantileLevels) w.write(",q" + java.math.BigDecimal.valueOf(q).stripTrailingZeros().toPlainString());
            w.write('\n');
            for (int i = 0; i < results.length; i++) {
                if (results[i].startsWith("!")) {
                    failed++;
                    System.err.println("keel forecast: " + results[i].substring(1));
                } else {
                    w.write(results[i]);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d series forecast with %s, %d could not be; wrote %s%n", jobs.size() - failed,
                model, failed, out);
        return failed == jobs.size() && !jobs.isEmpty() ? 1 : 0;
    }

    private static double[] quantileLevels(List<Double> levels) {
        TreeSet<Double> q = new TreeSet<>();
        for (double l : levels) {
            if (!(l > 0 && l < 100)) throw new IllegalArgumentException("--levels had " + l + "; expected percentages between 0 and 100, e.g. 80,95");
            q.add(round((1 - l / 100) / 2));
            q.add(round(1 - (1 - l / 100) / 2));
        }
        q.add(0.5);
        return q.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double round(double level) {
        return Math.rint(level * 1e9) / 1e9;
    }

    /** The forecast's rows, the first at {@code nextT}. */
    private String rows(Forecast f, long nextT) {
        StringBuilder sb = new StringBuilder();
        for (int h = 0; h < f.horizon(); h++) {
            sb.append(csv(f.seriesId())).append(',').append(nextT + h).append(',').append(csv(f.model())).append(',')
                    .append(num(f.mean(h)));
            for (int l = 0; l < f.levels().length; l++) sb.append(',').append(num(f.quantile(l, h)));
            sb.append('\n');
        }
        return sb.toString();
    }

    private List<Job> read() throws SQLException, IOException {
        if (!Files.isRegularFile(train)) throw new IllegalArgumentException(train + ": no such file; expected series_id,t,value");
        Map<String, int[]> perSeries = new LinkedHashMap<>();
        if (meta != null) {
            if (!Files.isRegularFile(meta)) throw new IllegalArgumentException(meta + ": no such file; expected series_id,horizon");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                    PreparedStatement ps = c.prepareStatement("select * from read_csv(?, header = true, all_varchar = true)")) {
                ps.setString(1, meta.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    int row = 0;
                    while (rs.next()) {
                        row++;
                        perSeries.put(rs.getString("series_id"), new int[] {integer(rs.getString("horizon"), meta, row, "horizon"),
                            hasColumn(rs, "seasonal_period") ? integer(rs.getString("seasonal_period"), meta, row, "seasonal_period") : season});
                    }
                }
            } catch (SQLException e) {
                throw new IllegalArgumentException(meta + ": " + e.getMessage().lines().findFirst().orElse("")
                        + "; expected a CSV with columns series_id and horizon", e);
            }
        }
        List<Job> jobs = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement ps = c.prepareStatement("select series_id, list(t order by t), list(try_cast(value as double) order by t) from (select *, "
                        + "row_number() over () as rn from read_csv(?, header = true, types = {'series_id': 'VARCHAR', "
                        + "'t': 'BIGINT', 'value': 'VARCHAR'})) group by series_id order by min(rn)")) {
            ps.setString(1, train.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    Object[] ts = (Object[]) rs.getArray(2).getArray();
                    Object[] raw = (Object[]) rs.getArray(3).getArray();
                    if (ts[ts.length - 1] == null) {
                        throw new IllegalArgumentException(train + ": series " + id + " has a row with an empty t; expected "
                                + "a whole number counting periods");
                    }
                    long first = ((Number) ts[0]).longValue();
                    long span = ((Number) ts[ts.length - 1]).longValue() - first + 1;
                    if (span > MAX_SPAN) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: series %s runs from t=%d to t=%d; "
                                + "expected t to count periods (at most %d from the first to the last)", train, id, first,
                                first + span - 1, MAX_SPAN));
                    }
                    double[] v = new double[(int) span];
                    java.util.Arrays.fill(v, Double.NaN);
                    long previous = Long.MIN_VALUE;
                    for (int i = 0; i < raw.length; i++) {
                        long t = ((Number) ts[i]).longValue();
                        if (t == previous) {
                            throw new IllegalArgumentException(String.format(Locale.ROOT,
                                    "%s: series %s has two rows at t=%d; expected one value per period", train, id, t));
                        }
                        previous = t;
                        if (raw[i] != null) v[(int) (t - first)] = ((Number) raw[i]).doubleValue();
                    }
                    if (span > 2L * raw.length) {
                        // e.g. t written as a date number (20240101): the series would be mostly missing periods
                        System.err.printf(Locale.ROOT, "keel forecast: series %s has rows for %d of the %d periods from "
                                + "t=%d to t=%d; the others are forecast as missing (t counts periods)%n", id, raw.length,
                                span, first, first + span - 1);
                    }
                    int[] m = perSeries.get(id);
                    if (meta != null && m == null) {
                        System.err.println("keel forecast: series " + id + " is not in " + meta + "; skipped");
                        continue;
                    }
                    jobs.add(new Job(id, first, v, m == null ? horizon : m[0], m == null ? season : m[1]));
                }
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException(train + ": " + e.getMessage().lines().findFirst().orElse("")
                    + "; expected a CSV with columns series_id,t,value", e);
        }
        return jobs;
    }

    private static boolean hasColumn(ResultSet rs, String name) throws SQLException {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) if (rs.getMetaData().getColumnName(i).equals(name)) return true;
        return false;
    }

    private static int integer(String text, Path file, int row, String column) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= 1) return v;
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        throw new IllegalArgumentException(file + " row " + row + ": " + column + " was \"" + text + "\"; expected a whole number >= 1");
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
