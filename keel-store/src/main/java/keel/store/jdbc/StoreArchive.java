package keel.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import keel.core.ledger.Verification;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A portable copy of a whole store: a zip of one JSON-lines file per table (one object per row,
 * columns in schema order, timestamps as UTC instants, dates as ISO dates, non-finite numbers as
 * strings) and {@code manifest.json} with each file's row count and SHA-256 and the ledger's head.
 * Written from either kind of store and restored into an empty store of either kind.
 *
 * <p>Batch files (the Parquet data) stay where they are: the archive holds the batches' metadata,
 * the quarantined rows the store keeps, and every decision.
 */
public final class StoreArchive {
    /** The format this class writes and reads. */
    public static final String FORMAT = "keel-store-archive/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private enum Kind { TEXT, LONG, DOUBLE, BOOL, DATE, TIMESTAMP }

    private record Table(String name, String orderBy, Map<String, Kind> columns) {
        String file() {
            return name + ".jsonl";
        }
    }

    /** The tables in an order that satisfies their foreign keys, with their columns in schema order. */
    private static final List<Table> TABLES = List.of(
            table("decision_type", "name, version", "name:TEXT version:TEXT source_file:TEXT content:TEXT loaded_at:TIMESTAMP"),
            table("batch", "hash", "hash:TEXT input:TEXT source_file:TEXT status:TEXT reason:TEXT rows_read:LONG "
                    + "rows_accepted:LONG rows_quarantined:LONG data_path:TEXT quarantine_path:TEXT first_date:DATE "
                    + "last_date:DATE ingested_at:TIMESTAMP"),
            table("quarantined_row", "batch_hash, row_number, column_name, check_name", "batch_hash:TEXT row_number:LONG "
                    + "column_name:TEXT check_name:TEXT found_value:TEXT expectation:TEXT"),
            table("cycle", "id", "id:TEXT decision_type:TEXT as_of:DATE batches:TEXT recommendations:LONG exceptions:LONG "
                    + "summary:TEXT ran_at:TIMESTAMP"),
            table("recommendation", "id", "id:TEXT cycle_id:TEXT decision_type:TEXT item:TEXT location:TEXT as_of:DATE "
                    + "quantity:DOUBLE value_at_stake:DOUBLE needs_review:BOOL status:TEXT final_quantity:DOUBLE "
                    + "deadline:TIMESTAMP version:LONG payload:TEXT"),
            table("review", "id", "id:LONG recommendation_id:TEXT action:TEXT actor:TEXT final_quantity:DOUBLE "
                    + "reason_code:TEXT review_comment:TEXT simulated:BOOL at:TIMESTAMP"),
            table("outcome", "recommendation_id", "recommendation_id:TEXT actual_demand:DOUBLE cost_final:DOUBLE "
                    + "cost_system:DOUBLE cost_naive:DOUBLE payload:TEXT recorded_at:TIMESTAMP"),
            table("ledger", "seq", "seq:LONG at:TIMESTAMP type:TEXT subject:TEXT payload:TEXT previous_hash:TEXT hash:TEXT"),
            table("ledger_head", "id", "id:LONG seq:LONG hash:TEXT"));

    private StoreArchive() {
    }

    private static Table table(String name, String orderBy, String columns) {
        Map<String, Kind> map = new LinkedHashMap<>();
        for (String c : columns.split(" ")) {
            String[] parts = c.split(":");
            map.put(parts[0], Kind.valueOf(parts[1]));
        }
        return new Table(name, orderBy, map);
    }

    /** What an archive holds: its tables' row counts and checksums, and the ledger's head. */
    public record Manifest(String format, Instant createdAt, String source, Map<String, Long> rows,
            Map<String, String> sha256, long ledgerEntries, String ledgerHead) {
        public Manifest {
            rows = Map.copyOf(rows);
            sha256 = Map.copyOf(sha256);
        }
    }

