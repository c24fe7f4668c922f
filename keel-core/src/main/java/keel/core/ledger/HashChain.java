package keel.core.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;

/**
 * The ledger's hash chain: each entry's hash is SHA-256 over the previous entry's hash and the
 * entry's own fields, each field length-prefixed so that no two different entries hash alike.
 */
public final class HashChain {
    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /** Gives {@code entry} its place after {@code previous} (sequence and hashes). */
    public static LedgerEntry link(Optional<LedgerEntry> previous, NewEntry entry) {
        return link(previous.map(LedgerEntry::sequence).orElse(0L), previous.map(LedgerEntry::hash).orElse(GENESIS),
                entry);
    }

    /**
     * Gives {@code entry} its place after the entry {@code previousSequence} (0: none) whose hash is given.
     * The entry's time is kept to the microsecond, the precision SQL timestamps store, so that an entry
     * read back from any store hashes as it did when it was written.
     */
    public static LedgerEntry link(long previousSequence, String previousHash, NewEntry entry) {
        long seq = previousSequence + 1;
        java.time.Instant at = entry.at().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return new LedgerEntry(seq, at, entry.type(), entry.subject(), entry.payload(), previousHash,
                hash(seq, at.toString(), entry.type().name(), entry.subject(), entry.payload(), previousHash));
    }

    static String hash(long seq, String at, String type, String subject, String payload, String previousHash) {
        MessageDigest sha = sha256();
        for (String field : new String[] {previousHash, Long.toString(seq), at, type, subject, payload}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) ':');
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The hash an entry should carry, recomputed from its fields. */
    public static String expectedHash(LedgerEntry e) {
        return hash(e.sequence(), e.at().toString(), e.type().name(), e.subject(), e.payload(), e.previousHash());
    }

    /** The hash {@code e}'s fields would have at sequence {@code sequence}; for telling moved entries. */
    static String hashAt(LedgerEntry e, long sequence) {
        return hash(sequence, e.at().toString(), e.type().name(), e.subject(), e.payload(), e.previousHash());
    }

    /**
     * Walks the entries in sequence order and reports the first one that breaks the chain (see
     * {@link ChainWalk}).
     *
     * @param entries all entries, in the order the store holds them
     */
    public static Verification verify(Iterator<LedgerEntry> entries) {
        ChainWalk walk = new ChainWalk();
        while (entries.hasNext()) {
            Optional<Verification> broken = walk.next(entries.next());
            if (broken.isPresent()) return broken.get();
        }
        return walk.end();
    }

    /** SHA-256 of text, as lower-case hex. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
