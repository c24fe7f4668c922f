package keel.core.decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A read-only view of one mapping of a parsed settings file (what a YAML parser yields), that knows
 * its file and key path so that every error names the file, the key and what was expected.
 *
 * <p>Reading a key marks it as known; {@link #rejectUnknownKeys()} then refuses misspelt keys.
 */
public final class ConfigNode {
    private final String source;
    private final String path;
    private final Map<String, Object> values;
    private final Set<String> read = new java.util.HashSet<>();

    private ConfigNode(String source, String path, Map<String, Object> values) {
        this.source = source;
        this.path = path;
        this.values = values;
    }

    /** The root mapping of file {@code source}. */
    public static ConfigNode root(String source, Object parsed) {
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(source + ": the file holds " + describe(parsed)
                    + "; expected a mapping of keys to values at the top level");
        }
        return new ConfigNode(source, "", stringKeys(source, "", map));
    }

    private static Map<String, Object> stringKeys(String source, String path, Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException(source + ": key " + e.getKey() + " under '" + path
                        + "' is not text; expected a name");
            }
            out.put(key, e.getValue());
        }
        return out;
    }

    public String source() { return source; }

    /** The full key path of {@code key} under this node, e.g. {@code tradeoff.leadTime}. */
    public String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        read.add(key);
        return values.containsKey(key) && values.get(key) != null;
    }

    public IllegalArgumentException error(String key, String problem, String expected) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "%s: %s %s; expected %s",
                source, keyPath(key), problem, expected));
    }

    private Object require(String key, String expected) {
        read.add(key);
        Object v = values.get(key);
        if (v == null) throw error(key, "is missing", expected);
        return v;
    }

    public String string(String key, String expected) {
        Object v = require(key, expected);
        if (v instanceof String s && !s.isBlank()) return s.trim();
        if (v instanceof Number || v instanceof Boolean) return v.toString();
        throw error(key, "was " + describe(v), expected);
    }

    public Optional<String> optionalString(String key, String expected) {
        return has(key) ? Optional.of(string(key, expected)) : Optional.empty();
    }

    public double number(String key, String expected) {
        Object v = require(key, expected);
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) return n.doubleValue();
        throw error(key, "was " + describe(v), expected);
    }

    public double number(String key, double min, double max, String expected) {
        double v = number(key, expected);
        if (v < min || v > max) throw error(key, "was " + v, expected);
        return v;
    }

    public double optionalNumber(String key, double fallback, double min, double max, String expected) {
        return has(key) ? number(key, min, max, expected) : fallback;
    }

    public int integer(String key, int min, int max, String expected) {
        Object v = require(key, expected);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && n.doubleValue() >= min && n.doubleValue() <= max) {
            return n.intValue();
        }
        throw error(key, "was " + describe(v), expected);
    }

    public int optionalInteger(String key, int fallback, int min, int max, String expected) {
        return has(key) ? integer(key, min, max, expected) : fallback;
    }

    public boolean optionalBoolean(String key, boolean fallback) {
        if (!has(key)) return fallback;
        Object v = values.get(key);
        if (v instanceof Boolean b) return b;
        throw error(key, "was " + describe(v), "true or false");
    }

    public <E extends Enum<E>> E choice(String key, Class<E> type, String expected) {
        String v = string(key, expected);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.replace('-', '_'))) return e;
        }
        throw error(key, "was \"" + v + "\"", expected);
    }

    public ConfigNode child(String key, String expected) {
        Object v = require(key, expected);
        if (v instanceof Map<?, ?> m) return new ConfigNode(source, keyPath(key), stringKeys(source, keyPath(key), m));
        throw error(key, "was " + describe(v), expected);
    }

    public Optional<ConfigNode> optionalChild(String key, String expected) {
        return has(key) ? Optional.of(child(key, expected)) : Optional.empty();
    }

    /** The mappings of list {@code key}; an absent key gives an empty list. */
    public List<ConfigNode> children(String key, String expected) {
        if (!has(key)) return List.of();
        Object v = values.get(key);
        if (!(v instanceof List<?> list)) throw error(key, "was " + describe(v), expected);
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String p = keyPath(key) + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(source + ": " + p + " was " + describe(list.get(i))
                        + "; expected " + expected);
            }
            out.add(new ConfigNode(source, p, stringKeys(source, p, m)));
        }
        return out;
    }

    /** The text items of list {@code key}; an absent key gives an empty list. */
    public List<String> strings(String key, String expected) {
        if (!has(key)) return List.of();
        Object v = values.get(key);
        if (!(v instanceof List<?> list)) throw error(key, "was " + describe(v), expected);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (!(item instanceof String s) || s.isBlank()) {
                throw new IllegalArgumentException(source + ": " + keyPath(key) + "[" + i + "] was "
                        + describe(item) + "; expected " + expected);
            }
            out.add(s.trim());
        }
        return out;
    }

    /** Refuses keys that were never read: a misspelt key must not be silently ignored. */
    public void rejectUnknownKeys() {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw new IllegalArgumentException(source + ": " + keyPath(key)
                        + " is not a known setting here; expected one of " + read);
            }
        }
    }

    static String describe(Object v) {
        if (v == null) return "empty";
        if (v instanceof String s) return "\"" + s + "\"";
        if (v instanceof Map<?, ?>) return "a mapping";
        if (v instanceof List<?>) return "a list";
        return v.toString();
    }
}
