package keel.core.ledger;

import java.time.Instant;

/** An event to append; the ledger gives it its sequence number and hashes. */
public record NewEntry(Instant at, EventType type, String subject, String payload) {
}