    /**
     * Writes the whole store to {@code file} (a zip), after checking that its ledger verifies.
     *
     * @throws IllegalStateException when the ledger does not verify: a broken ledger is not backed up silently
     */
    public static Manifest export(KeelStore store, Path file, Instant now) {
        return store.jdbi().inTransaction(h -> {
            // Every writer locks the ledger head first: holding it, the export sees one consistent state.
            KeelStore.lockLedger(h);
            Verification v = JdbcLedgerStore.verify(h);
            if (!v.intact()) throw new IllegalStateException("not exporting " + store.config().describe() + ": " + v.message());
            Map<String, Long> rows = new LinkedHashMap<>();
            Map<String, String> sums = new LinkedHashMap<>();
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                for (Table t : TABLES) {
                    checkColumns(h, t);
                    zip.putNextEntry(new ZipEntry(t.file()));
                    MessageDigest sha = sha256();
                    rows.put(t.name(), writeTable(h, t, new java.security.DigestOutputStream(nonClosing(zip), sha)));
                    sums.put(t.name(), HexFormat.of().formatHex(sha.digest()));
                    zip.closeEntry();
                }
                Manifest m = new Manifest(FORMAT, now, store.config().isPostgres() ? "postgresql" : "embedded", rows, sums,
                        v.entriesChecked(), v.headHash());
                zip.putNextEntry(new ZipEntry("manifest.json"));
                zip.write(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
                zip.closeEntry();
                return m;
            } catch (IOException e) {
                throw new UncheckedIOException("writing the archive " + file + " failed: " + e.getMessage(), e);
            }
        });
    }

