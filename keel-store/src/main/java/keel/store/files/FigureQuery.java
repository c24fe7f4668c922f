package keel.store.files;

import static keel.store.files.Sql.literal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import keel.core.contract.Column;
import keel.core.contract.ColumnType;
import keel.core.contract.DatasetCheck;
import keel.core.contract.Drift;
import keel.core.contract.InputContract;
import keel.core.contract.Metric;

/**
 * The figures of {@link ContractMetrics} as aggregates of one pass: appended to any aggregation over rows with
 * the contract's types, they land in columns {@code keel_f_<i>} of one result row, which {@link #read} turns into
 * metrics. So the figures cost no pass of their own: they ride along with the row checks over the file, or with
 * one scan of a stored Parquet file.
 *
 * <p>Per column: the share of empty values; for numbers mean, standard deviation, min and max; for dates the
 * first and last date (days since 1970-01-01); for a column under a numeric drift check a quantile grid
 * ({@link Drift#grid()}, DuckDB's approximate quantiles), under a categorical one the shares of its values, of
 * which the 50 most frequent keep their label and the rest are pooled as {@link ContractMetrics#OTHER} (counted by a
 * grouping of their own, see {@link #read}).
 */
final class FigureQuery {
    private static final int TOP_VALUES = 50;

    private final List<Figure> figures = new ArrayList<>();

    /**
     * @param contract the contract whose columns are measured
     * @param value the SQL of column {@code name}'s typed value in the aggregated relation
     * @param filter a condition rows must meet to count (e.g. {@code NOT keel_failed}), or empty for all rows
     */
    FigureQuery(InputContract contract, Function<String, String> value, String filter) {
        String f = filter.isEmpty() ? "" : " FILTER (WHERE " + filter + ")";
        add("", "count", "count(*)" + f);
        for (Column column : contract.columns()) {
            String c = value.apply(column.name());
            add(column.name(), "null_count", "count(*)" + f + " - count(" + c + ")" + f);
            if (column.type().isNumeric()) {
                add(column.name(), "mean", "avg(" + c + ")" + f);
                add(column.name(), "std", "stddev_pop(" + c + ")" + f);
                add(column.name(), "min", "min(" + c + ")" + f);
                add(column.name(), "max", "max(" + c + ")" + f);
            } else if (column.type() == ColumnType.DATE) {
                add(column.name(), "min", "date_diff('day', DATE '1970-01-01', min(" + c + ")" + f + ")");
                add(column.name(), "max", "date_diff('day', DATE '1970-01-01', max(" + c + ")" + f + ")");
            }
        }
        for (DatasetCheck check : contract.checks()) {
            if (check instanceof DatasetCheck.Distribution d) {
                String c = value.apply(d.column());
                if (d.method().isNumeric()) {
                    add(d.column(), "quantile", "approx_quantile(CAST(" + c + " AS DOUBLE), [" + positions() + "])" + f);
                } else {
                    add(d.column(), "frequency", "NULL");
                }
            }
        }
    }

    /** The aggregates, each {@code <expression> AS keel_f_<i>}, to put in a SELECT list. */
    String aggregates() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            out.add(figures.get(i).sql() + " AS keel_f_" + i);
        }
        return String.join(", ", out);
    }

    /**
     * The figures, from {@code table}: the one row the aggregates were stored in.
     *
     * @param counts for a column under a categorical drift check, the SQL of its counted values {@code (v, n)}
     *     among the rows measured, NULL left out: a histogram in the same aggregation costs more than one
     *     grouping of that single column on its own
     */
    List<Metric> read(Connection db, String table, Function<String, String> counts) throws SQLException {
        List<Metric> out = new ArrayList<>();
        double count;
        List<Double> values = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
            rs.next();
            count = rs.getLong(column(rs, 0));
            for (int i = 0; i < figures.size(); i++) {
                Figure figure = figures.get(i);
                if (figure.name().equals("quantile") || figure.name().equals("frequency")) {
                    values.add(null);
                    continue;
                }
                double value = rs.getDouble(column(rs, i));
                values.add(rs.wasNull() ? null : value);
            }
        }
        for (int i = 1; i < figures.size(); i++) {
            Figure figure = figures.get(i);
            switch (figure.name()) {
                case "quantile" -> out.addAll(quantiles(db, table, i, figure.column()));
                case "frequency" -> out.addAll(shares(db, counts.apply(figure.column()), figure.column()));
                case "null_count" -> {
                    if (values.get(i) != null) {
                        out.add(Metric.of(figure.column(), "null_share", count == 0 ? 0 : values.get(i) / count));
                    }
                }
                default -> {
                    if (values.get(i) != null) out.add(Metric.of(figure.column(), figure.name(), values.get(i)));
                }
            }
        }
        return out;
    }

    private static int column(ResultSet rs, int i) throws SQLException {
        return rs.findColumn("keel_f_" + i);
    }

    private static List<Metric> quantiles(Connection db, String table, int i, String column) throws SQLException {
        List<Double> grid = Drift.grid();
        List<Metric> out = new ArrayList<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT unnest(keel_f_" + i + ") FROM " + table)) {
            int k = 0;
            while (rs.next()) {
                double q = rs.getDouble(1);
                if (rs.wasNull()) return List.of();
                out.add(new Metric(column, "quantile", String.format(Locale.ROOT, "%.2f", grid.get(k++)), q));
            }
        }
        return out;
    }

    private static List<Metric> shares(Connection db, String counts, String column) throws SQLException {
        String sql = "WITH counts AS (" + counts + "), ranked AS (SELECT v, n, row_number() OVER (ORDER BY n DESC, v)"
                + " AS r FROM counts) SELECT CASE WHEN r <= " + TOP_VALUES + " THEN CAST(v AS VARCHAR) ELSE "
                + literal(ContractMetrics.OTHER) + " END AS label, sum(n) / (SELECT sum(n) FROM counts) FROM ranked"
                + " GROUP BY 1 ORDER BY 2 DESC, 1";
        List<Metric> out = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String label = rs.getString(1);
                out.add(new Metric(column, "frequency", label.length() > 200 ? label.substring(0, 200) : label,
                        rs.getDouble(2)));
            }
        }
        return out;
    }

    private static String positions() {
        return Drift.grid().stream().map(p -> String.format(Locale.ROOT, "%.2f", p)).collect(Collectors.joining(", "));
    }

    private void add(String column, String name, String sql) {
        figures.add(new Figure(column, name, sql));
    }

    /** One aggregate: the figure {@code name} of {@code column} ({@code ""} for the batch). */
    private record Figure(String column, String name, String sql) {}
}
