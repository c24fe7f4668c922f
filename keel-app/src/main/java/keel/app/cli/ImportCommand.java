package keel.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import keel.store.jdbc.KeelStore;
import keel.store.jdbc.StoreArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code keel import FILE}: restores an archive into an empty store. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Restores an archive written by `keel export` into an EMPTY store (embedded or PostgreSQL), in "
                + "one transaction: every file is checked against the manifest's checksum and row count, and the "
                + "restored ledger against its hash chain. Refuses a store that holds anything.")
final class ImportCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(index = "0", paramLabel = "FILE", description = "the archive, e.g. keel-backup.zip")
    Path archive;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(archive)) {
            throw new IllegalArgumentException(archive + " does not exist; expected an archive written by keel export");
        }
        try (KeelStore store = home.openStore(false)) {
            StoreArchive.Manifest m = StoreArchive.restore(store, archive);
            long rows = m.rows().values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("imported %d rows from %s (exported %s from the %s store) into %s; ledger verifies: %d "
                    + "entries, head %s%n", rows, archive, m.createdAt(), m.source(), store.config().describe(),
                    m.ledgerEntries(), m.ledgerHead());
            return 0;
        }
    }
}
