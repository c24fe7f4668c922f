package keel.core.ledger;

import java.time.Instant;

/**
 * One entry of the append-only ledger. {@code hash} covers every other field and the previous
 * entry's hash, so any change, deletion, insertion or reordering breaks the chain.
 *
 * @param sequence 1 for the first entry, then consecutive
 * @param subject what the event is about (a batch hash, a cycle id, a recommendation id, ...)
 * @param payload the event's details as canonical JSON text (keys sorted)
 */
public record LedgerEntry(long sequence, Instant at, EventType type, String subject, String payload,
        String previousHash, String hash) {

    public LedgerEntry {
        if (sequence < 1) throw new IllegalArgumentException("ledger sequence " + sequence + "; expected >= 1");
    }
}
