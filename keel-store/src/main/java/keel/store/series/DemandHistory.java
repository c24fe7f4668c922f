package keel.store.series;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import keel.core.decision.Period;

/**
 * Demand per item and period, read with DuckDB from the accepted rows of sales batches (Parquet
 * files with columns {@code item_id}, {@code date}, {@code units}).
 *
 * <p>Zeros are not stored in sales files: a period with no row is zero demand, except
 * <ul>
 *   <li>periods with no trading day at all (when a trading calendar is given): unknown, NaN;</li>
 *   <li>an item's periods that had a quarantined row: unknown, NaN (the row did not pass its
 *       contract, so the period's true total is not known), unless a resubmission of that batch accepted a
 *       corrected row of the same item and date: then the period is known again, with the corrected units.</li>
 * </ul>
 * An item's series starts at its first period with demand: before that it was not sold.
 */
public final class DemandHistory {
    private final Period period;
    private final LocalDate start;
    private final int periods;
    private final Map<String, double[]> byItem;

    private DemandHistory(Period period, LocalDate start, int periods, Map<String, double[]> byItem) {
        this.period = period;
        this.start = start;
        this.periods = periods;
        this.byItem = byItem;
    }

    /** The first day of the period holding {@code date}. */
    public static LocalDate periodStart(Period period, LocalDate date) {
        return switch (period) {
            case DAY -> date;
            case WEEK -> date.minusDays(date.getDayOfWeek().getValue() - 1L);
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    /**
     * Loads demand of every item from {@code start} (inclusive) up to {@code end} (exclusive), both
     * period starts.
     *
     * @param quarantines quarantine Parquet files of the same batches (raw text columns), may be empty
     * @param tradingDays days the business traded; empty means every day
     */
    public static DemandHistory load(List<Path> sales, List<Path> quarantines, Period period, LocalDate start,
            LocalDate end, Set<LocalDate> tradingDays) {
        return loadResolved(sales, quarantines.stream().map(q -> new Quarantine(q, List.of())).toList(), period, start,
                end, tradingDays);
    }

    /**
     * The quarantined rows of one sales batch and the accepted rows of the batches that resubmitted them.
     *
     * @param rows the quarantine Parquet file (raw text columns)
     * @param resubmitted the accepted-rows Parquet files of the batch's resubmissions, oldest first; may be empty
     */
    public record Quarantine(Path rows, List<Path> resubmitted) {
        public Quarantine {
            java.util.Objects.requireNonNull(rows, "rows");
            resubmitted = List.copyOf(resubmitted);
        }
    }

    /**
     * As {@link #load}, where a quarantined row leaves its item's period unknown only if no resubmission of its
     * batch accepted a row of the same item and date.
     *
     * @param sales the accepted rows of the sales batches, resubmissions included
     */
    public static DemandHistory loadResolved(List<Path> sales, List<Quarantine> quarantines, Period period,
            LocalDate start, LocalDate end, Set<LocalDate> tradingDays) {
        int periods = (int) period.between(start, end);
        if (periods < 0) throw new IllegalArgumentException("history end " + end + " is before its start " + start);
        Map<String, double[]> byItem = new HashMap<>();
        if (!sales.isEmpty() && periods > 0) {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
                readSales(st, sales, period, start, end, periods, byItem);
                markQuarantined(st, quarantines, period, start, end, byItem);
            } catch (SQLException e) {
                throw new IllegalStateException("reading sales history from " + sales.size() + " batch files failed: "
                        + e.getMessage(), e);
            }
        }
        boolean[] closed = closedPeriods(period, start, periods, tradingDays);
        Map<String, double[]> trimmed = new HashMap<>();
        for (Map.Entry<String, double[]> e : byItem.entrySet()) {
            double[] v = e.getValue();
            for (int i = 0; i < periods; i++) if (closed[i]) v[i] = Double.NaN;
            int first = 0;
            while (first < periods && !(v[first] > 0)) first++;
            if (first < periods) trimmed.put(e.getKey(), Arrays.copyOfRange(v, first, periods));
        }
        return new DemandHistory(period, start, periods, trimmed);
    }

    private static String files(List<Path> paths) {
        return paths.stream().map(p -> "'" + p.toAbsolutePath().toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String bucket(Period period, String column) {
        return switch (period) {
            case DAY -> column;
            case WEEK -> "date_trunc('week', " + column + ")";
            case MONTH -> "date_trunc('month', " + column + ")";
        };
    }

    private static void readSales(Statement st, List<Path> sales, Period period, LocalDate start, LocalDate end,
            int periods, Map<String, double[]> byItem) throws SQLException {
        String sql = "select item_id, cast(" + bucket(period, "date") + " as date) as p, sum(units) as u from read_parquet("
                + files(sales) + ") where date >= DATE '" + start + "' and date < DATE '" + end + "' group by 1, 2";
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                int i = (int) period.between(start, rs.getObject(2, LocalDate.class));
                if (i < 0 || i >= periods) continue;
                byItem.computeIfAbsent(rs.getString(1), k -> new double[periods])[i] += rs.getDouble(3);
            }
        }
    }

    private static void markQuarantined(Statement st, List<Quarantine> quarantines, Period period, LocalDate start,
            LocalDate end, Map<String, double[]> byItem) throws SQLException {
        for (Quarantine q : quarantines) {
            String rows = "(select item_id, try_cast(\"date\" as date) as d from read_parquet(" + files(List.of(q.rows()))
                    + ", union_by_name = true))";
            String unresolved = q.resubmitted().isEmpty() ? "" : " and not exists (select 1 from read_parquet("
                    + files(q.resubmitted()) + ", union_by_name = true) r where cast(r.item_id as varchar) = q.item_id"
                    + " and cast(r.\"date\" as date) = q.d)";
            String sql = "select distinct item_id, cast(" + bucket(period, "d") + " as date) from " + rows + " q"
                    + " where d >= DATE '" + start + "' and d < DATE '" + end + "'" + unresolved;
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    double[] v = byItem.get(rs.getString(1));
                    if (v == null) continue;
                    int i = (int) period.between(start, rs.getObject(2, LocalDate.class));
                    if (i >= 0 && i < v.length) v[i] = Double.NaN;
                }
            }
        }
    }

    private static boolean[] closedPeriods(Period period, LocalDate start, int periods, Set<LocalDate> tradingDays) {
        boolean[] closed = new boolean[periods];
        if (tradingDays.isEmpty()) return closed;
        Set<Integer> open = new HashSet<>();
        for (LocalDate d : tradingDays) {
            long i = period.between(start, periodStart(period, d));
            if (i >= 0 && i < periods) open.add((int) i);
        }
        for (int i = 0; i < periods; i++) closed[i] = !open.contains(i);
        return closed;
    }

    /** Items with any demand before the end, sorted. */
    public List<String> items() {
        List<String> items = new ArrayList<>(byItem.keySet());
        items.sort(null);
        return items;
    }

    /** The item's demand per period from its first sale to the end; empty array if it never sold. */
    public double[] of(String item) {
        double[] v = byItem.get(item);
        return v == null ? new double[0] : v.clone();
    }

    /** Demand of every item per period, keyed by item, in item order. */
    public Map<String, double[]> all() {
        Map<String, double[]> out = new TreeMap<>();
        byItem.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    public Period period() {
        return period;
    }

    public LocalDate start() {
        return start;
    }

    public int periods() {
        return periods;
    }
}
