package keel.core.ledger;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The canonical bytes of one output row (a recommendation as written to a cycle file): its column
 * values in schema order, each typed and length-prefixed, so that two different rows never give the
 * same bytes and any reader of the file (Spark, DuckDB) that yields the same values yields the same
 * bytes.
 *
 * <p>Encoding per value: {@code ~} for null; {@code s<len>:<text>} for text; {@code i<n>;} for whole
 * numbers (any integer type); {@code d<Double.toString>;} for floating point, so NaN and -0.0 are
 * kept exactly; {@code b1;}/{@code b0;} for booleans.
 */
public final class CanonicalRow {
    private CanonicalRow() {
    }

    /**
     * The canonical bytes of {@code values}.
     *
     * @throws IllegalArgumentException for a value of another type, naming it
     */
    public static byte[] bytes(List<?> values) {
        StringBuilder out = new StringBuilder();
        for (Object v : values) {
            if (v == null) {
                out.append('~');
            } else if (v instanceof String s) {
                out.append('s').append(s.getBytes(StandardCharsets.UTF_8).length).append(':').append(s);
            } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                out.append('i').append(((Number) v).longValue()).append(';');
            } else if (v instanceof Double || v instanceof Float) {
                out.append('d').append(Double.toString(((Number) v).doubleValue())).append(';');
            } else if (v instanceof Boolean b) {
                out.append(b ? "b1;" : "b0;");
            } else {
                throw new IllegalArgumentException("row value " + v + " is a " + v.getClass().getName()
                        + "; expected text, a whole number, a floating-point number, a boolean or null");
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@link MerkleTree#leafHash} of the canonical bytes of {@code values}. */
    public static byte[] leafHash(List<?> values) {
        return MerkleTree.leafHash(bytes(values));
    }
}
