package keel.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HashChainTest {

    static List<LedgerEntry> chain(int n) {
        List<LedgerEntry> out = new ArrayList<>();
        Optional<LedgerEntry> previous = Optional.empty();
        for (int i = 0; i < n; i++) {
            LedgerEntry e = HashChain.link(previous, new NewEntry(Instant.parse("2011-06-06T06:00:00Z").plusSeconds(i),
                    EventType.REVIEW, "rec-" + i, "{\"i\":" + i + "}"));
            out.add(e);
            previous = Optional.of(e);
        }
        return out;
    }

    @Test
    void an_intact_chain_verifies_with_its_head() {
        List<LedgerEntry> entries = chain(5);

        Verification v = HashChain.verify(entries.iterator());

        assertThat(v.intact()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(5);
        assertThat(v.headHash()).isEqualTo(entries.get(4).hash());
    }

    @Test
    void a_time_finer_than_a_microsecond_is_kept_to_the_microsecond_so_a_stored_entry_still_verifies() {
        LedgerEntry e = HashChain.link(Optional.empty(), new NewEntry(Instant.parse("2026-11-27T03:55:12.123456789Z"),
                EventType.REVIEW, "r", "{}"));

        LedgerEntry asStored = new LedgerEntry(e.sequence(), Instant.parse("2026-11-27T03:55:12.123456Z"), e.type(),
                e.subject(), e.payload(), e.previousHash(), e.hash());

        assertThat(HashChain.verify(List.of(asStored).iterator()).intact()).isTrue();
    }

    @Test
    void a_changed_payload_is_named_at_its_entry() {
        List<LedgerEntry> entries = new ArrayList<>(chain(5));
        LedgerEntry e = entries.get(2);
        entries.set(2, new LedgerEntry(e.sequence(), e.at(), e.type(), e.subject(), "{\"i\":99}", e.previousHash(), e.hash()));

        Verification v = HashChain.verify(entries.iterator());

        assertThat(v.brokenAt()).contains(3L);
        assertThat(v.message()).contains("changed");
    }

    @Test
    void a_deleted_entry_and_a_reordering_are_named_at_the_first_entry_out_of_place() {
        List<LedgerEntry> deleted = new ArrayList<>(chain(5));
        deleted.remove(1);
        List<LedgerEntry> swapped = new ArrayList<>(chain(5));
        LedgerEntry a = swapped.get(1);
        swapped.set(1, swapped.get(2));
        swapped.set(2, a);

        assertThat(HashChain.verify(deleted.iterator()).brokenAt()).contains(2L);
        assertThat(HashChain.verify(deleted.iterator()).message()).contains("deleted");
        assertThat(HashChain.verify(swapped.iterator()).brokenAt()).contains(2L);
    }
}
