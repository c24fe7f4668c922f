package keel.store.jdbc;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the control plane lives: the embedded H2 database by default (a file under Keel's home,
 * no server to start), or PostgreSQL given a JDBC URL and credentials.
 */
public record StoreConfig(String jdbcUrl, String user, String password) {

    public StoreConfig {
        if (jdbcUrl == null || !(jdbcUrl.startsWith("jdbc:h2:") || jdbcUrl.startsWith("jdbc:postgresql:"))) {
            throw new IllegalArgumentException("store URL was \"" + jdbcUrl
                    + "\"; expected jdbc:postgresql://HOST:PORT/DB or jdbc:h2:file:PATH");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /**
     * The embedded store in {@code directory}. {@code WRITE_DELAY=0}: a commit reaches the file before
     * it returns, so a process killed right after a commit keeps it (H2's default delays up to 0.5 s).
     * {@code REUSE_SPACE=FALSE}: every commit is appended at the end of the file, where recovery after
     * a kill looks for it; with space reuse on, the crash test once lost a committed cycle in 50
     * kills (H2 2.5.252). Dead space is reclaimed by compaction when the store closes (up to H2's
     * MAX_COMPACT_TIME). {@code QUERY_CACHE_SIZE=64}: each session (kept open, see {@link ReusedConnections})
     * keeps the parsed form of its last 64 statements, not 8: the web server's requests use some 20.
     */
    public static StoreConfig embedded(Path directory) {
        return new StoreConfig("jdbc:h2:file:" + directory.toAbsolutePath().resolve("keel")
                + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1;WRITE_DELAY=0;REUSE_SPACE=FALSE;QUERY_CACHE_SIZE=64", "keel", "");
    }

    /**
     * The store named by {@code KEEL_DB_URL}, {@code KEEL_DB_USER} and {@code KEEL_DB_PASSWORD} when
     * set, otherwise the embedded store in {@code home}.
     */
    public static StoreConfig fromEnvironment(Map<String, String> env, Path home) {
        return Optional.ofNullable(env.get("KEEL_DB_URL")).filter(u -> !u.isBlank())
                .map(url -> new StoreConfig(url, env.get("KEEL_DB_USER"), env.get("KEEL_DB_PASSWORD")))
                .orElseGet(() -> embedded(home.resolve("store")));
    }

    /** The store in words, without credentials: "the embedded store in DIR" or "PostgreSQL at URL". */
    public String describe() {
        if (isPostgres()) return "PostgreSQL at " + jdbcUrl.replaceFirst("\\?.*$", "");
        String path = jdbcUrl.substring("jdbc:h2:".length()).replaceFirst(";.*$", "").replaceFirst("^file:", "");
        return "the embedded store " + path;
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
