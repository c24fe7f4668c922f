package keel.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import keel.core.ledger.ChainWalk;
import keel.core.ledger.EventType;
import keel.core.ledger.HashChain;
import keel.core.ledger.LedgerEntry;
import keel.core.ledger.LedgerStore;
import keel.core.ledger.NewEntry;
import keel.core.ledger.Verification;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The ledger in a relational table. Appends lock the single {@code ledger_head} row, so concurrent
 * appenders are serialised and the chain never forks; an append joins the caller's transaction so
 * that an event and the state it describes are written together or not at all.
 */
public final class JdbcLedgerStore implements LedgerStore {
    private final Jdbi jdbi;

    JdbcLedgerStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<LedgerEntry> append(List<NewEntry> events) {
        return jdbi.inTransaction(h -> append(h, events));
    }

    /**
     * Locks the head row until the transaction ends, serialising appenders. An update that changes
     * nothing rather than {@code select ... for update}: both engines lock the row either way, and H2
     * keeps the parsed form of an update but parses a {@code for update} query afresh every time.
     */
    static void lockHead(Handle h) {
        if (h.createUpdate("update ledger_head set seq = seq where id = 1").execute() != 1) {
            throw new IllegalStateException("the ledger's recorded head (table ledger_head, row id 1) is missing; "
                    + "expected the row every append updates");
        }
    }

