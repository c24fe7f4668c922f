package keel.app.http;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import keel.core.ledger.Verification;
import keel.store.jdbc.JdbcLedgerStore;

/**
 * The ledger's verification as the server shows it. The whole chain is verified when the server
 * starts and whenever someone asks to verify all; in between, each look verifies only the entries
 * written since the last intact verification (and that its last entry is still the one verified),
 * so the ledger page costs what is new, not the whole history. A change to an older entry is seen
 * by the next full verification and by {@code keel verify}, never by the incremental one.
 */
final class LedgerCheck {
    private final JdbcLedgerStore ledger;
    private final Clock clock;
    private final AtomicReference<Intact> last = new AtomicReference<>();

    /** The newest intact verification and when the whole chain was last found intact. */
    private record Intact(Verification verification, Instant fullyVerifiedAt) {
    }

    LedgerCheck(JdbcLedgerStore ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** As a request's {@code verify} parameter asks: the whole chain for "all", what is new when absent. */
    Verification asked(String verify) {
        if (verify == null || verify.isBlank()) return recent();
        if (verify.strip().equals("all")) return all();
        throw ApiError.badRequest("verify", verify, "all (verify the whole chain), or no value");
    }

    /** Verifies the whole chain. */
    Verification all() {
        Instant at = clock.instant();
        Verification v = ledger.verify();
        last.set(v.intact() ? new Intact(v, at) : null);
        return v;
    }

    /** Verifies the entries written since the last intact verification; the whole chain when there was none. */
    Verification recent() {
        Intact known = last.get();
        if (known == null) return all();
        Verification v = ledger.verifyAfter(known.verification().entriesChecked(), known.verification().headHash());
        if (v.intact()) {
            Intact now = new Intact(v, known.fullyVerifiedAt());
            // Not over a broken full verification meanwhile (null), nor over a newer intact one.
            last.accumulateAndGet(now, (old, fresh) -> old != null
                    && fresh.verification().entriesChecked() >= old.verification().entriesChecked() ? fresh : old);
        }
        return v;
    }

    /** When the whole chain was last verified and found intact; empty when the last full verification found it broken. */
    Optional<Instant> fullyVerifiedAt() {
        return Optional.ofNullable(last.get()).map(Intact::fullyVerifiedAt);
    }
}
