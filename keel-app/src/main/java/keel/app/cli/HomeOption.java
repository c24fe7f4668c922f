package keel.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import keel.app.workspace.Workspace;
import keel.store.jdbc.KeelStore;
import keel.store.jdbc.StoreConfig;
import picocli.CommandLine.Option;

/** {@code --home}: the Keel home a command works in; {@code --db-url}, {@code --db-user}: its store. */
final class HomeOption {
    @Option(names = "--home", description = "Keel home: decision-types/, contracts/, the store and batches "
            + "(default: $KEEL_HOME, else keel-out/demo/home, the demo's)")
    Path home;

    @Option(names = "--db-url", description = "the store on PostgreSQL, jdbc:postgresql://HOST:PORT/DB "
            + "(default: $KEEL_DB_URL, else the embedded store in the home's store/ folder)")
    String dbUrl;

    @Option(names = "--db-user", description = "PostgreSQL user (default: $KEEL_DB_USER); the password comes from "
            + "$KEEL_DB_PASSWORD or the URL's password parameter")
    String dbUser;

    Path resolve() {
        if (home != null) return home;
        String env = System.getenv("KEEL_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("keel-out", "demo", "home");
    }

    /** The store's settings: the flags, else the environment, else the embedded store in the home. */
    StoreConfig storeConfig() {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (dbUrl != null) env.put("KEEL_DB_URL", dbUrl);
        if (dbUser != null) env.put("KEEL_DB_USER", dbUser);
        return StoreConfig.fromEnvironment(env, resolve());
    }

    /** Opens the home; a missing one is an error that says how to make one. */
    Workspace open() {
        Path h = resolve();
        if (!Files.isDirectory(h.resolve("decision-types"))) {
            throw new IllegalArgumentException(h + " is not a Keel home (no decision-types folder); expected one made "
                    + "by `keel demo`, or give --home DIR with decision-types/*.yaml");
        }
        return Workspace.open(h, storeConfig(), Clock.systemUTC());
    }

    /**
     * Opens the store alone, without loading the home's decision types (which would write to it).
     *
     * @param mustExist refuse an embedded store that does not exist yet rather than create an empty one
     */
    KeelStore openStore(boolean mustExist) {
        StoreConfig config = storeConfig();
        Path file = resolve().resolve("store").resolve("keel.mv.db");
        if (mustExist && !config.isPostgres() && !Files.exists(file)) {
            throw new IllegalArgumentException(resolve() + " has no store (" + file + " does not exist); expected a home "
                    + "made by `keel demo` or `keel import`, or --db-url for PostgreSQL");
        }
        return KeelStore.open(config);
    }
}
