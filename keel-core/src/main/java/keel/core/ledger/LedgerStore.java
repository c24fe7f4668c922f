package keel.core.ledger;

import java.util.List;
import java.util.function.Consumer;

/** Where the ledger lives. Entries are only ever appended. */
public interface LedgerStore {

    /** Appends the events in order, chaining each to the one before; returns them as stored. */
    List<LedgerEntry> append(List<NewEntry> events);

    /** Calls {@code visitor} with every entry in sequence order. */
    void forEach(Consumer<LedgerEntry> visitor);

    /** Verifies the whole chain. */
    Verification verify();
}
