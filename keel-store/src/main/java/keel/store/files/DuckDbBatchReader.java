package keel.store.files;

import static keel.store.files.Sql.identifier;
import static keel.store.files.Sql.literal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import keel.core.contract.Batch;
import keel.core.contract.CsvDialect;
import keel.core.contract.QuarantinedRow;

/**
 * Reads a batch's stored files back with an in-process DuckDB: its accepted rows as daily series, and its
 * quarantined rows with their reasons. Thread-safe: each call opens its own in-memory DuckDB.
 */
public final class DuckDbBatchReader {

    /**
     * The first {@code limit} quarantined rows of {@code batch} in file order, each with all its reasons.
     *
     * @return an empty list when no row was quarantined or the batch is blocked
     */
    public List<QuarantinedRow> quarantinedRows(Batch batch, int limit) {
        return batch.quarantinedRows().map(file -> quarantinedRows(file, batch.sourceFile(), limit)).orElse(List.of());
    }

    /** The first {@code limit} rows of a quarantine file, each with all its reasons, naming {@code sourceFile}. */
    public List<QuarantinedRow> quarantinedRows(Path quarantine, String sourceFile, int limit) {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            return QuarantineRows.read(db, "SELECT * FROM read_parquet(" + literal(quarantine) + ")", sourceFile, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read quarantined rows from " + quarantine, e);
        }
    }

    /**
     * Writes the quarantined rows of a quarantine file, with their values as found and without their reasons,
     * to a comma-separated file with a header, in file order: ready to be corrected and resubmitted.
     *
     * @return how many rows were written
     */
    public long exportQuarantinedRows(Path quarantine, Path csv) {
        return exportQuarantinedRows(quarantine, csv, CsvDialect.DEFAULT);
    }

    /**
     * As {@link #exportQuarantinedRows(Path, Path)}, written in the contract's {@code dialect} (delimiter, quote,
     * escape and encoding), so that the corrected file is read back under the same contract.
     */
    public long exportQuarantinedRows(Path quarantine, Path csv, CsvDialect dialect) {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                java.sql.Statement st = db.createStatement()) {
            st.execute("COPY (SELECT * EXCLUDE (keel_row, keel_reasons) FROM read_parquet(" + literal(quarantine)
                    + ") ORDER BY keel_row) TO " + literal(csv) + " (HEADER, DELIMITER " + literal(dialect.delimiter())
                    + ", QUOTE " + literal(dialect.quote()) + ", ESCAPE " + literal(dialect.escape()) + ")");
            if (!dialect.encoding().equals("utf-8")) {
                reencode(csv, dialect.encoding().equals("latin-1") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
            }
            try (java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet(" + literal(quarantine) + ")")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot export quarantined rows from " + quarantine + " to " + csv, e);
        }
    }

    /**
     * Rewrites the UTF-8 file {@code csv} in {@code charset} (the values came from a file in that encoding);
     * UTF-16 little-endian with a byte order mark, as Windows writes it and the reader expects.
     */
    private static void reencode(Path csv, java.nio.charset.Charset charset) {
        Path tmp = csv.resolveSibling(csv.getFileName() + ".tmp");
        try (java.io.Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                java.io.Writer out = Files.newBufferedWriter(tmp, charset)) {
            if (charset.equals(StandardCharsets.UTF_16LE)) out.write('\uFEFF');
            in.transferTo(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + csv + " in " + charset, e);
        }
        try {
            Files.move(tmp, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot replace " + csv, e);
        }
    }

    /**
     * Streams the accepted rows of {@code batch} as one {@link DailySeries} per key, in key order, each
     * oldest first. Only one series is held in memory at a time.
     *
     * @throws IllegalArgumentException if the batch is blocked
     * @throws IllegalStateException if the columns cannot be read, e.g. a name is not a column of the batch
     */
    public void forEachSeries(Batch batch, SeriesQuery query, Consumer<DailySeries> action) {
        Path accepted = batch.acceptedRows().orElseThrow(() -> new IllegalArgumentException(
                batch.summary() + "; expected an accepted batch to read series from"));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(seriesQuery(accepted, query))) {
            new SeriesCollector(query.key().size(), action).collect(rs);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read series " + query + " from " + accepted, e);
        }
    }

    /** All series of {@code batch}; see {@link #forEachSeries}. */
    public List<DailySeries> dailySeries(Batch batch, SeriesQuery query) {
        List<DailySeries> series = new ArrayList<>();
        forEachSeries(batch, query, series::add);
        return series;
    }

    private static String seriesQuery(Path accepted, SeriesQuery query) {
        String keys = query.key().stream().map(k -> "coalesce(CAST(" + identifier(k) + " AS VARCHAR), '')")
                .collect(Collectors.joining(", "));
        String date = identifier(query.date());
        String through = query.through().map(last -> " WHERE " + date + " <= DATE " + literal(last.toString())).orElse("");
        return "SELECT " + keys + ", CAST(" + date + " - DATE '1970-01-01' AS BIGINT), CAST(" + identifier(query.value())
                + " AS DOUBLE) FROM read_parquet(" + literal(accepted) + ")" + through + " ORDER BY " + keys + ", " + date;
    }

    /** Cuts an ordered stream of (key..., epoch day, value) rows into series. */
    private static final class SeriesCollector {
        private final int keySize;
        private final Consumer<DailySeries> action;
        private List<String> key = List.of();
        private long[] days = new long[64];
        private double[] values = new double[64];
        private int size;

        SeriesCollector(int keySize, Consumer<DailySeries> action) {
            this.keySize = keySize;
            this.action = action;
        }

        void collect(ResultSet rs) throws SQLException {
            while (rs.next()) {
                List<String> rowKey = new ArrayList<>(keySize);
                for (int i = 1; i <= keySize; i++) {
                    rowKey.add(rs.getString(i));
                }
                if (!rowKey.equals(key)) {
                    emit();
                    key = rowKey;
                }
                double value = rs.getDouble(keySize + 2);
                add(rs.getLong(keySize + 1), rs.wasNull() ? Double.NaN : value);
            }
            emit();
        }

        private void add(long day, double value) {
            if (size == values.length) {
                days = Arrays.copyOf(days, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            days[size] = day;
            values[size++] = value;
        }

        private void emit() {
            if (size > 0) {
                action.accept(new DailySeries(key, Arrays.copyOf(days, size), Arrays.copyOf(values, size)));
            }
            size = 0;
        }
    }
}
