package keel.store.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import keel.core.contract.Column;
import keel.core.contract.ColumnType;
import keel.core.contract.InputContract;
import keel.core.contract.ReferenceCheck;

/** Small files and contracts for the tests, built in code. */
final class Fixtures {
    static final String HEADER = "item_id,store_id,date,units,price";
    static final Set<String> CATALOG = Set.of("A", "B", "C");

    private Fixtures() {}

    /** Sales: item, store, date (key), units >= 0, optional price >= 0; item must be in the catalog. */
    static InputContract salesContract() {
        return new InputContract("sales", "data-team@example.com", List.of(
                Column.of("item_id", ColumnType.TEXT),
                Column.of("store_id", ColumnType.TEXT).allowing(List.of("S1", "S2")),
                Column.of("date", ColumnType.DATE),
                Column.of("units", ColumnType.INTEGER).asRequired().atLeast(0),
                Column.of("price", ColumnType.DECIMAL).atLeast(0)),
                List.of("item_id", "store_id", "date"),
                List.of(new ReferenceCheck("item_id", "catalog", "item_id")),
                InputContract.ISO_DATE);
    }

    static KnownKeys catalog() {
        return KnownKeys.none().with("catalog", CATALOG);
    }

    static Path csv(Path dir, String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    static Path gzip(Path dir, String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** Converts a CSV file to Parquet with DuckDB, letting it guess the column types. */
    static Path parquet(Path csv, Path parquet) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = db.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv(" + Sql.literal(csv) + ")) TO " + Sql.literal(parquet)
                    + " (FORMAT parquet)");
        }
        return parquet;
    }

    /** Every regular file under {@code dir}, relative to it. */
    static List<String> filesUnder(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