    /**
     * Restores an archive into {@code store}, which must be empty, in one transaction: checks every
     * file against the manifest's checksum and row count and the restored ledger against its chain
     * and the manifest's head; anything wrong leaves the store as it was.
     *
     * @throws IllegalArgumentException when the store is not empty or the archive is damaged, naming what
     */
    public static Manifest restore(KeelStore store, Path file) {
        requireEmpty(store);
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            Manifest m = manifest(zip, file);
            store.jdbi().useTransaction(h -> {
                h.execute("delete from ledger_head");
                for (Table t : TABLES) restoreTable(h, t, zip, file, m);
                Verification v = JdbcLedgerStore.verify(h);
                if (!v.intact() || v.entriesChecked() != m.ledgerEntries() || !v.headHash().equals(m.ledgerHead())) {
                    throw new IllegalArgumentException(file + ": the restored ledger does not match the manifest (expected "
                            + m.ledgerEntries() + " entries ending in " + m.ledgerHead() + "): " + v.message());
                }
            });
            // After the commit: on H2 this is DDL, which would commit the transaction midway.
            store.jdbi().useHandle(h -> restartReviewIds(h, store.config().isPostgres()));
            return m;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the archive (" + e.getMessage() + "); expected a zip "
                    + "written by keel export", e);
        }
    }

    private static void requireEmpty(KeelStore store) {
        Map<String, Long> counts = store.counts();
        long head = store.ledger().size();
        if (head > 0 || counts.values().stream().anyMatch(n -> n > 0)) {
            Map<String, Long> nonEmpty = new LinkedHashMap<>(counts);
            nonEmpty.values().removeIf(n -> n == 0);
            throw new IllegalArgumentException(store.config().describe() + " is not empty (" + nonEmpty
                    + " rows); expected an empty store: import restores a whole store and never merges into one");
        }
    }

    private static Manifest manifest(ZipFile zip, Path file) throws IOException {
        ZipEntry entry = zip.getEntry("manifest.json");
        if (entry == null) throw new IllegalArgumentException(file + ": no manifest.json; expected an archive written by keel export");
        Manifest m;
        try (InputStream in = zip.getInputStream(entry)) {
            m = Json.mapper().readValue(in, Manifest.class);
        }
        if (!FORMAT.equals(m.format())) {
            throw new IllegalArgumentException(file + ": manifest.json format was \"" + m.format() + "\"; expected " + FORMAT);
        }
        for (Table t : TABLES) {
            if (!m.rows().containsKey(t.name()) || !m.sha256().containsKey(t.name())) {
                throw new IllegalArgumentException(file + ": manifest.json has no row count or checksum for table " + t.name());
            }
        }
        return m;
    }

    private static void checkColumns(Handle h, Table t) {
        Set<String> actual = h.createQuery("select * from " + t.name() + " where 1 = 0").scanResultSet((rs, ctx) -> {
            try {
                ResultSet r = rs.get();
                Set<String> names = new LinkedHashSet<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    names.add(r.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT));
                }
                return names;
            } catch (SQLException e) {
                throw new IllegalStateException("reading the columns of " + t.name() + " failed", e);
            }
        });
        if (!actual.equals(t.columns().keySet())) {
            throw new IllegalStateException("table " + t.name() + " has columns " + actual + " but the archive format knows "
                    + t.columns().keySet() + "; StoreArchive must learn the new schema");
        }
    }

    private static long writeTable(Handle h, Table t, OutputStream out) throws IOException {
        long[] n = {0};
        try (var rows = h.createQuery("select * from " + t.name() + " order by " + t.orderBy()).setFetchSize(1000)
                .map((rs, ctx) -> row(rs, t)).stream()) {
            for (var it = rows.iterator(); it.hasNext(); ) {
                out.write(JSON.writeValueAsBytes(it.next()));
                out.write('\n');
                n[0]++;
            }
        }
        out.flush();
        return n[0];
    }

    private static ObjectNode row(ResultSet rs, Table t) throws SQLException {
        ObjectNode o = JSON.createObjectNode();
        for (Map.Entry<String, Kind> c : t.columns().entrySet()) {
            String name = c.getKey();
            switch (c.getValue()) {
                case TEXT -> o.put(name, rs.getString(name));
                case LONG -> o.put(name, rs.getLong(name));
                case DOUBLE -> {
                    double d = rs.getDouble(name);
                    if (Double.isFinite(d)) o.put(name, d); else o.put(name, Double.toString(d));
                }
                case BOOL -> o.put(name, rs.getBoolean(name));
                case DATE -> {
                    LocalDate d = rs.getObject(name, LocalDate.class);
                    o.put(name, d == null ? null : d.toString());
                }
                case TIMESTAMP -> {
                    OffsetDateTime at = rs.getObject(name, OffsetDateTime.class);
                    o.put(name, at == null ? null : at.toInstant().toString());
                }
                default -> throw new IllegalStateException("unknown column kind " + c.getValue());
            }
        }
        return o;
    }

    private static void restoreTable(Handle h, Table t, ZipFile zip, Path file, Manifest m) {
        ZipEntry entry = zip.getEntry(t.file());
        if (entry == null) throw new IllegalArgumentException(file + ": " + t.file() + " is missing; the manifest lists it");
        String sql = "insert into " + t.name() + " (" + String.join(", ", t.columns().keySet()) + ") values ("
                + String.join(", ", t.columns().keySet().stream().map(c -> ":" + c).toList()) + ")";
        MessageDigest sha = sha256();
        long n = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new DigestInputStream(zip.getInputStream(entry), sha),
                StandardCharsets.UTF_8))) {
            PreparedBatch batch = h.prepareBatch(sql);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                n++;
                bind(batch, t, JSON.readTree(line), file, n);
                batch.add();
                if (batch.size() >= 1000) batch.execute();
            }
            if (batch.size() > 0) batch.execute();
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + t.file() + " cannot be read (" + e.getMessage() + ")", e);
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (!actual.equals(m.sha256().get(t.name()))) {
            throw new IllegalArgumentException(file + ": " + t.file() + " has SHA-256 " + actual + " but the manifest says "
                    + m.sha256().get(t.name()) + ": the archive was changed or damaged");
        }
        if (n != m.rows().get(t.name())) {
            throw new IllegalArgumentException(file + ": " + t.file() + " holds " + n + " rows but the manifest says "
                    + m.rows().get(t.name()));
        }
    }

    private static void bind(PreparedBatch batch, Table t, JsonNode row, Path file, long line) {
        for (Map.Entry<String, Kind> c : t.columns().entrySet()) {
            JsonNode v = row.get(c.getKey());
            if (v == null) {
                throw new IllegalArgumentException(file + ": " + t.file() + " line " + line + ": column " + c.getKey()
                        + " is missing; expected every column of " + t.name());
            }
            String name = c.getKey();
            if (v.isNull()) {
                batch.bindByType(name, null, switch (c.getValue()) {
                    case TEXT -> String.class;
                    case LONG -> Long.class;
                    case DOUBLE -> Double.class;
                    case BOOL -> Boolean.class;
                    case DATE -> LocalDate.class;
                    case TIMESTAMP -> OffsetDateTime.class;
                });
                continue;
            }
            switch (c.getValue()) {
                case TEXT -> batch.bind(name, v.asText());
                case LONG -> batch.bind(name, v.asLong());
                case DOUBLE -> batch.bind(name, v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble());
                case BOOL -> batch.bind(name, v.asBoolean());
                case DATE -> batch.bind(name, LocalDate.parse(v.asText()));
                case TIMESTAMP -> batch.bind(name, OffsetDateTime.ofInstant(Instant.parse(v.asText()), ZoneOffset.UTC));
                default -> throw new IllegalStateException("unknown column kind " + c.getValue());
            }
        }
    }

    /** Reviews were inserted with their ids: the identity must continue after the largest. */
    private static void restartReviewIds(Handle h, boolean postgres) {
        long next = h.createQuery("select coalesce(max(id), 0) + 1 from review").mapTo(Long.class).one();
        if (postgres) {
            h.createQuery("select setval(pg_get_serial_sequence('review', 'id'), " + next + ", false)").mapTo(Long.class).one();
        } else {
            h.execute("alter table review alter column id restart with " + next);
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** The archive's table files, in restore order. */
    public static List<String> tableFiles() {
        List<String> out = new ArrayList<>();
        for (Table t : TABLES) out.add(t.file());
        return out;
    }
}
