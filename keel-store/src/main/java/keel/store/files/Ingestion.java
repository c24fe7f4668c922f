package keel.store.files;

import static keel.store.files.Sql.identifier;
import static keel.store.files.Sql.literal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import keel.core.contract.BatchMetrics;
import keel.core.contract.Check;
import keel.core.contract.InputContract;
import keel.core.contract.Metric;
import keel.core.contract.QuarantinedRow;
import keel.core.contract.ReferenceCheck;
import keel.core.contract.RowCounts;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * One file on its way to becoming a batch, in one in-memory DuckDB: read its header, check every row in one
 * streaming pass that keeps the typed rows (table {@code keel_rows}; a file with a repeated or unknown key is loaded
 * again as text into table {@code raw} and checked exactly), compute the figures in one aggregation, and write the
 * results to the staging area.
 *
 * <p>A failed DuckDB statement closes its {@link Statement}, so each statement gets its own.
 */
final class Ingestion {
    private static final int MAX_NAMES_IN_MESSAGE = 12;
    private static final int MAX_ERROR_LENGTH = 300;
    private static final Pattern CSV_ERROR_LINE = Pattern.compile("CSV Error on Line: (\\d+)");
    /** How many failed row numbers the checking pass keeps; beyond, the failed rows are found by a second pass. */
    private static final int FAILED_ROWS_IN_SCREEN = 10_000;
    private static final Pattern FIELD_COUNT = Pattern.compile("Expected Number of Columns: (\\d+) Found: (\\d+)");

    private final Connection db;
    private final Path file;
    private final String fileName;
    private final InputContract contract;
    private final Path staging;
    private final FileFormat format;
    private int headerSize;
    private boolean knownLoaded;

    Ingestion(Connection db, Path file, InputContract contract, Path staging, IngestLimits limits)
            throws SQLException {
        this.db = db;
        this.file = file;
        this.fileName = file.getFileName().toString();
        this.contract = contract;
        this.staging = staging;
        this.format = FileFormat.of(file);
        execute("SET temp_directory = " + literal(staging.resolve("duckdb-spill")));
        execute("SET memory_limit = '" + limits.memoryLimitMegabytes() + "MB'");
    }

    /**
     * Reads the header; the reason the batch is blocked if the file is empty or its header lacks a declared
     * column or names one twice.
     */
    Optional<String> open() throws SQLException {
        if (size() == 0) {
            return Optional.of(fileName + ": the file is empty; expected a header line with the columns "
                    + names(contract.columnNames()));
        }
        try {
            List<String> header = header(format);
            headerSize = header.size();
            Optional<String> missing = missingColumns(header);
            if (missing.isPresent()) {
                return missing;
            }
            return duplicateColumns(format, header);
        } catch (SQLException e) {
            return Optional.of(unreadable(e));
        }
    }

