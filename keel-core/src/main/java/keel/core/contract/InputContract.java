package keel.core.contract;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract of one input (sales, inventory, catalog, ...): which columns a file must have, of what
 * type, which columns form a unique key, and which columns must refer to known keys of another input.
 *
 * <p>Every declared column must appear in the file's header (extra columns are ignored). Key columns
 * are always required. Rows that fail a check are quarantined with every reason they failed.
 *
 * <p>Built from YAML through {@link #fromMap(String, Map)}:
 *
 * <pre>{@code
 * input: sales
 * owner: data-team@example.com
 * dateFormat: "%Y-%m-%d"        # optional, strptime style; this is the default
 * csv: {delimiter: ";", encoding: latin-1}   # optional; see CsvDialect (default: comma, '"', utf-8)
 * columns:
 *   - {name: item_id, type: text, required: true}
 *   - {name: date, type: date, required: true}
 *   - {name: units, type: integer, required: true, min: 0}
 *   - {name: price, type: decimal, min: 0}
 *   - {name: store_id, type: text, allowed: [ONLINE_UK]}
 * key: [item_id, store_id, date]  # optional; rows sharing a key are all quarantined
 * references:                     # optional
 *   - {column: item_id, input: catalog, key: item_id}   # key defaults to column
 * checks:                         # optional dataset checks; severity block or warn
 *   - {check: volume, window: 8, k: 4, severity: block}
 *   - {check: freshness, column: date, maxAgeDays: 3, severity: block}
 *   - {check: completeness, columns: [item_id, store_id], maxMissingShare: 0.01, severity: warn}
 *   - {check: nulls, column: price, maxShare: 0.05, severity: warn}
 *   - {check: drift, column: units, method: psi, threshold: 0.25, window: 4, severity: warn}
 * }</pre>
 *
 * <p>Columns may also carry {@code pattern} (text: a regular expression each value must match in full) and
 * {@code decimals} (decimal: the most digits after the point); rows failing them are quarantined.
 *
 * @param input the input's name, e.g. {@code sales}: letters, digits, {@code _} and {@code -}
 * @param owner who answers for the data, e.g. a team's address
 * @param columns the declared columns, in order; names are unique
 * @param keyColumns the columns whose values together are unique per row; may be empty
 * @param references the reference checks; may be empty
 * @param dateFormat the strptime-style format of date columns, e.g. {@code %Y-%m-%d}
 * @param checks the dataset checks, in order; may be empty
 * @param csv how the input's CSV files are written (delimiter, quote, escape, encoding)
 */
public record InputContract(
        String input,
        String owner,
        List<Column> columns,
        List<String> keyColumns,
        List<ReferenceCheck> references,
        String dateFormat,
        List<DatasetCheck> checks,
        CsvDialect csv) {

    /** The date format used when a contract names none: ISO dates such as {@code 2024-01-31}. */
    public static final String ISO_DATE = "%Y-%m-%d";

    private static final Set<String> SETTINGS =
            orderedSet("input", "owner", "dateFormat", "csv", "columns", "key", "references", "checks");
    private static final Set<String> CSV_SETTINGS = orderedSet("delimiter", "quote", "escape", "encoding");
    private static final Set<String> COLUMN_SETTINGS =
            orderedSet("name", "type", "required", "min", "max", "allowed", "pattern", "decimals");
    private static final Set<String> REFERENCE_SETTINGS = orderedSet("column", "input", "key");

    /** A contract without dataset checks. */
    public InputContract(String input, String owner, List<Column> columns, List<String> keyColumns,
            List<ReferenceCheck> references, String dateFormat) {
        this(input, owner, columns, keyColumns, references, dateFormat, List.of());
    }

    /** A contract for files in {@link CsvDialect#DEFAULT}. */
    public InputContract(String input, String owner, List<Column> columns, List<String> keyColumns,
            List<ReferenceCheck> references, String dateFormat, List<DatasetCheck> checks) {
        this(input, owner, columns, keyColumns, references, dateFormat, checks, CsvDialect.DEFAULT);
    }

    public InputContract {
        checks = List.copyOf(checks);
        requireText(input, "input");
        requireText(owner, "owner");
        requireText(dateFormat, "dateFormat");
        if (csv == null) {
            throw new IllegalArgumentException("csv is missing; expected a CsvDialect, e.g. CsvDialect.DEFAULT");
        }
        if (!input.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "input was \"%s\"; expected a name of letters, digits, _ and -, e.g. sales", input));
        }
        keyColumns = List.copyOf(keyColumns);
        references = List.copyOf(references);
        columns = withKeysRequired(List.copyOf(columns), keyColumns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("columns is empty; expected at least one column");
        }
        if (!dateFormat.contains("%")) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "dateFormat was \"%s\"; expected a strptime format such as %s", dateFormat, ISO_DATE));
        }
        requireUniqueNames(columns);
        requireDeclared(columns, keyColumns, "key column");
        requireDeclared(columns, references.stream().map(ReferenceCheck::column).toList(), "reference column");
        DatasetChecks.requireFitting(checks, columns);
    }

    /**
     * Builds a contract from a map tree such as a YAML parser yields, checking every setting once.
     *
     * @param source the file the tree came from, named in every complaint, e.g. {@code contracts/sales.yaml}
     * @param tree the parsed contract; see the class comment for its shape
     * @throws IllegalArgumentException naming the source, the key path, what was found and what was
     *     expected, e.g. {@code contracts/sales.yaml: columns[2].type was "float"; expected one of
     *     integer, decimal, text, date}
     */
    public static InputContract fromMap(String source, Map<String, ?> tree) {
        return fromMap(source, tree, KeyLines.NONE);
    }

    /**
     * As {@link #fromMap(String, Map)}, naming the line of the faulty setting in complaints, e.g.
     * {@code contracts/sales.yaml line 12: columns[2].type was "float"; expected one of ...}.
     */
    public static InputContract fromMap(String source, Map<String, ?> tree, KeyLines lines) {
        ContractTree root = ContractTree.root(source, tree, lines);
        root.allowOnly(SETTINGS);
        List<Column> columns = root.children("columns", true).stream().map(InputContract::column).toList();
        List<ReferenceCheck> references =
                root.children("references", false).stream().map(InputContract::reference).toList();
        String input = root.text("input");
        String owner = root.text("owner");
        List<String> key = root.texts("key");
        String dateFormat = root.optionalText("dateFormat").orElse(ISO_DATE);
        CsvDialect csv = root.child("csv").map(InputContract::dialect).orElse(CsvDialect.DEFAULT);
        List<ContractTree> checkNodes = root.children("checks", false);
        List<DatasetCheck> checks = checkNodes.stream().map(DatasetChecks::fromTree).toList();
        for (int i = 0; i < checks.size(); i++) {
            try {
                DatasetChecks.requireFitting(List.of(checks.get(i)), withKeysRequired(columns, key));
            } catch (IllegalArgumentException e) {
                throw checkNodes.get(i).within(e);
            }
        }
        try {
            return new InputContract(input, owner, columns, key, references, dateFormat, checks, csv);
        } catch (IllegalArgumentException e) {
            throw root.within(e);
        }
    }

    /** The declared column called {@code name}, or empty. */
    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The names of the declared columns, in order. */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    private static Column column(ContractTree node) {
        node.allowOnly(COLUMN_SETTINGS);
        String typeWord = node.text("type");
        ColumnType type = ColumnType.fromWord(typeWord)
                .orElseThrow(() -> node.wrong("type", typeWord, "one of " + ColumnType.words()));
        String name = node.text("name");
        boolean required = node.flag("required");
        Optional<BigDecimal> min = node.number("min");
        Optional<BigDecimal> max = node.number("max");
        List<String> allowed = node.texts("allowed");
        Optional<String> pattern = node.optionalText("pattern");
        Optional<Integer> decimals = node.number("decimals").map(d -> {
            if (d.scale() > 0 && d.stripTrailingZeros().scale() > 0 || d.signum() < 0) {
                throw node.wrong("decimals", d, "a whole number >= 0");
            }
            return d.intValue();
        });
        try {
            return new Column(name, type, required, min, max, allowed, pattern, decimals);
        } catch (IllegalArgumentException e) {
            throw node.within(e);
        }
    }

    private static CsvDialect dialect(ContractTree node) {
        node.allowOnly(CSV_SETTINGS);
        CsvDialect d = CsvDialect.DEFAULT;
        String delimiter = oneCharacter(node, "delimiter", d.delimiter());
        String quote = oneCharacter(node, "quote", d.quote());
        String escape = oneCharacter(node, "escape", quote);
        String encoding = node.rawText("encoding").orElse(d.encoding());
        if (!CsvDialect.isKnownEncoding(encoding)) {
            throw node.wrong("encoding", encoding, "one of " + String.join(", ", CsvDialect.ENCODING_NAMES));
        }
        try {
            return new CsvDialect(delimiter, quote, escape, encoding);
        } catch (IllegalArgumentException e) {
            throw node.within(e);
        }
    }

    private static String oneCharacter(ContractTree node, String key, String otherwise) {
        String value = node.rawText(key).orElse(otherwise);
        if (!CsvDialect.isOneCharacter(value)) {
            throw node.wrong(key, value.replace("\t", "\\t").replace("\n", "\\n"), CsvDialect.ONE_CHARACTER);
        }
        return value;
    }

    private static ReferenceCheck reference(ContractTree node) {
        node.allowOnly(REFERENCE_SETTINGS);
        String column = node.text("column");
        return new ReferenceCheck(column, node.text("input"), node.optionalText("key").orElse(column));
    }

    private static List<Column> withKeysRequired(List<Column> columns, List<String> keyColumns) {
        return columns.stream().map(c -> keyColumns.contains(c.name()) ? c.asRequired() : c).toList();
    }

    private static void requireUniqueNames(List<Column> columns) {
        Set<String> seen = new HashSet<>();
        for (Column column : columns) {
            if (!seen.add(column.name())) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "column %s is declared twice; expected unique column names", column.name()));
            }
        }
    }

    private static void requireDeclared(List<Column> columns, List<String> names, String what) {
        List<String> declared = columns.stream().map(Column::name).toList();
        for (String name : names) {
            if (!declared.contains(name)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s %s is not a declared column; expected one of %s", what, name, String.join(", ", declared)));
            }
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is blank; expected a non-empty text");
        }
    }

    private static Set<String> orderedSet(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }
}
