package keel.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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

    /** Appends within the caller's transaction. */
    static List<LedgerEntry> append(Handle h, List<NewEntry> events) {
        if (events.isEmpty()) return List.of();
        Head head = h.createQuery("select seq, hash from ledger_head where id = 1 for update")
                .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getString("hash"))).one();
        long seq = head.seq();
        String hash = head.hash();
        List<LedgerEntry> linked = new ArrayList<>(events.size());
        PreparedBatch batch = h.prepareBatch("insert into ledger (seq, at, type, subject, payload, previous_hash, hash) "
                + "values (:seq, :at, :type, :subject, :payload, :prev, :hash)");
        for (NewEntry e : events) {
            // The column keeps microseconds: hash the time as it will be read back, or verify fails.
            NewEntry stored = new NewEntry(e.at().truncatedTo(java.time.temporal.ChronoUnit.MICROS), e.type(), e.subject(),
                    e.payload());
            LedgerEntry entry = HashChain.link(seq, hash, stored);
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

    @Override
    public Verification verify() {
        return jdbi.withHandle(h -> {
            try (var stream = h.createQuery("select * from ledger order by seq").setFetchSize(1000)
                    .map((rs, ctx) -> entry(rs)).stream()) {
                Iterator<LedgerEntry> it = stream.iterator();
                Verification v = HashChain.verify(it);
                if (!v.intact()) return v;
                String head = h.createQuery("select hash from ledger_head where id = 1").mapTo(String.class).one();
                long headSeq = h.createQuery("select seq from ledger_head where id = 1").mapTo(Long.class).one();
                if (headSeq != v.entriesChecked() || (headSeq > 0 && !head.equals(v.headHash()))) {
                    return new Verification(v.entriesChecked(), Optional.of(Math.min(headSeq, v.entriesChecked()) + 1),
                            "ledger broken: the recorded head is entry " + headSeq + " but the chain has "
                                    + v.entriesChecked() + " entries ending in " + v.headHash()
                                    + ": entries at the end were deleted or appended outside Keel", "");
                }
                return v;
            }
        });
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
