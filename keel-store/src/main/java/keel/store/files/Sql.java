package keel.store.files;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Quoting for SQL text built from contract names and file paths (DuckDB takes no parameters in COPY). */
final class Sql {
    private Sql() {}

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String literal(Path path) {
        return literal(path.toAbsolutePath().toString());
    }

    static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String identifiers(List<String> names) {
        return names.stream().map(Sql::identifier).collect(Collectors.joining(", "));
    }
}
