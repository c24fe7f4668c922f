package keel.store.files;

import static keel.store.files.Sql.identifier;
import static keel.store.files.Sql.literal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import keel.core.contract.Check;
import keel.core.contract.Column;
import keel.core.contract.ColumnType;
import keel.core.contract.InputContract;
import keel.core.contract.ReferenceCheck;

/**
 * The SQL that checks every row of a relation (column {@code keel_row}, the 1-based data row, and the declared
 * columns as text, in file order) against a contract, keeping every reason a row fails.
 *
 * <p>{@link #createRows} checks all rows of a file as it is read and keeps their typed values, key hashes and
 * failed flags in table {@code keel_rows}, the text only of failed rows; {@link #screenRows} and
 * {@link #createRowDuplicateHashes} then aggregate that table. For contracts with references, whose joins reorder
 * rows, the file is first loaded as text:
 * {@link #screen} checks all rows in one aggregation that counts the rows, the failed rows and the first
 * failed row numbers and computes the figures, storing no row; {@link #createChecked} stores every row's typed
 * values for files whose keys must be counted exactly. Table {@code checked} gets: {@code keel_row}, typed columns
 * {@code keel_t_<i>} and
 * {@code keel_failed}. Table {@code quarantined} then gets the failed rows with their raw values and
 * {@code keel_reasons}, a list of {@link #REASON_TYPE} structs: the reasons are only built for rows that failed,
 * and the raw text is only copied for them, which keeps clean rows cheap (see the speed benchmark in the README).
 * Reference {@code i} of the contract is checked against table {@code known_<i>(keel_key VARCHAR)}.
 */
final class CheckQuery {
    static final String REASON_TYPE =
            "STRUCT(\"column\" VARCHAR, \"value\" VARCHAR, \"check\" VARCHAR, \"expected\" VARCHAR)";

    private final InputContract contract;
    private final List<Column> columns;
    private final String rows;