    /**
     * Checks every row in one streaming pass over the file: each row is trimmed, typed and checked as it is read,
     * and table {@code keel_rows} keeps, in file order, whether it failed, its typed values, its key's hash, and its
     * text only when it failed (see {@link CheckQuery#createRows}). Then one aggregation over the typed columns counts
     * rows and failed rows and computes the figures of the passing rows, a grouping finds keys held by more than one
     * row by their 64-bit hashes, and only the failed rows (rare) are checked again to name their reasons. The
     * accepted rows are written from the typed values as they are: nothing is typed twice. A file with repeated keys
     * is loaded again as text and checked exactly, with the keys' counts joined to every row. A contract's references
     * are checked after the pass, by counting the rows whose key is not among the known keys; a file with such a row
     * (rare: a new item) is checked as text too (see {@link #checkAsText}), which names the reference among its
     * reasons.
     *
     * @param write whether to write the accepted and quarantined rows to the staging area (a dry run does not)
     * @param previousAccepted the input's previous accepted rows, for completeness checks
     */
    Result check(KnownKeys knownKeys, int sampleLimit, boolean write, Optional<Path> previousAccepted)
            throws SQLException {
        // references are checked after the pass (a join inside it would reorder the rows that number them)
        InputContract streamed = contract.references().isEmpty() ? contract : new InputContract(contract.input(),
                contract.owner(), contract.columns(), contract.keyColumns(), List.of(), contract.dateFormat(),
                contract.checks(), contract.csv());
        CheckQuery scan = new CheckQuery(streamed, "(SELECT " + asText(contract.columnNames()) + " FROM "
                + format.scanKeepingRejects(file, contract.csv()) + ")");
        try {
            execute(scan.createRows());
        } catch (SQLException e) {
            return Result.blocked(unreadable(e));
        }
        long rejected = rejectedLines();
        if (!contract.references().isEmpty()) {
            loadKnownKeys(knownKeys);
            if (count(scan.unknownReferences(contract.references())) > 0) {
                // rare (a new item): the exact text path names every row's reasons, the reference's included;
                // the rejected lines stay those of this first read (table rejected_rows)
                execute("DROP TABLE keel_rows");
                return checkAsText(knownKeys, sampleLimit, write, previousAccepted);
            }
        }
        execute(scan.screenRows());
        long read = count("SELECT keel_read FROM keel_screen");
        if (read == 0) {
            return Result.blocked(noRows(rejected));
        }
        execute(scan.createRowDuplicateHashes());
        if (count("SELECT count(*) FROM duplicate_hashes") > 0) {
            execute("DROP TABLE keel_rows");
            loadAsText();
            return checkWithDuplicates(new CheckQuery(contract, numbered("raw", rejected)), sampleLimit, write,
                    previousAccepted);
        }
        long failed = count("SELECT keel_failed_count FROM keel_screen");
        RowCounts rows = new RowCounts(read + rejected, read - failed, failed + rejected);
        if (failed > 0) {
            execute("CREATE TABLE failed_raw AS SELECT keel_row, " + scan.textColumns() + " FROM "
                    + numbered("keel_rows", rejected) + " WHERE keel_failed");
            CheckQuery failedRows = new CheckQuery(contract, "failed_raw");
            execute(failedRows.createChecked(false));
            execute(failedRows.createQuarantined());
        }
        quarantineRejected(rejected, failed > 0);
        List<Metric> figures = scan.figures().read(db, "keel_screen", scan::rowValueCounts);
        return finish(rows, scan.passingRows(), scan, figures, sampleLimit, write, previousAccepted);
    }

    /**
     * Checks every row of a file under a contract with references: the declared columns are loaded as text into
     * table {@code raw} first, since the joins with the known keys do not keep the rows' order, which numbers them.
     * One aggregation over it counts rows and failed rows and computes the figures of the passing rows, a grouping
     * finds keys held by more than one row by their 64-bit hashes, and only the failed rows are then checked again to
     * name their reasons. Any contract may be checked so; the tests compare both ways.
     */
    Result checkAsText(KnownKeys knownKeys, int sampleLimit, boolean write, Optional<Path> previousAccepted)
            throws SQLException {
        loadKnownKeys(knownKeys);
        try {
            loadAsText();
        } catch (SQLException e) {
            return Result.blocked(unreadable(e));
        }
        long rejected = rejectedLines();
        String numbered = numbered("raw", rejected);
        CheckQuery all = new CheckQuery(contract, numbered);
        execute(all.screen(FAILED_ROWS_IN_SCREEN));
        long read = count("SELECT keel_read FROM keel_screen");
        if (read == 0) {
            return Result.blocked(noRows(rejected));
        }
        boolean canonical = count("SELECT keel_keys_not_canonical FROM keel_screen") == 0;
        execute(canonical ? all.createTextDuplicateHashes("raw") : all.createDuplicateHashes("raw"));
        if (count("SELECT count(*) FROM duplicate_hashes") > 0) {
            if (canonical) {
                execute("DROP TABLE duplicate_hashes");
                execute(all.createDuplicateHashes("raw"));
            }
            return checkWithDuplicates(all, sampleLimit, write, previousAccepted);
        }
        long failed = count("SELECT keel_failed_count FROM keel_screen");
        RowCounts rows = new RowCounts(read + rejected, read - failed, failed + rejected);
        if (failed > 0) {
            execute("CREATE TABLE failed_raw AS " + (failed <= FAILED_ROWS_IN_SCREEN
                    ? "SELECT * FROM " + numbered + " WHERE keel_row IN (SELECT unnest(keel_failed_rows) FROM keel_screen)"
                    : all.failedRows()));
            CheckQuery failedRows = new CheckQuery(contract, "failed_raw");
            execute(failedRows.createChecked(false));
            execute(failedRows.createQuarantined());
        }
        quarantineRejected(rejected, failed > 0);
        List<Metric> figures = all.figures().read(db, "keel_screen", c -> all.passingValueCounts(c, failed > 0));
        return finish(rows, all.passingExcept(failed > 0 ? Optional.of("failed_raw") : Optional.empty()), all, figures,
                sampleLimit, write, previousAccepted);
    }

    /** Table {@code raw}: the declared columns as text, in file order (DuckDB spills it to disk beyond its limit). */
    private void loadAsText() throws SQLException {
        execute("CREATE TABLE raw AS SELECT " + asText(contract.columnNames()) + " FROM "
                + format.scanKeepingRejects(file, contract.csv()));
    }