    /** Appends within the caller's transaction. */
    static List<LedgerEntry> append(Handle h, List<NewEntry> events) {
        if (events.isEmpty()) return List.of();
        lockHead(h);
        Head head = h.createQuery("select seq, hash from ledger_head where id = 1")
                .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getString("hash"))).one();
        long seq = head.seq();
        String hash = head.hash();
        List<LedgerEntry> linked = new ArrayList<>(events.size());
        PreparedBatch batch = h.prepareBatch("insert into ledger (seq, at, type, subject, payload, previous_hash, hash) "
                + "values (:seq, :at, :type, :subject, :payload, :prev, :hash)");
        for (NewEntry e : events) {
            // Both engines keep timestamps to the microsecond; hash what will be read back.
            LedgerEntry entry = HashChain.link(seq, hash, new NewEntry(e.at().truncatedTo(ChronoUnit.MICROS), e.type(),
                    e.subject(), e.payload()));
            batch.bind("seq", entry.sequence()).bind("at", OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC))
                    .bind("type", entry.type().name()).bind("subject", entry.subject())
                    .bind("payload", entry.payload()).bind("prev", entry.previousHash()).bind("hash", entry.hash())
                    .add();
            linked.add(entry);
            seq = entry.sequence();
            hash = entry.hash();
        }
        batch.execute();
        LedgerEntry last = linked.get(linked.size() - 1);
        h.createUpdate("update ledger_head set seq = :seq, hash = :hash where id = 1")
                .bind("seq", last.sequence()).bind("hash", last.hash()).execute();
        return linked;
    }

    @Override
    public void forEach(Consumer<LedgerEntry> visitor) {
        jdbi.useHandle(h -> {
            try (var stream = h.createQuery("select * from ledger order by seq").setFetchSize(1000)
                    .map((rs, ctx) -> entry(rs)).stream()) {
                stream.forEach(visitor);
            }
        });
    }

    /**
     * Verifies the whole chain, then compares its end with the head recorded by the last append, so
     * that entries deleted from or appended to the end are caught too. Names the first entry that
     * was changed, deleted, inserted or reordered (see {@link ChainWalk}).
     */
    @Override
    public Verification verify() {
        return jdbi.withHandle(JdbcLedgerStore::verify);
    }

    /** Verifies the chain as {@code h} sees it (within its transaction). */
    static Verification verify(Handle h) {
        return walk(h, new ChainWalk(), 0);
    }

    /**
     * Verifies only the entries after entry {@code sequence}, which an earlier verification found
     * intact with hash {@code hash}: entry {@code sequence} must still be there with that hash, and the
     * entries after it must chain on from it up to the recorded head. Cheap when few entries are new;
     * a change to an entry before {@code sequence} is left to {@link #verify()}.
     */
    public Verification verifyAfter(long sequence, String hash) {
        return jdbi.withHandle(h -> {
            if (sequence > 0) {
                Optional<Verification> moved = sameAsVerified(h, sequence, hash);
                if (moved.isPresent()) return moved.get();
            }
            return walk(h, ChainWalk.after(sequence, hash), sequence);
        });
    }

    /** Whether entry {@code sequence} is still the one verified with {@code hash}; a verdict when it is not. */
    private static Optional<Verification> sameAsVerified(Handle h, long sequence, String hash) {
        Optional<Row> row = h.createQuery("select * from ledger where seq = :s").bind("s", sequence)
                .map((rs, ctx) -> row(rs)).findOne();
        String why = row.isEmpty() ? "was deleted"
                : row.get().unreadable().map(u -> u + ": it was changed")
                        .orElseGet(() -> !row.get().hash().equals(hash) || !HashChain.expectedHash(row.get().entry()).equals(hash)
                                ? "was changed: it no longer has the hash " + hash + " it was verified with" : "");
        if (why.isEmpty()) return Optional.empty();
        return Optional.of(new Verification(sequence - 1, Optional.of(sequence), "ledger broken: entry " + sequence + " " + why
                + " since it was last verified", ""));
    }

    /**
     * Feeds {@code walk} the entries after {@code after} (every row, whatever its number, when 0), then
     * compares its end with the recorded head. The head is read after the rows, and an append writes
     * its rows and the head in one transaction, so an intact ledger's head is never behind the rows
     * read; when it is ahead, entries were appended meanwhile, and the walk goes on with them (a few
     * rounds) before the head can say that entries are missing.
     */
    private static Verification walk(Handle h, ChainWalk walk, long after) {
        long[] last = {after};
        Optional<Verification> broken = feed(h, walk, after, last);
        if (broken.isPresent()) return broken.get();
        for (int round = 0; ; round++) {
            List<Head> heads = h.createQuery("select seq, hash from ledger_head where id = 1")
                    .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getString("hash"))).list();
            if (heads.isEmpty()) {
                Verification v = walk.end();
                return v.intact() ? new Verification(v.entriesChecked(), Optional.of(v.entriesChecked()),
                        "ledger broken: the recorded head (table ledger_head, row id 1) was deleted", "") : v;
            }
            Head head = heads.get(0);
            long before = last[0];
            if (head.seq() > before && round < APPENDED_MEANWHILE_ROUNDS) {
                broken = feed(h, walk, before, last);
                if (broken.isPresent()) return broken.get();
                if (last[0] > before) continue;
            }
            return walk.end(head.seq(), head.hash());
        }
    }

    /** How often a walk goes on with entries appended while it ran before it trusts the head it read. */
    private static final int APPENDED_MEANWHILE_ROUNDS = 5;

    /** Feeds the rows after {@code after} to {@code walk}; {@code last[0]} ends as the last sequence fed. */
    private static Optional<Verification> feed(Handle h, ChainWalk walk, long after, long[] last) {
        var query = after > 0 ? h.createQuery("select * from ledger where seq > :s order by seq").bind("s", after)
                : h.createQuery("select * from ledger order by seq");
        try (var rows = query.setFetchSize(1000).map((rs, ctx) -> row(rs)).stream()) {
            Iterator<Row> it = rows.iterator();
            while (it.hasNext()) {
                Row row = it.next();
                Optional<String> unreadable = row.unreadable();
                if (unreadable.isPresent()) return Optional.of(walk.unreadable(row.seq(), unreadable.get()));
                Optional<Verification> broken = walk.next(row.entry());
                if (broken.isPresent()) return broken;
                last[0] = Math.max(last[0], row.seq());
            }
        }
        return Optional.empty();
    }

    /** A ledger row as stored, before it is known to be a well-formed entry. */
    private record Row(long seq, OffsetDateTime at, String type, String subject, String payload, String previousHash,
            String hash) {
        Optional<String> unreadable() {
            if (seq < 1) return Optional.of("has sequence number " + seq + "; expected >= 1");
            if (at == null || subject == null || payload == null || previousHash == null || hash == null) {
                return Optional.of("has an empty field");
            }
            try {
                EventType.valueOf(type);
                return Optional.empty();
            } catch (IllegalArgumentException | NullPointerException e) {
                return Optional.of("has event type \"" + type + "\"; expected one of " + List.of(EventType.values()));
            }
        }

        LedgerEntry entry() {
            return new LedgerEntry(seq, at.toInstant(), EventType.valueOf(type), subject, payload, previousHash, hash);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class), rs.getString("type"),
                rs.getString("subject"), rs.getString("payload"), rs.getString("previous_hash"), rs.getString("hash"));
    }

    private record Head(long seq, String hash) {
    }

    public long size() {
        return jdbi.withHandle(h -> h.createQuery("select seq from ledger_head where id = 1").mapTo(Long.class).one());
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        return new LedgerEntry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                EventType.valueOf(rs.getString("type")), rs.getString("subject"), rs.getString("payload"),
                rs.getString("previous_hash"), rs.getString("hash"));
    }
}
