package keel.store.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The two kinds of store every store test runs on: the embedded default (H2 in a temporary
 * folder) and PostgreSQL (a fresh schema per store on the server named by {@code KEEL_TEST_PG_URL},
 * {@code KEEL_TEST_PG_USER} and {@code KEEL_TEST_PG_PASSWORD}, which {@code run-tests} starts).
 *
 * <p>Without {@code KEEL_TEST_PG_URL} the PostgreSQL variant is skipped with a message, unless
 * {@code CI=true}: then it fails, so that CI never passes without having tested PostgreSQL.
 */
enum StoreKind {
    EMBEDDED, POSTGRES;

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    /** A new, empty store's settings; {@code dir} is a temporary folder the embedded store may use. */
    StoreConfig freshConfig(Path dir) {
        return this == EMBEDDED ? StoreConfig.embedded(dir.resolve("store-" + SCHEMAS.incrementAndGet()))
                : freshPostgresSchema();
    }

    /** A new, empty store, migrated. */
    KeelStore open(Path dir) {
        return KeelStore.open(freshConfig(dir));
    }

    private static StoreConfig freshPostgresSchema() {
        String url = System.getenv("KEEL_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            String why = "KEEL_TEST_PG_URL is not set, so the PostgreSQL variant of the store tests cannot run; "
                    + "./run-tests starts a server and sets it (scripts/postgres-for-tests.sh)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException(why + " (CI=true: failing)");
            Assumptions.abort(why + " (skipped)");
        }
        String user = System.getenv().getOrDefault("KEEL_TEST_PG_USER", "");
        String password = System.getenv().getOrDefault("KEEL_TEST_PG_PASSWORD", "");
        String schema = String.format(Locale.ROOT, "t%d_%d_%d", ProcessHandle.current().pid(), System.nanoTime() % 1_000_000,
                SCHEMAS.incrementAndGet());
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " on " + url + ": " + e.getMessage(), e);
        }
        return new StoreConfig(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
    }
}
