package keel.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns the bundled public data into the files a planning team would receive: a catalog, a
 * trading calendar, a history extract, then one sales file per week (online retailer) or month
 * (car parts), and one inventory snapshot per cycle written from the simulated stock.
 *
 * <p>One sales file per scenario carries deliberate defects (labelled in the demo's output) so that
 * the contracts' quarantine shows: a negative quantity, a duplicated row, an unknown item, a date
 * that is not a date and a quantity written in words.
 */
final class DemoData implements AutoCloseable {
    static final String[] FILES = {"online_retail_daily.csv.gz", "online_retail_items.csv",
        "online_retail_trading_days.csv", "carparts_train.csv", "carparts_test.csv", "NOTICE.md"};

    private final Path source;
    private final Path inbox;
    private final int maxItems;
    /** One in-memory DuckDB holding the source tables, read once: each file written is a query on them. */
    private final Connection db;
    private boolean retailLoaded;
    private boolean partsLoaded;

    private DemoData(Path source, Path inbox, int maxItems) throws SQLException {
        this.source = source;
        this.inbox = inbox;
        this.maxItems = maxItems;
        this.db = DriverManager.getConnection("jdbc:duckdb:");
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing the demo's DuckDB failed", e);
        }
    }

    /**
     * Copies the bundled data into {@code out/source} and prepares {@code out/inbox}.
     *
     * @param maxItems keep only the first this many items (by id) of each data set; 0 keeps all
     */
    static DemoData extract(Path out, int maxItems) throws IOException {
        Path source = Files.createDirectories(out.resolve("source"));
        for (String f : FILES) {
            try (InputStream in = DemoData.class.getResourceAsStream("/keel/demo/data/" + f)) {
                if (in == null) throw new IllegalStateException("bundled demo file " + f + " is missing from the jar");
                Files.copy(in, source.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try {
            return new DemoData(source, Files.createDirectories(out.resolve("inbox")), maxItems);
        } catch (SQLException e) {
            throw new IllegalStateException("demo data: DuckDB did not start: " + e.getMessage(), e);
        }
    }

    Path inbox() {
        return inbox;
    }

    private String src(String file) {
        return "'" + source.resolve(file).toAbsolutePath().toString().replace("'", "''") + "'";
    }

    private Path copy(String select, String name) {
        Path target = inbox.resolve(name);
        sql("COPY (" + select + ") TO '" + target.toAbsolutePath().toString().replace("'", "''")
                + "' (HEADER, DELIMITER ',')");
        return target;
    }

    private void sql(String statement) {
        try (Statement st = db.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("demo data: " + e.getMessage(), e);
        }
    }

    // ---- online retailer ---------------------------------------------------------------------

    private String retailDaily() {
        if (!retailLoaded) {
            String all = "read_csv(" + src("online_retail_daily.csv.gz") + ", types={'item_id': 'VARCHAR'})";
            sql("create table retail as select * from " + all + (maxItems == 0 ? "" : " where item_id in (select distinct "
                    + "item_id from " + all + " order by item_id limit " + maxItems + ")"));
            retailLoaded = true;
        }
        return "retail";
    }

    /** Items with their median realised selling price over the whole year (the retailer's list price). */
    Path retailCatalog() {
        return copy("select i.item_id, i.description, round(median(d.price), 2) as unit_price from read_csv("
                + src("online_retail_items.csv") + ", types={'item_id': 'VARCHAR'}) i join " + retailDaily()
                + " d on d.item_id = i.item_id where d.price > 0 group by 1, 2 order by 1", "online-catalog.csv");
    }

    Path retailCalendar() {
        return copy("select date from read_csv(" + src("online_retail_trading_days.csv") + ") order by 1",
                "online-calendar.csv");
    }

    /** Sales from {@code from} (inclusive) to {@code to} (exclusive). */
    Path retailSales(LocalDate from, LocalDate to, String name) {
        return copy("select item_id, store_id, date, units, price from " + retailDaily() + " where date >= DATE '" + from
                + "' and date < DATE '" + to + "' and units > 0 order by date, item_id", name);
    }

    /** True weekly demand per item from {@code start} for {@code weeks} weeks (zeros filled). */
    Map<String, double[]> retailWeeklyDemand(LocalDate start, int weeks) {
        Map<String, double[]> out = new HashMap<>();
        String q = "select item_id, cast(date_trunc('week', date) as date), sum(units) from " + retailDaily()
                + " where date >= DATE '" + start + "' group by 1, 2";
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(q)) {
            while (rs.next()) {
                long w = java.time.temporal.ChronoUnit.WEEKS.between(start, rs.getObject(2, LocalDate.class));
                if (w < 0 || w >= weeks) continue;
                out.computeIfAbsent(rs.getString(1), k -> new double[weeks])[(int) w] += rs.getDouble(3);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("demo data: " + e.getMessage(), e);
        }
        return out;
    }

    // ---- car parts ---------------------------------------------------------------------------

    private String carparts() {
        if (!partsLoaded) {
            String all = "(select * from read_csv(" + src("carparts_train.csv") + ", types={'series_id': 'VARCHAR', "
                    + "'value': 'VARCHAR'}) union all select * from read_csv(" + src("carparts_test.csv")
                    + ", types={'series_id': 'VARCHAR', 'value': 'VARCHAR'}))";
            sql("create table parts as select * from " + all + (maxItems == 0 ? "" : " where series_id in (select distinct "
                    + "series_id from " + all + " order by series_id limit " + maxItems + ")"));
            partsLoaded = true;
        }
        return "parts";
    }

    Path partsCatalog() {
        return copy("select distinct series_id as item_id from " + carparts() + " order by 1", "parts-catalog.csv");
    }

    /** Months {@code fromT..toT} (1 = January 1998), with empty units where the source has none. */
    Path partsSales(int fromT, int toT, String name) {
        return copy("select series_id as item_id, cast(DATE '1998-01-01' + to_months(t - 1) as date) as date, "
                + "value as units from " + carparts() + " where t between " + fromT + " and " + toT
                + " order by t, series_id", name);
    }

    /** True monthly demand per part for months 1..51; NaN where missing. */
    Map<String, double[]> partsMonthlyDemand() {
        Map<String, double[]> out = new HashMap<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select series_id, t, try_cast(value as double) from " + carparts())) {
            while (rs.next()) {
                double[] v = out.computeIfAbsent(rs.getString(1), k -> {
                    double[] a = new double[51];
                    java.util.Arrays.fill(a, Double.NaN);
                    return a;
                });
                double x = rs.getDouble(3);
                v[rs.getInt(2) - 1] = rs.wasNull() ? Double.NaN : x;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("demo data: " + e.getMessage(), e);
        }
        return out;
    }

    // ---- inventory snapshots and defects --------------------------------------------------------

    /** Writes a stock snapshot: item_id, as_of, on_hand, on_order, backorders (values: {on hand, on order, owed}). */
    Path inventorySnapshot(String name, LocalDate asOf, Map<String, long[]> stock) throws IOException {
        StringBuilder sb = new StringBuilder("item_id,as_of,on_hand,on_order,backorders\n");
        stock.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sb.append(e.getKey()).append(',')
                .append(asOf).append(',').append(e.getValue()[0]).append(',').append(e.getValue()[1]).append(',')
                .append(e.getValue()[2]).append('\n'));
        Path target = inbox.resolve(name);
        Files.writeString(target, sb.toString(), StandardCharsets.UTF_8);
        return target;
    }

    /**
     * Damages a sales file the way exports get damaged, seeded: returns what was done, one line per
     * defect, for the demo's output.
     */
    static List<String> injectDefects(Path file, long seed, String unknownItem) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        SplittableRandom random = new SplittableRandom(seed);
        List<String> done = new ArrayList<>();
        int n = lines.size() - 1;
        if (n < 10) return done;
        String[] header = lines.get(0).split(",", -1);
        int unitsCol = java.util.Arrays.asList(header).indexOf("units");
        int dateCol = java.util.Arrays.asList(header).indexOf("date");
        int a = 1 + random.nextInt(n);
        lines.set(a, replace(lines.get(a), unitsCol, "-3"));
        done.add("row " + a + ": units set to -3");
        int b = 1 + random.nextInt(n);
        lines.set(b, replace(lines.get(b), unitsCol, "twelve"));
        done.add("row " + b + ": units written in words");
        int c = 1 + random.nextInt(n);
        lines.set(c, replace(lines.get(c), dateCol, "2011-13-45"));
        done.add("row " + c + ": a date that is not a date");
        int d = 1 + random.nextInt(n);
        lines.add(lines.get(d));
        done.add("row " + d + ": duplicated at the end of the file");
        lines.add(replace(lines.get(1), 0, unknownItem));
        done.add("an extra row for item " + unknownItem + ", which is not in the catalog");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return done;
    }

    private static String replace(String line, int column, String value) {
        String[] cells = line.split(",", -1);
        cells[column] = value;
        return String.join(",", cells);
    }
}
