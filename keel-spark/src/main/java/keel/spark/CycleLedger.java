package keel.spark;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import keel.core.ledger.EventType;
import keel.core.ledger.LedgerStore;
import keel.core.ledger.NewEntry;
import keel.store.jdbc.Json;

/**
 * Records a Spark cycle in the ledger as one entry carrying the Merkle root of its recommendations,
 * instead of one entry per recommendation. Recording the same cycle twice appends nothing.
 */
final class CycleLedger {
    private CycleLedger() {
    }

    /** Appends the cycle's entry unless the ledger holds one for its id; true when appended. */
    static boolean record(LedgerStore ledger, SparkCycleResult r, Instant at) {
        AtomicBoolean present = new AtomicBoolean();
        ledger.forEach(e -> {
            if (e.type() == EventType.CYCLE_RUN && e.subject().equals(r.cycleId()) && e.payload().contains("\"merkleRoot\"")) {
                present.set(true);
            }
        });
        if (present.get()) return false;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("engine", "spark");
        payload.put("directory", r.directory());
        payload.put("merkleRoot", r.merkleRoot());
        payload.put("recommendations", r.recommendations());
        payload.put("exceptions", r.exceptions());
        payload.put("queued", r.queued());
        payload.put("fallbacks", r.fallbacks());
        payload.put("quarantined", r.quarantined());
        payload.put("decisionType", r.summary().get("decisionType"));
        payload.put("decisionTypeVersion", r.summary().get("decisionTypeVersion"));
        payload.put("asOf", r.summary().get("asOf"));
        payload.put("batches", r.summary().get("batches"));
        ledger.append(List.of(new NewEntry(at, EventType.CYCLE_RUN, r.cycleId(), Json.write(payload))));
        return true;
    }
}
