package keel.core.decision;

import java.util.Map;
import java.util.Optional;

/**
 * A money value declared either as one figure for every item, or as a factor of a numeric catalog
 * column (e.g. unit cost = 0.6 × {@code unit_price}).
 */
public record PerItemValue(double fixed, Optional<String> catalogColumn, double factor) {
    public PerItemValue {
        if (catalogColumn.isEmpty() && !(fixed >= 0)) {
            throw new IllegalArgumentException("fixed value " + fixed + "; expected a number >= 0");
        }
        if (!(factor >= 0)) throw new IllegalArgumentException("factor " + factor + "; expected >= 0");
    }

    public static PerItemValue of(double fixed) {
        return new PerItemValue(fixed, Optional.empty(), 1);
    }

    public static PerItemValue ofColumn(String column, double factor) {
        return new PerItemValue(0, Optional.of(column), factor);
    }

    /**
     * The value for one item.
     *
     * @throws IllegalArgumentException if the catalog has no usable value in the column for this item
     */
    public double valueFor(String item, Map<String, Double> attributes) {
        if (catalogColumn.isEmpty()) return fixed;
        Double v = attributes.get(catalogColumn.get());
        if (v == null || !(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("item " + item + ": catalog column " + catalogColumn.get()
                    + " was " + v + "; expected a number >= 0");
        }
        return v * factor;
    }

    static PerItemValue from(ConfigNode node, String key, String expected) {
        if (!node.has(key)) throw node.error(key, "is missing", expected);
        try {
            return of(node.number(key, 0, Double.MAX_VALUE, expected));
        } catch (IllegalArgumentException notANumber) {
            ConfigNode c = node.child(key, expected);
            PerItemValue v = ofColumn(c.string("catalogColumn", "the name of a numeric catalog column"),
                    c.optionalNumber("factor", 1, 0, 1e6, "a multiplier >= 0"));
            c.rejectUnknownKeys();
            return v;
        }
    }

    @Override
    public String toString() {
        return catalogColumn.map(c -> factor + " x " + c).orElse(Double.toString(fixed));
    }
}