    /**
     * The rows of {@code table} (in file order, without the rejected lines) with column {@code keel_row}, their data
     * row in the file: the rejected lines before a row are counted in (see {@link #rejectedLines}).
     */
    private static String numbered(String table, long rejected) {
        return rejected == 0 ? "(SELECT rowid + 1 AS keel_row, * FROM " + table + ")"
                : "(SELECT keel_p + (SELECT count(*) FROM rejected_rows r WHERE r.keel_before < keel_p) AS keel_row,"
                        + " * EXCLUDE (keel_p) FROM (SELECT rowid + 1 AS keel_p, * FROM " + table + "))";
    }

    /** Why a file with no data row is blocked: it has none, or none of its lines is a record. */
    private String noRows(long rejected) throws SQLException {
        return rejected == 0 ? fileName + ": has no data rows; expected at least one row"
                : String.format(Locale.ROOT, "%s: cannot be read as %s (no line is a record of the header's %d"
                        + " fields: %s); expected %s", fileName, describe(format), headerSize, firstRejection(),
                        expectation(format));
    }

    /**
     * How many lines of a CSV file are not records of the header's columns (too many or too few fields, a stray
     * quote, bytes that are not UTF-8): DuckDB left them out of {@code raw} and kept them in {@code reject_errors}.
     * Table {@code rejected_rows} then holds each one's data row ({@code keel_row}), its text, DuckDB's complaint, and
     * how many rows of {@code raw} come before it ({@code keel_before}), which numbers the rows of {@code raw}.
     */
    private long rejectedLines() throws SQLException {
        if (format == FileFormat.PARQUET) {
            return 0;
        }
        if (!tableExists("rejected_rows")) {
            execute("CREATE TABLE rejected_rows AS SELECT keel_row, keel_row - row_number() OVER (ORDER BY keel_row)"
                    + " AS keel_before, keel_line, keel_error FROM (SELECT line - 1 AS keel_row, any_value(csv_line)"
                    + " AS keel_line, lower(string_agg(DISTINCT error_type, ', ')) AS keel_error FROM reject_errors"
                    + " GROUP BY line)");
        }
        return count("SELECT count(*) FROM rejected_rows");
    }

    /** Adds the rejected lines to table {@code quarantined}, each with its text and one reason, check {@code line}. */
    private void quarantineRejected(long rejected, boolean quarantinedExists) throws SQLException {
        if (rejected == 0) {
            return;
        }
        String nulls = contract.columnNames().stream().map(c -> "CAST(NULL AS VARCHAR) AS " + identifier(c))
                .collect(Collectors.joining(", "));
        String expected = literal(String.format(Locale.ROOT, "a record of %d %s fields, as in the"
                + " header; found ", headerSize, separated())) + " || keel_error";
        String rows = "SELECT keel_row, " + nulls + ", CAST([struct_pack(\"column\" := 'the line', \"value\" :="
                + " keel_line, \"check\" := " + literal(Check.LINE.id()) + ", \"expected\" := " + expected + ")] AS "
                + CheckQuery.REASON_TYPE + "[]) AS keel_reasons FROM rejected_rows";
        execute(quarantinedExists ? "INSERT INTO quarantined BY NAME " + rows : "CREATE TABLE quarantined AS " + rows);
    }