    /**
     * @param rows the relation checked: a table name or a parenthesised query with an alias, with column
     *     {@code keel_row} and the declared columns as text
     */
    CheckQuery(InputContract contract, String rows) {
        this.contract = contract;
        this.rows = rows;
        this.columns = contract.columns();
        for (String name : contract.columnNames()) {
            if (name.toLowerCase(Locale.ROOT).startsWith("keel_")) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "contract %s: column %s starts with keel_; expected another name (keel_ is reserved)",
                        contract.input(), name));
            }
        }
    }

    /**
     * Table {@code checked}: per row its number, typed values, how many rows share its key, whether each reference
     * is unknown, and whether any check failed. No text and no reasons: clean rows stay cheap.
     */
    String createChecked(boolean withDuplicates) {
        StringBuilder unknown = new StringBuilder();
        for (int i = 0; i < contract.references().size(); i++) unknown.append(", keel_unknown_").append(i);
        return "CREATE TABLE checked AS " + flagged(withDuplicates) + " SELECT keel_row, " + typedColumns()
                + ", keel_key_rows" + unknown + ", keel_failed FROM flagged";
    }

    /**
     * Table {@code keel_screen}, one row: {@code keel_read} rows, {@code keel_failed_count} of them failing a
     * check other than the key's, {@code keel_failed_rows} the numbers of the first {@code sample} of those (NULL
     * when none), and the figures of the rows that pass, as columns {@code keel_f_<i>} (see {@link FigureQuery}).
     * Key uniqueness is left to {@link #createDuplicateHashes}. One pass; no row is stored.
     */
    String screen(int sample) {
        FigureQuery figures = figures();
        return "CREATE TABLE keel_screen AS " + flagged(false) + " SELECT count(*) AS keel_read,"
                + " count_if(keel_failed) AS keel_failed_count, min_by(keel_row, keel_row, " + Math.max(1, sample)
                + ") FILTER (WHERE keel_failed) AS keel_failed_rows, count_if(" + keyNotCanonical()
                + ") AS keel_keys_not_canonical, " + figures.aggregates() + " FROM flagged";
    }

    /**
     * Table {@code keel_rows}, one row per row of {@code rows} in the same order (so its {@code rowid} numbers them):
     * {@code keel_failed} (any check failed but the key's), {@code keel_text} the declared columns as text only for
     * failed rows (one list, NULL for the others, which keeps the table small), the typed values {@code keel_t_<i>}
     * and {@code keel_h}, the hash of the typed key (NULL when a key value is missing or has no key). One streaming
     * pass over the file: the text of clean rows is never stored. Only for contracts without references: a join does
     * not keep the rows' order.
     */
    String createRows() {
        if (!contract.references().isEmpty()) {
            throw new IllegalStateException("contract " + contract.input() + " has references; their joins reorder rows");
        }
        return "CREATE TABLE keel_rows AS " + flagged(false) + " SELECT keel_failed, CASE WHEN keel_failed THEN ["
                + rawColumns() + "] END AS keel_text, " + typedColumns() + ", " + keyHash() + " AS keel_h FROM flagged";
    }

    /**
     * The number of rows of table {@code keel_rows} whose value of a reference's column (as text) is not among
     * that reference's known keys ({@code known_<i>}); {@code references} are those of the full contract, which
     * this query (built without them, for the streaming pass) does not check. An anti-join that only counts: the
     * rows' order does not matter.
     */
    String unknownReferences(List<ReferenceCheck> references) {
        List<String> counts = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            String value = "CAST(r." + typedName(references.get(i).column()) + " AS VARCHAR)";
            counts.add("(SELECT count(*) FROM keel_rows r WHERE " + value + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM"
                    + " known_" + i + " k WHERE k.keel_key = " + value + "))");
        }
        return "SELECT " + (counts.isEmpty() ? "0" : String.join(" + ", counts));
    }

    /** The declared columns as text from list {@code keel_text} of table {@code keel_rows}, named as declared. */
    String textColumns() {
        return IntStream.range(0, columns.size())
                .mapToObj(i -> "keel_text[" + (i + 1) + "] AS " + identifier(columns.get(i).name()))
                .collect(Collectors.joining(", "));
    }

    /** The hash of the typed key values, as {@link #createDuplicateHashes} computes it; NULL when one is missing. */
    private String keyHash() {
        List<String> keys = contract.keyColumns();
        if (keys.isEmpty()) {
            return "CAST(NULL AS UBIGINT)";
        }
        String present = keys.stream().map(k -> typedName(k) + " IS NOT NULL").collect(Collectors.joining(" AND "));
        String typed = keys.stream().map(this::typedName).collect(Collectors.joining(", "));
        return "CASE WHEN " + present + " THEN hash(" + typed + ") END";
    }

    /**
     * Table {@code keel_screen}, one row, from table {@code keel_rows}: {@code keel_read} rows,
     * {@code keel_failed_count} of them failing a check other than the key's, and the figures of the rows that
     * pass, as columns {@code keel_f_<i>} (see {@link FigureQuery}). Scans of typed columns: cheap. The figures
     * aggregate the passing rows selected once, rather than each aggregate filtering every row.
     */
    String screenRows() {
        return "CREATE TABLE keel_screen AS SELECT (SELECT count(*) FROM keel_rows) AS keel_read, (SELECT"
                + " count_if(keel_failed) FROM keel_rows) AS keel_failed_count, "
                + new FigureQuery(contract, this::typedName, "").aggregates() + " FROM keel_rows WHERE NOT keel_failed";
    }

    /** Table {@code duplicate_hashes} from the key hashes of table {@code keel_rows}, see {@link #createDuplicateHashes}. */
    String createRowDuplicateHashes() {
        return "CREATE TABLE duplicate_hashes AS SELECT keel_h FROM keel_rows WHERE keel_h IS NOT NULL GROUP BY 1"
                + " HAVING count(*) > 1";
    }

    /** The counted typed values {@code (v, n)} of {@code column} among the passing rows of table {@code keel_rows}. */
    String rowValueCounts(String column) {
        return "SELECT " + typedName(column) + " AS v, count(*) AS n FROM keel_rows WHERE NOT keel_failed AND "
                + typedName(column) + " IS NOT NULL GROUP BY 1";
    }

    /** The rows of table {@code keel_rows} that pass every check, with their declared names and types, in order. */
    String passingRows() {
        String select = IntStream.range(0, columns.size())
                .mapToObj(i -> typedName(i) + " AS " + identifier(columns.get(i).name()))
                .collect(Collectors.joining(", "));
        return "SELECT " + select + " FROM keel_rows WHERE NOT keel_failed";
    }

    /**
     * Whether a row has a key value not written as its type writes it (e.g. {@code 2024-1-5} for a date, {@code 07}
     * for an integer) or not of its type. When no row has, two keys are equal as typed values exactly when they are
     * equal as text, and {@link #createTextDuplicateHashes} may hash the text.
     */
    private String keyNotCanonical() {
        List<String> conditions = new ArrayList<>();
        for (String k : contract.keyColumns()) {
            Column column = contract.column(k).orElseThrow();
            String typed = typedName(k);
            String raw = identifier(k);
            String written = switch (column.type()) {
                case TEXT -> null;
                case DATE -> "strftime(" + typed + ", " + literal(contract.dateFormat()) + ")";
                case INTEGER, DECIMAL -> "CAST(" + typed + " AS VARCHAR)";
            };
            if (written != null) {
                conditions.add("(" + presentName(columns.indexOf(column)) + " IS NOT NULL AND (" + typed
                        + " IS NULL OR " + written + " <> " + raw + "))");
            }
        }
        return conditions.isEmpty() ? "false" : String.join(" OR ", conditions);
    }

    /**
     * As {@link #createDuplicateHashes}, hashing the key values as text, which is cheaper; only right when
     * {@link #screen} found every key value written as its type writes it.
     */
    String createTextDuplicateHashes(String from) {
        if (contract.keyColumns().isEmpty()) {
            return "CREATE TABLE duplicate_hashes (keel_h UBIGINT)";
        }
        String present = contract.keyColumns().stream().map(k -> present(identifier(k)) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
        return "CREATE TABLE duplicate_hashes AS SELECT hash(" + Sql.identifiers(contract.keyColumns()) + ") AS keel_h"
                + " FROM " + from + " WHERE " + present + " GROUP BY 1 HAVING count(*) > 1";
    }

    /** The figures {@link #screen} computes, to read them back from {@code keel_screen}. */
    FigureQuery figures() {
        return new FigureQuery(contract, this::typedName, "NOT keel_failed");
    }

    /**
     * The counted typed values {@code (v, n)} of {@code column} among the rows that pass every check but the key's,
     * NULL left out: all rows of {@code rows} counted, less the failed ones in table {@code checked} (when
     * {@code failedChecked}), which holds just those rows.
     */
    String passingValueCounts(String column, boolean failedChecked) {
        Column declared = contract.column(column).orElseThrow();
        String value = typedValue(declared, present(identifier(column)));
        String all = "SELECT " + value + " AS v, count(*) AS n FROM " + rows + " WHERE " + value
                + " IS NOT NULL GROUP BY 1";
        if (!failedChecked) {
            return all;
        }
        String failed = "SELECT " + typedName(column) + " AS v, -count(*) AS n FROM checked WHERE keel_failed AND "
                + typedName(column) + " IS NOT NULL GROUP BY 1";
        return "SELECT v, sum(n) AS n FROM (" + all + " UNION ALL " + failed + ") GROUP BY 1 HAVING sum(n) > 0";
    }

    /** The counted typed values {@code (v, n)} of {@code column} among the passing rows of table {@code checked}. */
    String checkedValueCounts(String column) {
        return "SELECT " + typedName(column) + " AS v, count(*) AS n FROM checked WHERE NOT keel_failed AND "
                + typedName(column) + " IS NOT NULL GROUP BY 1";
    }

    /** The rows that fail a check other than the key's: row number and the declared columns as text. */
    String failedRows() {
        return flagged(false) + " SELECT keel_row, " + rawColumns() + " FROM flagged WHERE keel_failed";
    }

    /**
     * The rows that pass every check, given the failed ones: all rows but those in table {@code failedTable} (or
     * all rows, when empty), with their declared names and types: the values are typed again, but not checked
     * again. Only right when no key is held by two rows and the table holds every failed row.
     */
    String passingExcept(Optional<String> failedTable) {
        String select = IntStream.range(0, columns.size())
                .mapToObj(i -> typedName(i) + " AS " + identifier(columns.get(i).name()))
                .collect(Collectors.joining(", "));
        return "WITH present AS (" + present() + "), typed AS (" + typed() + ") SELECT " + select + " FROM typed"
                + failedTable.map(t -> " WHERE keel_row NOT IN (SELECT keel_row FROM " + t + ")").orElse("");
    }

    /** The CTEs up to {@code flagged}: each row with its typed values and whether any check failed. */
    private String flagged(boolean withDuplicates) {
        return "WITH present AS (" + present() + ")"
                + ", typed AS (" + typed() + ")"
                + ", joined AS (" + joined(withDuplicates) + ")"
                + ", flagged AS (SELECT *, " + failed(reasons()) + " AS keel_failed FROM joined)";
    }

    /**
     * Table {@code duplicate_hashes}: the hashes of typed keys held by more than one row. Grouping by one 64-bit
     * hash is far cheaper than by the key's text, and a file without duplicates (the usual case) ends here; the
     * rare candidates are then counted exactly by {@link #createDuplicates()}. Empty when there is no key.
     */
    String createDuplicateHashes(String from) {
        if (contract.keyColumns().isEmpty()) {
            return "CREATE TABLE duplicate_hashes (keel_h UBIGINT)";
        }
        return "CREATE TABLE duplicate_hashes AS SELECT hash(" + keyValues() + ") AS keel_h FROM " + from + " WHERE "
                + keysPresent() + " GROUP BY 1 HAVING count(*) > 1";
    }

    /** Table {@code duplicates}: each typed key of {@code rows} held by more than one row, with how many; exact. */
    String createDuplicates() {
        String typedKeys = contract.keyColumns().stream().map(this::typedName).collect(Collectors.joining(", "));
        return "CREATE TABLE duplicates AS WITH k AS (SELECT " + keyValues(true) + " FROM " + rows + " WHERE "
                + keysPresent()
                + " AND hash(" + keyValues() + ") IN (SELECT keel_h FROM duplicate_hashes))"
                + " SELECT " + typedKeys + ", count(*) AS keel_key_rows FROM k GROUP BY " + typedKeys
                + " HAVING count(*) > 1";
    }

    private String keyValues() {
        return keyValues(false);
    }

    /** The typed values of the key columns, computed from {@code raw} as in {@link #typed()}. */
    private String keyValues(boolean named) {
        return contract.keyColumns().stream().map(k -> {
            Column column = contract.column(k).orElseThrow();
            String value = typedValue(column, present(identifier(k)));
            return named ? value + " AS " + typedName(k) : value;
        }).collect(Collectors.joining(", "));
    }

    private String keysPresent() {
        return contract.keyColumns().stream().map(k -> {
            Column column = contract.column(k).orElseThrow();
            return typedValue(column, present(identifier(k))) + " IS NOT NULL";
        }).collect(Collectors.joining(" AND "));
    }

    /**
     * Table {@code quarantined}: the failed rows of {@code checked} with their values as found in {@code raw} and
     * every reason, in file order. Only these few rows are trimmed and checked again to name their reasons.
     */
    String createQuarantined() {
        String present = IntStream.range(0, columns.size())
                .mapToObj(i -> present("raw." + identifier(columns.get(i).name())) + " AS " + presentName(i))
                .collect(Collectors.joining(", "));
        String raw = contract.columnNames().stream().map(c -> "raw." + identifier(c)).collect(Collectors.joining(", "));
        return "CREATE TABLE quarantined AS WITH failed AS (SELECT * FROM checked WHERE keel_failed)"
                + ", present AS (SELECT failed.*, " + raw + ", " + present
                + " FROM failed JOIN " + rows + " AS raw ON raw.keel_row = failed.keel_row)"
                + " SELECT keel_row, " + rawColumns() + ", CAST(" + list(reasons()) + " AS " + REASON_TYPE
                + "[]) AS keel_reasons FROM present ORDER BY keel_row";
    }

    /**
     * The accepted rows with their declared names and types, in file order (the join with the duplicates in
     * {@code checked} does not keep it).
     */
    String accepted() {
        String select = IntStream.range(0, columns.size())
                .mapToObj(i -> typedName(i) + " AS " + identifier(columns.get(i).name()))
                .collect(Collectors.joining(", "));
        return "SELECT " + select + " FROM checked WHERE NOT keel_failed ORDER BY keel_row";
    }

    /** The quarantined rows: row number, values as found, reasons; in file order. */
    String quarantined() {
        return "SELECT keel_row, " + rawColumns() + ", keel_reasons FROM quarantined ORDER BY keel_row";
    }

    /** Each value trimmed, NULL when empty: computed once, used by every check of the column. */
    private String present() {
        String present = IntStream.range(0, columns.size())
                .mapToObj(i -> present(identifier(columns.get(i).name())) + " AS " + presentName(i))
                .collect(Collectors.joining(", "));
        return "SELECT *, " + present + " FROM " + rows;
    }

    /**
     * {@code text} without leading and trailing spaces, NULL when nothing is left. Trimming is costly and rare, so
     * only values that start or end with a space are trimmed.
     */
    private static String present(String text) {
        return "CASE WHEN prefix(" + text + ", ' ') OR suffix(" + text + ", ' ') THEN nullif(trim(" + text
                + "), '') ELSE nullif(" + text + ", '') END";
    }

    private String typed() {
        String typedColumns = IntStream.range(0, columns.size())
                .mapToObj(i -> typedValue(columns.get(i), presentName(i)) + " AS " + typedName(i))
                .collect(Collectors.joining(", "));
        return "SELECT *, " + typedColumns + " FROM present";
    }

    private String joined(boolean withDuplicates) {
        List<String> keys = contract.keyColumns();
        boolean join = withDuplicates && !keys.isEmpty();
        StringBuilder sql = new StringBuilder("SELECT typed.*, ")
                .append(join ? "coalesce(duplicates.keel_key_rows, 1)" : "1").append(" AS keel_key_rows");
        List<ReferenceCheck> references = contract.references();
        for (int i = 0; i < references.size(); i++) {
            sql.append(", known_").append(i).append(".keel_key IS NULL AS keel_unknown_").append(i);
        }
        sql.append(" FROM typed");
        if (join) {
            sql.append(" LEFT JOIN duplicates ON ").append(keys.stream()
                    .map(k -> "typed." + typedName(k) + " = duplicates." + typedName(k))
                    .collect(Collectors.joining(" AND ")));
        }
        for (int i = 0; i < references.size(); i++) {
            sql.append(" LEFT JOIN known_").append(i).append(" ON CAST(typed.")
                    .append(typedName(references.get(i).column())).append(" AS VARCHAR) = known_").append(i)
                    .append(".keel_key");
        }
        return sql.toString();
    }

    private List<Reason> reasons() {
        List<Reason> reasons = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            reasons.addAll(columnReasons(columns.get(i), presentName(i), typedName(i)));
        }
        if (!contract.keyColumns().isEmpty()) {
            reasons.add(keyReason());
        }
        for (int i = 0; i < contract.references().size(); i++) {
            reasons.add(referenceReason(contract.references().get(i), i));
        }
        return reasons;
    }

    /**
     * Whether any check fails; a NULL condition (e.g. a comparison with an empty value) does not fail. The
     * conditions are OR'ed as they are and the result tested once with {@code IS TRUE} (true exactly when one of them
     * is true), cheaper than a {@code coalesce} around each.
     */
    private static String failed(List<Reason> reasons) {
        return reasons.isEmpty()
                ? "false"
                : reasons.stream().map(r -> "(" + r.failsWhen() + ")").collect(Collectors.joining(" OR ", "(", ") IS TRUE"));
    }

    /** Every failed check's struct, in the order of the contract; only evaluated for rows that failed. */
    private static String list(List<Reason> reasons) {
        return reasons.isEmpty()
                ? "[]"
                : "list_filter([" + reasons.stream().map(Reason::caseWhen).collect(Collectors.joining(", "))
                        + "], lambda r: r IS NOT NULL)";
    }

    private List<Reason> columnReasons(Column column, String present, String typed) {
        List<Reason> reasons = new ArrayList<>();
        if (column.required()) {
            reasons.add(reason(present + " IS NULL", column, Check.REQUIRED, literal("a value")));
        }
        if (column.type() != ColumnType.TEXT) {
            reasons.add(reason(present + " IS NOT NULL AND " + typed + " IS NULL", column, Check.TYPE,
                    literal(column.expectedType(contract.dateFormat()))));
        }
        column.min().ifPresent(min -> reasons.add(
                reason(typed + " < " + number(min), column, Check.MIN, literal(column.expectedMin()))));
        column.max().ifPresent(max -> reasons.add(
                reason(typed + " > " + number(max), column, Check.MAX, literal(column.expectedMax()))));
        column.pattern().ifPresent(pattern -> reasons.add(reason("NOT regexp_full_match(" + typed + ", "
                + literal(pattern) + ")", column, Check.PATTERN, literal(column.expectedPattern()))));
        column.decimals().ifPresent(places -> reasons.add(reason("round(" + typed + ", " + places + ") <> " + typed,
                column, Check.PRECISION, literal(column.expectedPrecision()))));
        if (!column.allowedValues().isEmpty()) {
            String allowed = column.allowedValues().stream().map(Sql::literal).collect(Collectors.joining(", "));
            reasons.add(reason(typed + " NOT IN (" + allowed + ")", column, Check.ALLOWED_VALUES,
                    literal(column.expectedAllowed())));
        }
        return reasons;
    }

    private Reason keyReason() {
        List<String> keys = contract.keyColumns();
        String names = String.join(", ", keys);
        String value = "concat_ws(', ', " + keys.stream().map(Sql::identifier).collect(Collectors.joining(", ")) + ")";
        String expected = literal("a key (" + names + ") no other row has; ") + " || keel_key_rows || ' rows have it'";
        return new Reason("keel_key_rows > 1", struct(literal(names), value, Check.UNIQUE_KEY, expected));
    }

    private Reason referenceReason(ReferenceCheck reference, int i) {
        Column column = contract.column(reference.column()).orElseThrow();
        return reason(typedName(reference.column()) + " IS NOT NULL AND keel_unknown_" + i, column,
                Check.REFERENCE, literal(reference.expected()));
    }

    private static Reason reason(String failsWhen, Column column, Check check, String expected) {
        return new Reason(failsWhen, struct(literal(column.name()), identifier(column.name()), check, expected));
    }

    private static String struct(String column, String value, Check check, String expected) {
        return "struct_pack(\"column\" := " + column + ", \"value\" := CAST(" + value + " AS VARCHAR), \"check\" := "
                + literal(check.id()) + ", \"expected\" := " + expected + ")";
    }

    /**
     * The value of {@code present} (trimmed text) as the column's type, NULL when it is not one. DuckDB's casts are
     * lax ({@code 3.5}, {@code 1e3}, {@code 0x10}, {@code 1_000} all cast to BIGINT), so an integer must match the
     * pattern of {@link ColumnType#INTEGER}; a value that reads back as the same text after the cast (the usual case,
     * e.g. {@code 12}) is a whole number without the costlier pattern match.
     */
    private String typedValue(Column column, String present) {
        return switch (column.type()) {
            case TEXT -> "CASE WHEN " + present + " IS NOT NULL THEN " + identifier(column.name()) + " END";
            case INTEGER -> "CASE WHEN CAST(TRY_CAST(" + present + " AS BIGINT) AS VARCHAR) = " + present
                    + " OR regexp_full_match(" + present + ", '[+-]?[0-9]+([.]0*)?') THEN TRY_CAST(" + present
                    + " AS BIGINT) END";
            case DECIMAL -> "CASE WHEN isfinite(TRY_CAST(" + present + " AS DOUBLE)) THEN TRY_CAST(" + present
                    + " AS DOUBLE) END";
            case DATE -> "CAST(TRY_STRPTIME(" + present + ", " + literal(contract.dateFormat()) + ") AS DATE)";
        };
    }

    private String rawColumns() {
        return Sql.identifiers(contract.columnNames());
    }

    private String typedColumns() {
        return IntStream.range(0, columns.size()).mapToObj(this::typedName).collect(Collectors.joining(", "));
    }

    private String presentName(int i) {
        return "keel_p_" + i;
    }

    private String typedName(int i) {
        return "keel_t_" + i;
    }

    private String typedName(String column) {
        return typedName(contract.columnNames().indexOf(column));
    }

    private static String number(BigDecimal value) {
        return value.toPlainString();
    }

    /** One check as SQL: when it fails, and the reason struct it then records. */
    private record Reason(String failsWhen, String struct) {
        String caseWhen() {
            return "CASE WHEN " + failsWhen + " THEN " + struct + " END";
        }
    }
}
