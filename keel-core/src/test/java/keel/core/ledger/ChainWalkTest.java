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
class ChainWalkTest {
    static final Instant T0 = Instant.parse("2011-06-06T06:00:00Z");

    static List<LedgerEntry> chain(int n) {
        List<LedgerEntry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(HashChain.link(out.isEmpty() ? Optional.empty() : Optional.of(out.get(i - 1)),
                    new NewEntry(T0.plusSeconds(i), EventType.REVIEW, "r" + i, "{\"i\":" + i + "}")));
        }
        return out;
    }

    static Verification walk(List<LedgerEntry> entries, long headSeq, String headHash) {
        ChainWalk walk = new ChainWalk();
        for (LedgerEntry e : entries) {
            Optional<Verification> broken = walk.next(e);
            if (broken.isPresent()) return broken.get();
        }
        return walk.end(headSeq, headHash);
    }

    static LedgerEntry renumbered(LedgerEntry e, long seq) {
        return new LedgerEntry(seq, e.at(), e.type(), e.subject(), e.payload(), e.previousHash(), e.hash());
    }

    @Test
    void an_untouched_chain_is_intact_and_ends_in_the_recorded_head() {
        List<LedgerEntry> c = chain(10);

        Verification v = walk(c, 10, c.get(9).hash());

        assertThat(v.intact()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(10);
    }

    @Test
    void a_walk_after_a_verified_entry_checks_only_the_entries_after_it_and_counts_them_all() {
        List<LedgerEntry> c = chain(10);
        ChainWalk walk = ChainWalk.after(6, c.get(5).hash());
        for (LedgerEntry e : c.subList(6, 10)) assertThat(walk.next(e)).isEmpty();

        Verification v = walk.end(10, c.get(9).hash());

        assertThat(v.intact()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(10);
        assertThat(v.headHash()).isEqualTo(c.get(9).hash());
    }

    @Test
    void a_walk_after_a_verified_entry_names_it_when_the_entries_after_it_link_to_another_hash() {
        List<LedgerEntry> c = chain(10);
        ChainWalk walk = ChainWalk.after(6, "1".repeat(64));

        assertThat(walk.next(c.get(6))).isEmpty();
        Optional<Verification> v = walk.next(c.get(7));

        assertThat(v).isPresent();
        assertThat(v.get().brokenAt()).contains(6L);
        assertThat(v.get().message()).contains("entry 6 was changed");
        assertThat(ChainWalk.after(0, "").end(0, HashChain.GENESIS).intact()).as("after nothing: a walk from the start").isTrue();
    }

    @Test
    void a_changed_entry_is_named() {
        List<LedgerEntry> c = chain(10);
        LedgerEntry e = c.get(3);
        c.set(3, new LedgerEntry(4, e.at(), e.type(), e.subject(), e.payload() + " ", e.previousHash(), e.hash()));

        assertThat(walk(c, 10, c.get(9).hash()).brokenAt()).contains(4L);
    }

    @Test
    void an_entry_changed_and_rehashed_is_named_because_its_successor_still_links_to_the_original() {
        List<LedgerEntry> c = chain(10);
        LedgerEntry e = c.get(3);
        c.set(3, HashChain.link(3, e.previousHash(), new NewEntry(e.at(), e.type(), e.subject(), "{\"forged\":1}")));

        Verification v = walk(c, 10, c.get(9).hash());

        assertThat(v.brokenAt()).contains(4L);
        assertThat(v.message()).contains("entry 4 was changed and its hash recomputed");
    }

    @Test
    void a_deleted_entry_is_named_with_or_without_renumbering() {
        List<LedgerEntry> gap = chain(10);
        gap.remove(3);
        List<LedgerEntry> renumbered = chain(10);
        renumbered.remove(3);
        for (int i = 3; i < renumbered.size(); i++) renumbered.set(i, renumbered(renumbered.get(i), i + 1));

        assertThat(walk(gap, 10, chain(10).get(9).hash()).brokenAt()).contains(4L);
        assertThat(walk(renumbered, 10, chain(10).get(9).hash()).brokenAt()).contains(4L);
    }

    @Test
    void an_inserted_forgery_is_named_even_when_it_links_correctly() {
        List<LedgerEntry> c = chain(10);
        String head = c.get(9).hash();
        for (int i = 3; i < c.size(); i++) c.set(i, renumbered(c.get(i), i + 2));
        c.add(3, HashChain.link(3, c.get(2).hash(), new NewEntry(T0, EventType.REVIEW, "forged", "{}")));

        Verification v = walk(c, 10, head);

        assertThat(v.brokenAt()).contains(4L);
        assertThat(v.message()).contains("entry 4 was inserted");
    }

    @Test
    void a_truncated_tail_and_an_entry_appended_outside_keel_are_caught_against_the_head() {
        List<LedgerEntry> c = chain(10);

        assertThat(walk(c.subList(0, 7), 10, c.get(9).hash()).brokenAt()).contains(8L);
        assertThat(walk(c, 9, c.get(8).hash()).brokenAt()).contains(10L);
    }
}
