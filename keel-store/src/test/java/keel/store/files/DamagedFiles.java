package keel.store.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * A seeded generator of damaged sales files for {@link DamagedFilesTest}: each case is a name saying what was
 * damaged and the file's bytes. The undamaged file has the header {@link Fixtures#HEADER} and good rows.
 */
final class DamagedFiles {
    /** One damaged file. */
    record Case(String damage, byte[] bytes) {
        @Override
        public String toString() {
            return damage + " (" + bytes.length + " bytes)";
        }
    }

    private static final String[] ITEMS = {"A", "B", "C"};
    private static final String[] STORES = {"S1", "S2"};
    private static final List<String> KINDS = List.of("truncated", "delimiter", "latin-1", "invalid-utf-8", "utf-16",
            "duplicate-header", "missing-header-column", "no-header", "empty", "header-only", "blank-lines",
            "giant-field", "text-in-number", "number-in-text", "date-format", "binary", "fake-parquet", "fake-gzip",
            "gzip-truncated", "json", "html", "unbalanced-quote", "ragged", "crlf", "nul-bytes", "bom", "spaces",
            "many-columns", "mixed");

    private final Random random;

    DamagedFiles(long seed) {
        this.random = new Random(seed);
    }

    Case next() {
        String kind = KINDS.get(random.nextInt(KINDS.size()));
        return new Case(kind, bytes(kind));
    }

    private byte[] bytes(String kind) {
        List<String> rows = goodRows(1 + random.nextInt(40));
        return switch (kind) {
            case "truncated" -> {
                byte[] all = utf8(Fixtures.HEADER, rows);
                yield java.util.Arrays.copyOf(all, random.nextInt(all.length));
            }
            case "delimiter" -> utf8(Fixtures.HEADER, rows).length == 0 ? new byte[0]
                    : text(String.join("\n", withHeader(rows)).replace(",", pick(";", "\t", "|", " ")));
            case "latin-1" -> (String.join("\n", withHeader(replaceSome(rows, 0, "Café"))) + "\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            case "invalid-utf-8" -> concat(utf8(Fixtures.HEADER, rows.subList(0, rows.size() / 2)),
                    new byte[] {'A', ',', 'S', '1', ',', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, ',', '1', ',', '\n'});
            case "utf-16" -> (String.join("\n", withHeader(rows)) + "\n").getBytes(StandardCharsets.UTF_16);
            case "duplicate-header" -> utf8(Fixtures.HEADER + ",units", rows.stream().map(r -> r + ",4").toList());
            case "missing-header-column" -> utf8(dropField(Fixtures.HEADER, random.nextInt(5)), rows);
            case "no-header" -> utf8(rows.get(0), rows);
            case "empty" -> new byte[0];
            case "header-only" -> text(Fixtures.HEADER + (random.nextBoolean() ? "\n" : ""));
            case "blank-lines" -> text(Fixtures.HEADER + "\n\n\n" + String.join("\n\n", rows) + "\n\n");
            case "giant-field" -> utf8(Fixtures.HEADER, replaceSome(rows, 0, "X".repeat(100_000 + random.nextInt(2_000_000))));
            case "text-in-number" -> utf8(Fixtures.HEADER, replaceSome(rows, 3, pick("three", "1,5", "NaN", "1e9999", "--1", "0x10")));
            case "number-in-text" -> utf8(Fixtures.HEADER, replaceSome(rows, 1, pick("12", "3.5", "-1")));
            case "date-format" -> utf8(Fixtures.HEADER, replaceSome(rows, 2, pick("01/02/2024", "2024-13-45", "20240101",
                    "2024-02-30", "yesterday", "2024-1-1T00:00")));
            case "binary" -> randomBytes(1 + random.nextInt(5000));
            case "fake-parquet" -> concat("PAR1".getBytes(StandardCharsets.US_ASCII), randomBytes(random.nextInt(3000)));
            case "fake-gzip" -> concat(new byte[] {0x1f, (byte) 0x8b}, randomBytes(random.nextInt(3000)));
            case "gzip-truncated" -> {
                byte[] gz = gzip(utf8(Fixtures.HEADER, rows));
                yield java.util.Arrays.copyOf(gz, 2 + random.nextInt(gz.length - 2));
            }
            case "json" -> text("[{\"item_id\": \"A\", \"units\": 3}]\n");
            case "html" -> text("<!DOCTYPE html><html><body><table><tr><td>A</td></tr></table></body></html>\n");
            case "unbalanced-quote" -> utf8(Fixtures.HEADER, replaceSome(rows, 0, "\"A"));
            case "ragged" -> utf8(Fixtures.HEADER, raggedRows(rows));
            case "crlf" -> text(String.join("\r\n", withHeader(rows)) + "\r\n");
            case "nul-bytes" -> utf8(Fixtures.HEADER, replaceSome(rows, 0, "A\u0000B"));
            case "bom" -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(Fixtures.HEADER, rows));
            case "spaces" -> utf8(Fixtures.HEADER.replace(",", ", "), rows.stream().map(r -> r.replace(",", " , ")).toList());
            case "many-columns" -> utf8(Fixtures.HEADER + ",x".repeat(0) + manyColumns(), rows.stream()
                    .map(r -> r + ",1".repeat(300)).toList());
            case "mixed" -> mixed(rows);
            default -> throw new IllegalStateException(kind);
        };
    }

    private List<String> goodRows(int n) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(ITEMS[random.nextInt(3)] + "," + STORES[random.nextInt(2)] + ",2024-01-" + (10 + i % 19) + ","
                    + random.nextInt(50) + "," + (random.nextBoolean() ? "" : random.nextInt(1000) / 100.0));
        }
        return rows;
    }

    private byte[] mixed(List<String> rows) {
        List<String> damaged = rows;
        for (int k = 0; k < 3; k++) {
            damaged = replaceSome(damaged, random.nextInt(5), pick("", "\"\"", "x", "-3", "2024/01/01", "S9", "ZZ", "1.2.3"));
        }
        return utf8(Fixtures.HEADER, damaged);
    }

    private List<String> replaceSome(List<String> rows, int field, String value) {
        List<String> out = new ArrayList<>();
        for (String row : rows) {
            String[] f = row.split(",", -1);
            if (random.nextInt(3) == 0 || out.isEmpty()) f[field] = value;
            out.add(String.join(",", f));
        }
        return out;
    }

    private List<String> raggedRows(List<String> rows) {
        List<String> out = new ArrayList<>();
        for (String row : rows) {
            int r = random.nextInt(4);
            out.add(r == 0 ? row + ",extra" : r == 1 ? row.substring(0, row.lastIndexOf(',')) : row);
        }
        return out;
    }

    private String manyColumns() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 300; i++) b.append(",c").append(i);
        return b.toString();
    }

    private String dropField(String header, int i) {
        List<String> names = new ArrayList<>(List.of(header.split(",")));
        names.remove(i);
        return String.join(",", names);
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static List<String> withHeader(List<String> rows) {
        List<String> all = new ArrayList<>(List.of(Fixtures.HEADER));
        all.addAll(rows);
        return all;
    }

    private static byte[] utf8(String header, List<String> rows) {
        List<String> all = new ArrayList<>(List.of(header));
        all.addAll(rows);
        return text(String.join("\n", all) + "\n");
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
