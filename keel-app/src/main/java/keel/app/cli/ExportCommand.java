package keel.app.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import keel.store.jdbc.KeelStore;
import keel.store.jdbc.StoreArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code keel export --out FILE}: the whole store to a portable archive. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the whole store (decision types, batches' metadata and quarantined rows, cycles, "
                + "recommendations, reviews, outcomes, the ledger) to a portable archive: a zip of JSON lines with a "
                + "manifest and SHA-256 checksums. Refuses a store whose ledger does not verify. The batch files "
                + "themselves stay in the home's batches/ folder.")
final class ExportCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Option(names = "--out", required = true, description = "the archive to write, e.g. keel-backup.zip")
    Path out;

    @Override
    public Integer call() {
        try (KeelStore store = home.openStore(true)) {
            StoreArchive.Manifest m = StoreArchive.export(store, out, Instant.now());
            long rows = m.rows().values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("exported %s to %s: %d rows %s; ledger %d entries, head %s%n", store.config().describe(), out,
                    rows, new java.util.TreeMap<>(m.rows()), m.ledgerEntries(), m.ledgerHead());
            return 0;
        }
    }
}
