package keel.core.ledger;

import java.util.Optional;

/**
 * Checks a ledger one entry at a time, in sequence order, and names the first entry that was
 * changed, deleted, inserted or reordered.
 *
 * <p>How the first tampered entry is found, when the entry at position {@code p} does not fit:
 * <ul>
 *   <li>its sequence number skips ahead: entry {@code p} was deleted;</li>
 *   <li>its content does not match its own hash: it was changed, unless it hashes correctly as entry
 *       {@code p - 1} (it was moved down by an entry inserted before it: {@code p - 1} was inserted)
 *       or as entry {@code p + 1} (entry {@code p} was deleted and the rest renumbered);</li>
 *   <li>it matches its own hash but does not link to entry {@code p - 1}: either entry {@code p - 1}
 *       was changed and its hash recomputed (entry {@code p + 1}, or the recorded head, still links
 *       to {@code p}'s hash), or entry {@code p} itself was forged or re-linked. The walk looks one
 *       entry ahead to tell which.</li>
 * </ul>
 * A ledger rewritten consistently from some entry to the end <em>and</em> its recorded head cannot
 * be told from an honest one: that is what keeping the head (or a copy of it) elsewhere is for.
 */
public final class ChainWalk {
    private String previous = HashChain.GENESIS;
    private long expected = 1;
    private long checked;
    private LedgerEntry pending;
    private String pendingPrevious;

    /** A walk from the first entry. */
    public ChainWalk() {
    }

    /**
     * A walk that goes on after entry {@code sequence}, verified earlier with hash {@code hash}
     * (and found again unchanged): it checks only the entries after it. The verdict counts every
     * entry, the earlier ones as verified before; a change to them is not seen (a full walk sees it).
     */
    public static ChainWalk after(long sequence, String hash) {
        if (sequence < 0) throw new IllegalArgumentException("sequence was " + sequence + "; expected >= 0");
        ChainWalk walk = new ChainWalk();
        if (sequence == 0) return walk;
        walk.previous = hash;
        walk.expected = sequence + 1;
        walk.checked = sequence;
        return walk;
    }

    /**
     * Takes the next entry; returns the verdict as soon as the ledger is known to be broken.
     * After a broken verdict the walk must not be fed further.
     */
    public Optional<Verification> next(LedgerEntry e) {
        if (pending != null) return Optional.of(resolvePending(e.previousHash()));
        long p = expected;
        if (e.sequence() > p) {
            return broken(p, "entry " + p + " is missing (the sequence jumps from " + (p - 1) + " to " + e.sequence()
                    + "): entries " + p + (e.sequence() - 1 > p ? ".." + (e.sequence() - 1) : "") + " were deleted");
        }
        if (e.sequence() < p) {
            return broken(e.sequence(), "entry " + e.sequence() + " appears again after entry " + (p - 1)
                    + ": entries were inserted or reordered");
        }
        if (!HashChain.expectedHash(e).equals(e.hash())) return Optional.of(changed(e, p));
        if (!e.previousHash().equals(previous)) {
            pending = e;
            pendingPrevious = previous;
            return Optional.empty();
        }
        accept(e);
        return Optional.empty();
    }

    /** An entry whose row cannot even be read as an entry (an unknown event type, say). */
    public Verification unreadable(long sequence, String why) {
        long at = pending != null ? pending.sequence() : Math.min(sequence, expected);
        return Verification.broken(checked, at, "entry " + at + " " + why + ": the entry was changed");
    }

    /** The verdict after the last entry, without a recorded head to compare against. */
    public Verification end() {
        if (pending != null) return resolvePending(null);
        return Verification.intact(checked, previous);
    }

    /**
     * The verdict after the last entry, compared with the head the store recorded on its last
     * append: catches entries deleted from, or appended to, the end.
     */
    public Verification end(long headSequence, String headHash) {
        if (pending != null) return resolvePending(headSequence == pending.sequence() ? headHash : null);
        long last = expected - 1;
        if (last < headSequence) {
            return Verification.broken(checked, last + 1, "entry " + (last + 1) + " is missing: the recorded head is entry "
                    + headSequence + " but the chain ends at entry " + last + "; entries " + (last + 1)
                    + (headSequence > last + 1 ? ".." + headSequence : "") + " were deleted");
        }
        if (last > headSequence) {
            return Verification.broken(checked, headSequence + 1, "entry " + (headSequence + 1)
                    + " was appended outside Keel: the recorded head is entry " + headSequence + " but the chain goes on to "
                    + last);
        }
        if (last > 0 && !previous.equals(headHash)) {
            return Verification.broken(checked, last, "entry " + last + " does not match the recorded head's hash "
                    + headHash + ": the entry was changed and its hash recomputed, or the head was edited");
        }
        return Verification.intact(checked, previous);
    }

    private Verification changed(LedgerEntry e, long p) {
        if (p > 1 && HashChain.hashAt(e, p - 1).equals(e.hash())) {
            return Verification.broken(checked, p - 1, "entry " + (p - 1) + " was inserted: entry " + p
                    + " is the entry that was " + (p - 1) + ", moved down one place");
        }
        if (HashChain.hashAt(e, p + 1).equals(e.hash())) {
            return Verification.broken(checked, p, "entry " + p + " was deleted: entry " + p + " is the entry that was "
                    + (p + 1) + ", renumbered");
        }
        return Verification.broken(checked, p, "entry " + p + " was changed: its content does not match its hash");
    }

    /**
     * The pending entry matches its own hash but not its predecessor's. If what follows it still
     * links to its hash, it is original and its predecessor was replaced; otherwise it was forged.
     */
    private Verification resolvePending(String successorLink) {
        long p = pending.sequence();
        if (p > 1 && pending.hash().equals(successorLink)) {
            return Verification.broken(checked, p - 1, "entry " + (p - 1) + " was changed and its hash recomputed: entry "
                    + p + " still links to its original hash " + pending.previousHash() + ", not " + pendingPrevious);
        }
        return Verification.broken(checked, p, "entry " + p + " was forged, inserted or re-linked: it links to "
                + pending.previousHash() + " where entry " + (p - 1) + " has hash " + pendingPrevious);
    }

    private Optional<Verification> broken(long at, String why) {
        return Optional.of(Verification.broken(checked, at, why));
    }

    private void accept(LedgerEntry e) {
        previous = e.hash();
        expected++;
        checked++;
    }
}
