package keel.core.contract;

import java.util.Locale;

/**
 * A column whose values must exist among the keys of another input, e.g. every {@code item_id} of
 * sales must be an {@code item_id} of the catalog. Empty values are not checked here (that is the
 * column's {@code required} check).
 *
 * @param column the column of this input holding the reference
 * @param input the name of the referenced input, e.g. {@code catalog}
 * @param keyColumn the column of the referenced input holding the known keys
 */
public record ReferenceCheck(String column, String input, String keyColumn) {

    public ReferenceCheck {
        requireText(column, "column");
        requireText(input, "input");
        requireText(keyColumn, "key column");
    }

    /** What the check expects, e.g. {@code an existing item_id of catalog}. */
    public String expected() {
        return String.format(Locale.ROOT, "an existing %s of %s", keyColumn, input);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("reference check: " + what + " is blank; expected a name");
        }
    }
}
