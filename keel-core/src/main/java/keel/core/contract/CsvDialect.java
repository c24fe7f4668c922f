package keel.core.contract;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the CSV files of an input are written, declared in the contract's {@code csv} map:
 *
 * <pre>{@code
 * csv: {delimiter: ";", quote: "'", escape: "'", encoding: latin-1}
 * }</pre>
 *
 * <p>Every setting is optional; the defaults are RFC 4180's (comma, double quote doubled inside a
 * quoted field) in UTF-8. Encodings are those the CSV reader decodes itself: {@code utf-8},
 * {@code latin-1} (ISO 8859-1) and {@code utf-16} (little-endian, as Windows writes it); a byte that is not valid in the declared encoding
 * makes its line a malformed one, quarantined with the reason.
 *
 * @param delimiter the one character between fields ({@code "\t"} in YAML double quotes is a tab)
 * @param quote the one character around a field that holds the delimiter, a quote or a line break
 * @param escape the one character before a quote inside a quoted field (usually the quote itself)
 * @param encoding {@code utf-8}, {@code latin-1} or {@code utf-16}
 */
public record CsvDialect(String delimiter, String quote, String escape, String encoding) {
    /** The encodings the reader decodes, by the names a contract may use for them. */
    private static final Map<String, String> ENCODINGS = Map.of("utf-8", "utf-8", "utf8", "utf-8",
            "latin-1", "latin-1", "latin1", "latin-1", "iso-8859-1", "latin-1", "utf-16", "utf-16", "utf16", "utf-16");

    /** The names accepted for {@link #encoding()}, as a complaint lists them. */
    public static final List<String> ENCODING_NAMES = List.of("utf-8", "latin-1 (iso-8859-1)", "utf-16");

    /** RFC 4180 in UTF-8 (after the tables above, which its construction reads). */
    public static final CsvDialect DEFAULT = new CsvDialect(",", "\"", "\"", "utf-8");

    public CsvDialect {
        delimiter = oneCharacter("delimiter", delimiter);
        quote = oneCharacter("quote", quote);
        escape = oneCharacter("escape", escape);
        if (delimiter.equals(quote)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "delimiter and quote are both %s; expected two different characters", shown(quote)));
        }
        String known = encoding == null ? null : ENCODINGS.get(encoding.toLowerCase(Locale.ROOT));
        if (known == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "encoding was %s; expected one of %s",
                    encoding == null ? "nothing" : "\"" + encoding + "\"", String.join(", ", ENCODING_NAMES)));
        }
        encoding = known;
    }

    /** What a delimiter, quote or escape must be, as complaints say it. */
    static final String ONE_CHARACTER = "one character other than a line break, e.g. \",\" or \"\\t\"";

    static boolean isOneCharacter(String value) {
        return value != null && value.codePointCount(0, value.length()) == 1 && !value.equals("\n") && !value.equals("\r");
    }

    static boolean isKnownEncoding(String value) {
        return value != null && ENCODINGS.containsKey(value.toLowerCase(Locale.ROOT));
    }

    private static String oneCharacter(String name, String value) {
        if (!isOneCharacter(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s was %s; expected %s", name,
                    value == null ? "nothing" : shown(value), ONE_CHARACTER));
        }
        return value;
    }

    /** A value as a complaint shows it: quoted, with tabs and line breaks written out. */
    static String shown(String value) {
        return "\"" + value.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }

    /** As a contract would declare it, e.g. {@code delimiter ";", quote "\"", escape "\"", utf-8}. */
    public String describe() {
        return String.format(Locale.ROOT, "delimiter %s, quote %s, escape %s, %s", shown(delimiter), shown(quote),
                shown(escape), encoding);
    }
}
