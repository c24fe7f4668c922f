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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import keel.core.contract.Batch;
import keel.core.contract.BatchMetrics;
import keel.core.contract.DatasetCheck;
import keel.core.contract.InputContract;
import keel.core.contract.Metric;
import keel.core.contract.RowCounts;

/**
 * Computes the figures a contract's dataset checks judge, from a batch's accepted rows (Parquet, the contract's
 * types): row counts; per column the share of empty values; for numbers mean, standard deviation, min and max;
 * for dates the first and last date (days since 1970-01-01); for columns under a drift check a quantile grid
 * ({@link keel.core.contract.Drift#grid()}, DuckDB's approximate quantiles) or the shares of the 50 most frequent values (the
 * rest as {@code (other)}); and for a completeness check how many key combinations of the previous batch are
 * missing. One aggregate pass over the Parquet file ({@link FigureQuery}), plus one per completeness check.
 */
public final class ContractMetrics {
    /** The label under which values beyond the most frequent ones are pooled. */
    public static final String OTHER = "(other)";

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
        String rows = "read_parquet(" + literal(batch.acceptedRows().get()) + ")";
        FigureQuery figures = new FigureQuery(contract, Sql::identifier, "");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement st = db.createStatement()) {
                st.execute("CREATE TABLE keel_figures AS SELECT " + figures.aggregates() + " FROM " + rows);
            }
            return of(batch.rows(), figures.read(db, "keel_figures", column -> "SELECT " + identifier(column)
                    + " AS v, count(*) AS n FROM " + rows + " WHERE " + identifier(column) + " IS NOT NULL GROUP BY 1"),
                    grid(db, rows, contract, previousAccepted));
        } catch (SQLException e) {
            throw new IllegalStateException("computing the contract figures of " + batch.acceptedRows().get()
                    + " failed: " + e.getMessage(), e);
        }
    }

    /** The row counts, the column figures and the grid figures as one set, one figure per column, name and label. */
    static BatchMetrics of(RowCounts counts, List<Metric> columnFigures, List<Metric> gridFigures) {
        List<Metric> metrics = new ArrayList<>(List.of(Metric.ofBatch("rows", counts.read()),
                Metric.ofBatch("rows_accepted", counts.accepted()),
                Metric.ofBatch("rows_quarantined", counts.quarantined())));
        metrics.addAll(columnFigures);
        metrics.addAll(gridFigures);
        return new BatchMetrics(dedupe(metrics));
    }

    /**
     * How many key combinations of the previous batch the accepted rows in {@code rows} lack, for each
     * completeness check; none without a previous batch.
     */
    static List<Metric> grid(Connection db, String rows, InputContract contract, Optional<Path> previousAccepted)
            throws SQLException {
        List<Metric> out = new ArrayList<>();
        for (DatasetCheck check : contract.checks()) {
            if (check instanceof DatasetCheck.Completeness c && previousAccepted.isPresent()) {
                out.addAll(grid(db, rows, c.columns(), previousAccepted.get()));
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
