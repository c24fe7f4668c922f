package keel.app.http;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import keel.app.workspace.Workspace;
import keel.core.ledger.LedgerEntry;
import keel.store.jdbc.ReportQueries;

/**
 * The server's clock. A demo home replays the past, so its recommendations' deadlines are in the
 * past too; there the clock starts one minute after the ledger's latest entry (the replay's "now") and
 * ticks on in real time. Elsewhere it is the system clock.
 */
public final class ServerClock {
    private ServerClock() {
    }

    public static Clock forHome(Workspace ws, Clock system) {
        if (ws.home().getParent() == null || !Files.exists(ws.home().getParent().resolve(".keel-demo"))) return system;
        Optional<Instant> latest = new ReportQueries(ws.store()).ledger(1, Optional.empty()).stream()
                .map(LedgerEntry::at).findFirst();
        return latest.map(at -> Clock.offset(system, Duration.between(system.instant(), at.plusSeconds(60)))).orElse(system);
    }
}
