package keel.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import keel.app.workspace.Workspace;
import keel.store.jdbc.StoreConfig;
import picocli.CommandLine.Option;

/** {@code --home}: the Keel home a command works in. */
final class HomeOption {
    @Option(names = "--home", description = "Keel home: decision-types/, contracts/, the store and batches "
            + "(default: $KEEL_HOME, else keel-out/demo/home, the demo's)")
    Path home;

    Path resolve() {
        if (home != null) return home;
        String env = System.getenv("KEEL_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("keel-out", "demo", "home");
    }

    /** Opens the home; a missing one is an error that says how to make one. */
    Workspace open() {
        Path h = resolve();
        if (!Files.isDirectory(h.resolve("decision-types"))) {
            throw new IllegalArgumentException(h + " is not a Keel home (no decision-types folder); expected one made "
                    + "by `keel demo`, or give --home DIR with decision-types/*.yaml");
        }
        // Microseconds: the store keeps timestamps to the microsecond, and the ledger hashes the time it was given.
        return Workspace.open(h, StoreConfig.fromEnvironment(System.getenv(), h),
                Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000)));
    }
}
