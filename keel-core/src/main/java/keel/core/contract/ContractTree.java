package keel.core.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads one node of a contract's map tree (what a YAML parser yields), naming the source file and the
 * key path in every complaint, e.g. {@code contracts/sales.yaml: columns[2].type was "float"; ...}.
 */
final class ContractTree {
    private final String source;
    private final String path;
    private final Map<?, ?> node;
    private final KeyLines lines;

    private ContractTree(String source, String path, Map<?, ?> node, KeyLines lines) {
        this.source = source;
        this.path = path;
        this.node = node;
        this.lines = lines;
    }

    static ContractTree root(String source, Map<?, ?> tree, KeyLines lines) {
        if (tree == null) {
            throw new IllegalArgumentException(source + ": is empty; expected a contract with input, owner and columns");
        }
        return new ContractTree(source, "", tree, lines);
    }

    String path() {
        return path;
    }

    boolean has(String key) {
        return node.get(key) != null;
    }

    Optional<Double> decimal(String key) {
        return number(key).map(BigDecimal::doubleValue);
    }

    void allowOnly(Set<String> keys) {
        for (Object key : node.keySet()) {
            if (!keys.contains(String.valueOf(key))) {
                throw fail(at(String.valueOf(key)), at(String.valueOf(key)) + " is not a setting; expected one of "
                        + String.join(", ", keys));
            }
        }
    }

    String text(String key) {
        return optionalText(key).orElseThrow(() -> missing(key, "a non-empty text"));
    }

    Optional<String> optionalText(String key) {
        Object value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String || value instanceof Number) || value.toString().isBlank()) {
            throw wrong(key, value, "a non-empty text");
        }
        return Optional.of(value.toString());
    }

    boolean flag(String key) {
        Object value = node.get(key);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean)) {
            throw wrong(key, value, "true or false");
        }
        return (Boolean) value;
    }

    Optional<BigDecimal> number(String key) {
        Object value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof BigDecimal) {
            return Optional.of((BigDecimal) value);
        }
        if (value instanceof BigInteger) {
            return Optional.of(new BigDecimal((BigInteger) value));
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return Optional.of(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                return Optional.of(BigDecimal.valueOf(d));
            }
        }
        throw wrong(key, value, "a number");
    }

    List<String> texts(String key) {
        Object value = node.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw wrong(key, value, "a list of names, e.g. [item_id, date]");
        }
        List<String> texts = new ArrayList<>();
        for (Object item : (List<?>) value) {
            if (item == null || item instanceof Map || item instanceof List || item.toString().isBlank()) {
                throw wrong(key, value, "a list of names, e.g. [item_id, date]");
            }
            texts.add(item.toString());
        }
        return texts;
    }

    List<ContractTree> children(String key, boolean required) {
        Object value = node.get(key);
        if (value == null && !required) {
            return List.of();
        }
        if (value == null) {
            throw missing(key, "a list with at least one entry");
        }
        if (!(value instanceof List) || (required && ((List<?>) value).isEmpty())) {
            throw wrong(key, value, "a list with at least one entry");
        }
        List<ContractTree> children = new ArrayList<>();
        List<?> items = (List<?>) value;
        for (int i = 0; i < items.size(); i++) {
            String childPath = at(key) + "[" + i + "]";
            if (!(items.get(i) instanceof Map)) {
                throw fail(childPath, String.format(Locale.ROOT, "%s was %s; expected a map of settings",
                        childPath, quoted(items.get(i))));
            }
            children.add(new ContractTree(source, childPath, (Map<?, ?>) items.get(i), lines));
        }
        return children;
    }

    /** The map under {@code key}, or empty when there is none. */
    Optional<ContractTree> child(String key) {
        Object value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map)) {
            throw wrong(key, value, "a map of settings");
        }
        return Optional.of(new ContractTree(source, at(key), (Map<?, ?>) value, lines));
    }

    /** The text under {@code key} as written, whitespace included (e.g. a tab); empty when there is none. */
    Optional<String> rawText(String key) {
        Object value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String)) {
            throw wrong(key, value, "a text in quotes, e.g. \";\"");
        }
        return Optional.of((String) value);
    }

    IllegalArgumentException wrong(String key, Object value, String expected) {
        return fail(at(key), String.format(Locale.ROOT, "%s was %s; expected %s", at(key), quoted(value), expected));
    }

    IllegalArgumentException missing(String key, String expected) {
        return fail(path, String.format(Locale.ROOT, "%s is missing; expected %s", at(key), expected));
    }

    /** A complaint about the setting at {@code keyPath}, naming the source and, when known, its line. */
    IllegalArgumentException fail(String keyPath, String detail) {
        return new IllegalArgumentException(where(keyPath) + ": " + detail);
    }

    /** Rethrows a complaint from a record's constructor with the source, line and this node's path. */
    IllegalArgumentException within(IllegalArgumentException e) {
        String at = path.isEmpty() ? "" : path + ": ";
        return new IllegalArgumentException(where(path) + ": " + at + e.getMessage(), e);
    }

    private String where(String keyPath) {
        OptionalInt line = lines.line(keyPath);
        return line.isPresent() ? source + " line " + line.getAsInt() : source;
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String quoted(Object value) {
        return value instanceof String ? '"' + (String) value + '"' : String.valueOf(value);
    }
}
