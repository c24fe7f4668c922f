package keel.app.cli;

import java.util.concurrent.Callable;
import keel.core.ledger.Verification;
import keel.store.jdbc.KeelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code keel verify}: checks the ledger's whole hash chain. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Checks the ledger's hash chain and names the first entry that was changed, deleted, inserted or "
                + "reordered. Exit code 0 when intact, 1 when broken.")
final class VerifyCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Override
    public Integer call() {
        // The store alone: opening the home would record its decision types, writing to what is being checked.
        try (KeelStore store = home.openStore(true)) {
            Verification v = store.ledger().verify();
            (v.intact() ? System.out : System.err).println(v.message());
            return v.intact() ? 0 : 1;
        }
    }
}
