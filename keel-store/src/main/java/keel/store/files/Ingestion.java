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
import keel.core.contract.Batch;
import keel.core.contract.InputContract;
import keel.core.contract.QuarantinedRow;
import keel.core.contract.ReferenceCheck;
import keel.core.contract.RowCounts;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * One file on its way to becoming a batch, in one in-memory DuckDB: load the declared columns as text
 * into table {@code raw}, check them into table {@code checked}, write the results to the staging area.
 *
 * <p>A failed DuckDB statement closes its {@link Statement}, so each statement gets its own.
 */
final class Ingestion {
    private static final int MAX_NAMES_IN_MESSAGE = 12;
    private static final int MAX_ERROR_LENGTH = 300;
    private static final Pattern CSV_ERROR_LINE = Pattern.compile("CSV Error on Line: (\\d+)");
    private static final Pattern FIELD_COUNT = Pattern.compile("Expected Number of Columns: (\\d+) Found: (\\d+)");

    private final Connection db;
    private final Path file;
    private final String fileName;
    private final InputContract contract;
    private final Path staging;

    Ingestion(Connection db, Path file, InputContract contract, Path staging, IngestLimits limits)
            throws SQLException {
        this.db = db;
        this.file = file;
        this.fileName = file.getFileName().toString();
        this.contract = contract;
        this.staging = staging;
        execute("SET temp_directory = " + literal(staging.resolve("duckdb-spill")));
        execute("SET memory_limit = '" + limits.memoryLimitMegabytes() + "MB'");
    }

    /** Loads the declared columns as text into table {@code raw}; the reason the batch is blocked if it cannot. */
    Optional<String> load() throws SQLException {
        if (size() == 0) {
            return Optional.of(fileName + ": the file is empty; expected a header line with the columns "
                    + names(contract.columnNames()));
        }
        FileFormat format = FileFormat.of(file);
        try {
            List<String> header = header(format);
            Optional<String> missing = missingColumns(header);
            if (missing.isPresent()) {
                return missing;
            }
            Optional<String> twice = duplicateColumns(format, header);
            if (twice.isPresent()) {
                return twice;
            }
            execute("CREATE TABLE raw AS SELECT " + asText(contract.columnNames()) + " FROM " + format.scan(file));
        } catch (SQLException e) {
            return Optional.of(String.format(Locale.ROOT, "%s: cannot be read as %s (%s); expected %s",
                    fileName, describe(format), readError(e), expectation(format)));
        }
        if (count("SELECT count(*) FROM raw") == 0) {
            return Optional.of(fileName + ": has no data rows; expected at least one row");
        }
        return Optional.empty();
    }

    /** Checks every row, writes accepted and quarantined rows, and publishes them as a batch. */
    Batch check(KnownKeys knownKeys, BatchKey key, int sampleLimit, BatchFiles files) throws SQLException {
        loadKnownKeys(knownKeys);
        CheckQuery query = new CheckQuery(contract);
        execute(query.createDuplicateHashes());
        boolean duplicates = count("SELECT count(*) FROM duplicate_hashes") > 0;
        if (duplicates) {
            execute(query.createDuplicates());
        }
        execute(query.createChecked(duplicates));
        long read = count("SELECT count(*) FROM checked");
        long accepted = count("SELECT count(*) FROM checked WHERE NOT keel_failed");
        RowCounts rows = new RowCounts(read, accepted, read - accepted);
        if (rows.quarantined() > 0) {
            execute(query.createQuarantined());
        }
        execute("DROP TABLE raw");
        Path stagedAccepted = staging.resolve("accepted.parquet");
        execute("COPY (" + query.accepted() + ") TO " + literal(stagedAccepted) + " (FORMAT parquet, COMPRESSION zstd)");
        Optional<Path> stagedQuarantine = Optional.empty();
        List<QuarantinedRow> sample = List.of();
        if (rows.quarantined() > 0) {
            stagedQuarantine = Optional.of(staging.resolve("quarantine.parquet"));
            execute("COPY (" + query.quarantined() + ") TO " + literal(stagedQuarantine.get())
                    + " (FORMAT parquet, COMPRESSION zstd)");
            sample = QuarantineRows.read(db, "SELECT keel_row, keel_reasons FROM quarantined", fileName, sampleLimit);
        }
        files.publish(key, stagedAccepted, stagedQuarantine, new BatchFiles.Stored(fileName, rows));
        Optional<Path> quarantine = stagedQuarantine.map(staged -> files.quarantine(key));
        return Batch.checked(key.input(), key.contentHash(), fileName, rows, files.accepted(key), quarantine, sample);
    }

    private void loadKnownKeys(KnownKeys knownKeys) throws SQLException {
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
                ResultSet rs = statement.executeQuery("DESCRIBE SELECT * FROM " + format.scan(file))) {
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
        String firstLine = format.scan(file).replace("header = true", "header = false");
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

    private static String delimiterHint(List<String> header) {
        if (header.size() != 1) {
            return "";
        }
        for (String delimiter : List.of(";", "\t", "|")) {
            if (header.get(0).contains(delimiter)) {
                return String.format(Locale.ROOT, " (the file seems to be separated by \"%s\"; expected \",\")",
                        delimiter.equals("\t") ? "\\t" : delimiter);
            }
        }
        return "";
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

    private static String expectation(FileFormat format) {
        return format == FileFormat.PARQUET
                ? "a Parquet file"
                : "UTF-8 text, a header line, comma-separated fields, the same number of fields on every line";
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
            return "its lines do not share one comma-separated layout";
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