    private String firstRejection() throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT keel_row + 1, keel_error FROM rejected_rows ORDER BY keel_row LIMIT 1")) {
            rs.next();
            return "line " + rs.getLong(1) + ", " + rs.getString(2);
        }
    }

    private boolean tableExists(String table) throws SQLException {
        return count("SELECT count(*) FROM duckdb_tables() WHERE table_name = " + literal(table)) > 0;
    }

    /** The exact check, with each key's count joined to every row, for files where some key is held twice. */
    private Result checkWithDuplicates(CheckQuery query, int sampleLimit, boolean write,
            Optional<Path> previousAccepted) throws SQLException {
        execute(query.createDuplicates());
        execute(query.createChecked(true));
        long read = count("SELECT count(*) FROM checked");
        long accepted = count("SELECT count(*) FROM checked WHERE NOT keel_failed");
        long rejected = rejectedLines();
        RowCounts rows = new RowCounts(read + rejected, accepted, read - accepted + rejected);
        if (read > accepted) {
            execute(query.createQuarantined());
        }
        quarantineRejected(rejected, read > accepted);
        FigureQuery figures = query.figures();
        execute("CREATE TABLE keel_figures AS SELECT " + figures.aggregates() + " FROM checked");
        return finish(rows, query.accepted(), query, figures.read(db, "keel_figures", query::checkedValueCounts),
                sampleLimit, write,
                previousAccepted);
    }

    /** Writes the accepted and quarantined rows (unless a dry run) and gathers the sample and the figures. */
    private Result finish(RowCounts rows, String accepted, CheckQuery quarantine, List<Metric> figures,
            int sampleLimit, boolean write, Optional<Path> previousAccepted) throws SQLException {
        Optional<Path> stagedAccepted = Optional.empty();
        Optional<Path> stagedQuarantine = Optional.empty();
        if (write) {
            stagedAccepted = Optional.of(staging.resolve("accepted.parquet"));
            execute("COPY (" + accepted + ") TO " + literal(stagedAccepted.get()) + " (FORMAT parquet, COMPRESSION zstd)");
            if (rows.quarantined() > 0) {
                stagedQuarantine = Optional.of(staging.resolve("quarantine.parquet"));
                execute("COPY (" + quarantine.quarantined() + ") TO " + literal(stagedQuarantine.get())
                        + " (FORMAT parquet, COMPRESSION zstd)");
            }
        }
        List<QuarantinedRow> sample = rows.quarantined() == 0 ? List.of()
                : QuarantineRows.read(db, "SELECT keel_row, keel_reasons FROM quarantined", fileName, sampleLimit);
        String acceptedRows = stagedAccepted.map(p -> "read_parquet(" + literal(p) + ")").orElse("(" + accepted + ")");
        List<Metric> grid = ContractMetrics.grid(db, acceptedRows, contract, previousAccepted);
        return new Result(Optional.empty(), rows, stagedAccepted, stagedQuarantine, sample,
                ContractMetrics.of(rows, figures, grid));
    }

    /**
     * What checking a file gave: the reason it is blocked, or its row counts, its staged files (none in a dry
     * run), the first quarantined rows and the figures of its accepted rows.
     */
    record Result(Optional<String> blocked, RowCounts rows, Optional<Path> stagedAccepted,
            Optional<Path> stagedQuarantine, List<QuarantinedRow> sample, BatchMetrics figures) {
        static Result blocked(String reason) {
            return new Result(Optional.of(reason), RowCounts.NONE, Optional.empty(), Optional.empty(), List.of(),
                    BatchMetrics.NONE);
        }
    }

    private String unreadable(SQLException e) {
        return String.format(Locale.ROOT, "%s: cannot be read as %s (%s); expected %s",
                fileName, describe(format), readError(e), expectation(format));
    }

    /** Tables {@code known_<i>}, once per ingestion. */
    private void loadKnownKeys(KnownKeys knownKeys) throws SQLException {
        if (knownLoaded) return;
        knownLoaded = true;
        List<ReferenceCheck> references = contract.references();
        for (int i = 0; i < references.size(); i++) {
            ReferenceCheck reference = references.get(i);
            KnownKeys.Source source = knownKeys.of(reference.input()).orElseThrow();
            if (source instanceof KnownKeys.Source.Rows rows) {
                loadKnownKeys(i, reference, rows.parquet());
            } else {
                loadKnownKeys(i, ((KnownKeys.Source.Values) source).keys());
            }
        }
    }

    private void loadKnownKeys(int i, ReferenceCheck reference, Path parquet) throws SQLException {
        String key = identifier(reference.keyColumn());
        try {
            execute("CREATE TABLE known_" + i + " AS SELECT DISTINCT CAST(" + key + " AS VARCHAR) AS keel_key"
                    + " FROM read_parquet(" + literal(parquet) + ") WHERE " + key + " IS NOT NULL");
        } catch (SQLException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "known keys of %s: cannot read column %s from %s (%s); expected the accepted rows of %s",
                    reference.input(), reference.keyColumn(), parquet, firstLine(e), reference.input()), e);
        }
    }

    private void loadKnownKeys(int i, Iterable<String> keys) throws SQLException {
        execute("CREATE TABLE known_" + i + " (keel_key VARCHAR)");
        try (DuckDBAppender appender = db.unwrap(DuckDBConnection.class).createAppender("main", "known_" + i)) {
            for (String key : keys) {
                appender.beginRow().append(key).endRow();
            }
        }
    }

    private List<String> header(FileFormat format) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("DESCRIBE SELECT * FROM " + format.scanKeepingRejects(file, contract.csv()))) {
            while (rs.next()) {
                names.add(rs.getString("column_name"));
            }
        }
        return names;
    }

    private Optional<String> missingColumns(List<String> header) {
        List<String> missing = contract.columnNames().stream().filter(c -> !header.contains(c)).toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s: column%s %s missing; found %s; expected %s%s",
                fileName, missing.size() == 1 ? "" : "s", names(missing) + (missing.size() == 1 ? " is" : " are"),
                names(header), names(contract.columnNames()), delimiterHint(header)));
    }

    /**
     * A declared column named twice in a CSV header; DuckDB renames the second {@code units} to {@code units_1},
     * so only then is the header line read as it is written.
     */
    private Optional<String> duplicateColumns(FileFormat format, List<String> header) throws SQLException {
        boolean renamed = header.stream().anyMatch(h -> contract.columnNames().stream()
                .anyMatch(c -> h.matches(Pattern.quote(c) + "_[0-9]+")));
        if (format == FileFormat.PARQUET || !renamed) {
            return Optional.empty();
        }
        List<String> written = new ArrayList<>();
        String firstLine = format.scan(file, contract.csv()).replace("header = true", "header = false");
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM " + firstLine + " LIMIT 1")) {
            if (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) written.add(rs.getString(i));
            }
        }
        for (String column : contract.columnNames()) {
            long times = written.stream().filter(column::equals).count();
            if (times > 1) {
                return Optional.of(String.format(Locale.ROOT,
                        "%s: column %s appears %d times in the header; expected each column once", fileName, column,
                        times));
            }
        }
        return Optional.empty();
    }

    /** When the header reads as one column holding another usual delimiter: what the file seems to use. */
    private String delimiterHint(List<String> header) {
        if (header.size() != 1) {
            return "";
        }
        String declared = contract.csv().delimiter();
        for (String delimiter : List.of(",", ";", "\t", "|")) {
            if (!delimiter.equals(declared) && header.get(0).contains(delimiter)) {
                return String.format(Locale.ROOT, " (the file seems to be separated by \"%s\"; expected \"%s\" as "
                        + "the contract's csv.delimiter declares)", shownDelimiter(delimiter), shownDelimiter(declared));
            }
        }
        return "";
    }

    private static String shownDelimiter(String delimiter) {
        return delimiter.equals("\t") ? "\\t" : delimiter;
    }

    private static String asText(List<String> columns) {
        return columns.stream().map(c -> "CAST(" + identifier(c) + " AS VARCHAR) AS " + identifier(c))
                .collect(Collectors.joining(", "));
    }

    private static String names(List<String> names) {
        String shown = names.stream().limit(MAX_NAMES_IN_MESSAGE).collect(Collectors.joining(", "));
        return names.size() > MAX_NAMES_IN_MESSAGE ? shown + ", ... (" + names.size() + " in all)" : shown;
    }

    private static String describe(FileFormat format) {
        return switch (format) {
            case CSV -> "CSV";
            case GZIP_CSV -> "gzip'd CSV";
            case PARQUET -> "Parquet";
        };
    }

    private String expectation(FileFormat format) {
        return format == FileFormat.PARQUET
                ? "a Parquet file"
                : encodingName() + " text, a header line, " + separated()
                        + " fields, the same number of fields on every line";
    }

    /** How the contract's delimiter separates fields, e.g. {@code comma-separated} or {@code ";"-separated}. */
    private String separated() {
        String d = contract.csv().delimiter();
        return switch (d) {
            case "," -> "comma-separated";
            case ";" -> "semicolon-separated";
            case "\t" -> "tab-separated";
            default -> "\"" + d + "\"-separated";
        };
    }

    private String encodingName() {
        return switch (contract.csv().encoding()) {
            case "latin-1" -> "Latin-1";
            case "utf-16" -> "UTF-16";
            default -> "UTF-8";
        };
    }

    /** DuckDB's complaint about the file in one line, without the file's full path. */
    private String readError(SQLException e) {
        String message = String.valueOf(e.getMessage());
        Matcher line = CSV_ERROR_LINE.matcher(message);
        Matcher fields = FIELD_COUNT.matcher(message);
        if (line.find() && fields.find()) {
            return String.format(Locale.ROOT, "line %s has %s fields, the header %s",
                    line.group(1), fields.group(2), fields.group(1));
        }
        if (message.contains("Error when sniffing file")) {
            return "its lines do not share one " + separated() + " layout";
        }
        return firstLine(e).replace(file.toAbsolutePath().toString(), fileName);
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage()).strip();
        String line = message.lines().filter(l -> !l.isBlank()).findFirst().orElse(message);
        return line.length() > MAX_ERROR_LENGTH ? line.substring(0, MAX_ERROR_LENGTH) + "..." : line;
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
