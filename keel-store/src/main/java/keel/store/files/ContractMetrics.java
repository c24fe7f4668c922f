package keel.store.files;

import static keel.store.files.Sql.identifier;
import static keel.store.files.Sql.literal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import keel.core.contract.Batch;
import keel.core.contract.BatchMetrics;
import keel.core.contract.Column;
import keel.core.contract.ColumnType;
import keel.core.contract.DatasetCheck;
import keel.core.contract.Drift;
import keel.core.contract.InputContract;
import keel.core.contract.Metric;

/**
 * Computes the figures a contract's dataset checks judge, from a batch's accepted rows (Parquet, the contract's
 * types): row counts; per column the share of empty values; for numbers mean, standard deviation, min and max;
 * for dates the first and last date (days since 1970-01-01); for columns under a drift check a quantile grid
 * ({@link Drift#grid()}, DuckDB's approximate quantiles) or the shares of the 50 most frequent values (the
 * rest as {@code (other)}); and for a completeness check how many key combinations of the previous batch are
 * missing. One aggregate pass over the Parquet file, plus one per drift or completeness check.
 */
public final class ContractMetrics {
    /** The label under which values beyond the most frequent ones are pooled. */
    public static final String OTHER = "(other)";
    private static final int TOP_VALUES = 50;

    private ContractMetrics() {}

    /**
     * The figures of {@code batch} under {@code contract}; none for a blocked batch.
     *
     * @param previousAccepted the accepted rows of the input's previous batch, for completeness checks
     */
    public static BatchMetrics of(Batch batch, InputContract contract, Optional<Path> previousAccepted) {
        if (batch.acceptedRows().isEmpty()) {
            return BatchMetrics.NONE;
        }
        List<Metric> metrics = new ArrayList<>(List.of(Metric.ofBatch("rows", batch.rows().read()),
                Metric.ofBatch("rows_accepted", batch.rows().accepted()),
                Metric.ofBatch("rows_quarantined", batch.rows().quarantined())));
        String rows = "read_parquet(" + literal(batch.acceptedRows().get()) + ")";
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            metrics.addAll(columnFigures(db, rows, contract));
            for (DatasetCheck check : contract.checks()) {
                if (check instanceof DatasetCheck.Distribution d) {
                    metrics.addAll(d.method().isNumeric() ? quantiles(db, rows, d.column()) : shares(db, rows, d.column()));
                } else if (check instanceof DatasetCheck.Completeness c && previousAccepted.isPresent()) {
                    metrics.addAll(grid(db, rows, c.columns(), previousAccepted.get()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("computing the contract figures of " + batch.acceptedRows().get()
                    + " failed: " + e.getMessage(), e);
        }
        return new BatchMetrics(dedupe(metrics));
    }

    private static List<Metric> columnFigures(Connection db, String rows, InputContract contract) throws SQLException {
        List<String> select = new ArrayList<>(List.of("count(*)"));
        List<String[]> names = new ArrayList<>();
        for (Column column : contract.columns()) {
            String c = identifier(column.name());
            select.add("count(*) - count(" + c + ")");
            names.add(new String[] {column.name(), "null_count"});
            if (column.type().isNumeric()) {
                for (String f : List.of("avg", "stddev_pop", "min", "max")) {
                    select.add(f + "(" + c + ")");
                    names.add(new String[] {column.name(), f.equals("avg") ? "mean" : f.equals("stddev_pop") ? "std" : f});
                }
            } else if (column.type() == ColumnType.DATE) {
                select.add("date_diff('day', DATE '1970-01-01', min(" + c + "))");
                names.add(new String[] {column.name(), "min"});
                select.add("date_diff('day', DATE '1970-01-01', max(" + c + "))");
                names.add(new String[] {column.name(), "max"});
            }
        }
        List<Metric> out = new ArrayList<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + String.join(", ", select) + " FROM " + rows)) {
            rs.next();
            double count = rs.getLong(1);
            for (int i = 0; i < names.size(); i++) {
                double value = rs.getDouble(i + 2);
                if (rs.wasNull()) continue;
                String[] n = names.get(i);
                out.add(n[1].equals("null_count")
                        ? Metric.of(n[0], "null_share", count == 0 ? 0 : value / count)
                        : Metric.of(n[0], n[1], value));
            }
        }
        return out;
    }

    private static List<Metric> quantiles(Connection db, String rows, String column) throws SQLException {
        List<Double> grid = Drift.grid();
        String positions = grid.stream().map(p -> String.format(Locale.ROOT, "%.2f", p)).collect(Collectors.joining(", "));
        List<Metric> out = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT unnest(approx_quantile(CAST("
                + identifier(column) + " AS DOUBLE), [" + positions + "])) FROM " + rows)) {
            int i = 0;
            while (rs.next()) {
                double q = rs.getDouble(1);
                if (rs.wasNull()) return List.of();
                out.add(new Metric(column, "quantile", String.format(Locale.ROOT, "%.2f", grid.get(i++)), q));
            }
        }
        return out;
    }

    private static List<Metric> shares(Connection db, String rows, String column) throws SQLException {
        String c = identifier(column);
        String sql = "WITH counts AS (SELECT " + c + " AS v, count(*) AS n FROM " + rows + " WHERE " + c
                + " IS NOT NULL GROUP BY 1), ranked AS (SELECT v, n, row_number() OVER (ORDER BY n DESC, v) AS r"
                + " FROM counts) SELECT CASE WHEN r <= " + TOP_VALUES + " THEN CAST(v AS VARCHAR) ELSE "
                + literal(OTHER) + " END AS label, sum(n) / (SELECT sum(n) FROM counts) FROM ranked GROUP BY 1"
                + " ORDER BY 2 DESC, 1";
        List<Metric> out = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new Metric(column, "frequency", truncate(rs.getString(1)), rs.getDouble(2)));
            }
        }
        return out;
    }

    private static List<Metric> grid(Connection db, String rows, List<String> columns, Path previous)
            throws SQLException {
        String keys = Sql.identifiers(columns);
        String on = columns.stream().map(k -> "p." + identifier(k) + " IS NOT DISTINCT FROM c." + identifier(k))
                .collect(Collectors.joining(" AND "));
        String sql = "WITH p AS (SELECT DISTINCT " + keys + " FROM read_parquet(" + literal(previous) + ")),"
                + " c AS (SELECT DISTINCT " + keys + " FROM " + rows + ")"
                + " SELECT count(*), count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM c WHERE " + on + ")) FROM p";
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return List.of(Metric.ofBatch("grid_expected", rs.getLong(1)), Metric.ofBatch("grid_missing", rs.getLong(2)));
        }
    }

    private static String truncate(String label) {
        return label.length() > 200 ? label.substring(0, 200) : label;
    }

    /** One figure per column, name and label (two checks of one column compute the same figures). */
    private static List<Metric> dedupe(List<Metric> metrics) {
        Set<String> seen = new TreeSet<>();
        List<Metric> out = new ArrayList<>();
        for (Metric m : metrics) {
            if (seen.add(m.column() + "\u0000" + m.name() + "\u0000" + m.label())) out.add(m);
        }
        return out;
    }
}
