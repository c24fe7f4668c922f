package keel.core.contract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/** Reads dataset checks from a contract's {@code checks} list and checks them against the declared columns. */
final class DatasetChecks {
    private static final List<String> KINDS = List.of("volume", "freshness", "completeness", "nulls", "drift");

    private DatasetChecks() {}

    static DatasetCheck fromTree(ContractTree node) {
        String kind = node.text("check");
        Severity severity = severity(node);
        return switch (kind) {
                case "volume" -> {
                    node.allowOnly(Set.of("check", "severity", "window", "k"));
                    int window = whole(node, "window", 8);
                    double k = node.decimal("k").orElse(4.0);
                    yield built(node, () -> new DatasetCheck.Volume(window, k, severity));
                }
                case "freshness" -> {
                    node.allowOnly(Set.of("check", "severity", "column", "maxAgeDays"));
                    String column = node.text("column");
                    int maxAge = whole(node, "maxAgeDays", 1);
                    yield built(node, () -> new DatasetCheck.Freshness(column, maxAge, severity));
                }
                case "completeness" -> {
                    node.allowOnly(Set.of("check", "severity", "columns", "maxMissingShare"));
                    if (!node.has("columns")) throw node.missing("columns", "a list of key columns, e.g. [item_id]");
                    List<String> columns = node.texts("columns");
                    double share = node.decimal("maxMissingShare").orElse(0.0);
                    yield built(node, () -> new DatasetCheck.Completeness(columns, share, severity));
                }
                case "nulls" -> {
                    node.allowOnly(Set.of("check", "severity", "column", "maxShare"));
                    String column = node.text("column");
                    double share = node.decimal("maxShare").orElse(0.0);
                    yield built(node, () -> new DatasetCheck.NullShare(column, share, severity));
                }
                case "drift" -> {
                    node.allowOnly(Set.of("check", "severity", "column", "method", "threshold", "window"));
                    String word = node.text("method");
                    DriftMethod method = DriftMethod.fromWord(word)
                            .orElseThrow(() -> node.wrong("method", word, "one of " + DriftMethod.words()));
                    double threshold = node.decimal("threshold")
                            .orElseThrow(() -> node.missing("threshold", "a score above which the column has drifted"));
                    String column = node.text("column");
                    int window = whole(node, "window", 4);
                    yield built(node, () -> new DatasetCheck.Distribution(column, method, threshold, window, severity));
                }
                default -> throw node.wrong("check", kind, "one of " + String.join(", ", KINDS));
            };
    }

    private static DatasetCheck built(ContractTree node, Supplier<DatasetCheck> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw node.within(e);
        }
    }

    /** Each check names declared columns of a fitting type. */
    static void requireFitting(List<DatasetCheck> checks, List<Column> columns) {
        for (DatasetCheck check : checks) {
            if (check instanceof DatasetCheck.Freshness f) {
                requireType(columns, f.column(), f.label(), ColumnType.DATE);
            } else if (check instanceof DatasetCheck.NullShare n) {
                requireType(columns, n.column(), n.label());
            } else if (check instanceof DatasetCheck.Completeness c) {
                c.columns().forEach(k -> requireType(columns, k, c.label()));
            } else if (check instanceof DatasetCheck.Distribution d && d.method().isNumeric()) {
                requireType(columns, d.column(), d.label(), ColumnType.INTEGER, ColumnType.DECIMAL);
            } else if (check instanceof DatasetCheck.Distribution d) {
                requireType(columns, d.column(), d.label(), ColumnType.TEXT);
            }
        }
    }

    private static void requireType(List<Column> columns, String name, String check, ColumnType... types) {
        Column column = columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(String.format(Locale.ROOT,
                        "check %s names column %s, which is not declared; expected one of %s", check, name,
                        String.join(", ", columns.stream().map(Column::name).toList()))));
        if (types.length > 0 && !List.of(types).contains(column.type())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "check %s needs a %s column; %s is %s", check,
                    String.join(" or ", List.of(types).stream().map(ColumnType::word).toList()), name,
                    column.type().word()));
        }
    }

    private static Severity severity(ContractTree node) {
        String word = node.text("severity");
        return Severity.fromWord(word).orElseThrow(() -> node.wrong("severity", word, "block or warn"));
    }

    private static int whole(ContractTree node, String key, int otherwise) {
        return node.number(key).map(n -> {
            if (n.stripTrailingZeros().scale() > 0 || n.signum() < 0) throw node.wrong(key, n, "a whole number >= 0");
            return n.intValue();
        }).orElse(otherwise);
    }
}
