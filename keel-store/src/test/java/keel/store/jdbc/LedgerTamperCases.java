package keel.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import keel.core.ledger.EventType;
import keel.core.ledger.HashChain;
import keel.core.ledger.LedgerEntry;
import keel.core.ledger.NewEntry;
import keel.core.ledger.Verification;
import keel.core.review.Review;
import keel.core.review.ReviewAction;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tampers with the stored ledger in 1,000 seeded ways, one at a time on a restored copy, and requires
 * {@code verify} to catch every one and, where the first tampered entry can be told, to name it.
 */
abstract class LedgerTamperCases extends StoreCases {
    static final long SEED = 20_261_127L;
    static final int TAMPERINGS = 1_000;

    List<Stored> original;

    LedgerTamperCases(StoreKind kind) {
        super(kind);
    }

    /** A ledger row as stored. */
    record Stored(long seq, OffsetDateTime at, String type, String subject, String payload, String previousHash, String hash) {
        Stored withSeq(long s) {
            return new Stored(s, at, type, subject, payload, previousHash, hash);
        }
    }

    /** The ways of tampering; each says which entry verify must name, when that can be told. */
    enum Tamper {
        CHANGE_PAYLOAD, CHANGE_SUBJECT, CHANGE_TYPE, UNKNOWN_TYPE, CHANGE_TIME, CHANGE_HASH, CHANGE_PREVIOUS_HASH,
        CHANGE_AND_REHASH, RELINK_AND_REHASH, DELETE, DELETE_AND_RENUMBER, INSERT_LINKED_FORGERY,
        INSERT_UNLINKED_FORGERY, APPEND_FORGERY, SWAP_TWO, TRUNCATE_TAIL, EDIT_HEAD_HASH, EDIT_HEAD_SEQUENCE,
        DELETE_HEAD, REWRITE_TAIL_WITHOUT_HEAD
    }

    @BeforeEach
    void fillLedger() {
        store.recordBatch(SampleBatches.salesWithOneBadRow(), Optional.empty(), Optional.empty(), SampleCycles.T0);
        store.recordBatch(SampleBatches.blockedCatalog(), Optional.empty(), Optional.empty(), SampleCycles.T0);
        store.saveCycle(SampleCycles.cycle("c1"), SampleCycles.awaitingReview("c1", 12), SampleCycles.T0.plusSeconds(86_400));
        for (int i = 0; i < 12; i += 2) {
            store.review(new Review("c1/item-" + String.format("%05d", i), ReviewAction.OVERRIDE, "ana", i + 3,
                    Optional.of("promotion"), "seen at the fair", SampleCycles.T0.plusSeconds(60 + i), false), 0);
        }
        store.recordOutcomes(List.of(new OutcomeRecord("c1/item-00001", 4, 1, 2, 3, "{}"),
                new OutcomeRecord("c1/item-00003", 5, 1, 2, 3, "{}")), SampleCycles.T0.plusSeconds(7 * 86_400));
        original = rows();
    }

    @Test
    void a_thousand_seeded_tamperings_are_all_detected_and_the_first_tampered_entry_is_named() {
        Random random = new Random(SEED);
        List<String> missed = new ArrayList<>();
        Map<Tamper, Integer> tried = new EnumMap<>(Tamper.class);
        int named = 0;
        assertThat(original).hasSizeGreaterThan(20);
        assertThat(store.ledger().verify().intact()).isTrue();

        for (int i = 0; i < TAMPERINGS; i++) {
            Tamper tamper = Tamper.values()[i % Tamper.values().length];
            Verification[] verdict = new Verification[1];
            OptionalLong first = store.jdbi().withHandle(h -> {
                h.begin();
                try {
                    OptionalLong tampered = apply(h, tamper, random);
                    verdict[0] = JdbcLedgerStore.verify(h);
                    return tampered;
                } finally {
                    h.rollback();
                }
            });
            Verification v = verdict[0];
            tried.merge(tamper, 1, Integer::sum);
            if (v.intact()) {
                missed.add(String.format(Locale.ROOT, "#%d %s: not detected", i, tamper));
            } else if (first.isPresent() && !v.brokenAt().equals(Optional.of(first.getAsLong()))) {
                missed.add(String.format(Locale.ROOT, "#%d %s: first tampered entry %d, verify said: %s", i, tamper,
                        first.getAsLong(), v.message()));
            } else if (first.isPresent()) {
                named++;
            }
        }

        assertThat(missed).as("tamperings missed or misnamed").isEmpty();
        assertThat(tried).hasSize(Tamper.values().length);
        assertThat(named).isGreaterThan(750);
        assertThat(store.ledger().verify().intact()).isTrue();
    }

    /** Tampers once; returns the first tampered entry when verify can tell it. */
    private OptionalLong apply(Handle h, Tamper tamper, Random random) {
        long n = original.size();
        long k = 1 + random.nextInt((int) n);
        Stored e = original.get((int) k - 1);
        switch (tamper) {
            case CHANGE_PAYLOAD -> set(h, k, "payload", e.payload() + (random.nextBoolean() ? " " : "0"));
            case CHANGE_SUBJECT -> set(h, k, "subject", e.subject() + "x");
            case CHANGE_TYPE -> set(h, k, "type", otherType(e.type(), random));
            case UNKNOWN_TYPE -> set(h, k, "type", "FORGED");
            case CHANGE_TIME -> h.createUpdate("update ledger set at = :at where seq = :s")
                    .bind("at", e.at().plusNanos(1000L * (1 + random.nextInt(5_000_000)))).bind("s", k).execute();
            case CHANGE_HASH -> set(h, k, "hash", randomHex(random));
            case CHANGE_PREVIOUS_HASH -> set(h, k, "previous_hash", randomHex(random));
            case CHANGE_AND_REHASH -> replace(h, k, relinked(k, e.previousHash(), e.type(), e.subject(), e.payload() + " "));
            case RELINK_AND_REHASH -> replace(h, k, relinked(k, randomHex(random), e.type(), e.subject(), e.payload()));
            case DELETE -> h.execute("delete from ledger where seq = ?", k);
            case DELETE_AND_RENUMBER -> {
                h.execute("delete from ledger where seq = ?", k);
                for (long s = k + 1; s <= n; s++) h.execute("update ledger set seq = ? where seq = ?", s - 1, s);
                if (random.nextBoolean()) {
                    h.execute("update ledger_head set seq = ? where id = 1", n - 1);
                    // The last entry gone and the head's count fixed: as if entry n - 1 had been re-hashed.
                    if (k == n) return OptionalLong.empty();
                }
            }
            case INSERT_LINKED_FORGERY, INSERT_UNLINKED_FORGERY -> {
                for (long s = n; s >= k; s--) h.execute("update ledger set seq = ? where seq = ?", s + 1, s);
                String link = tamper == Tamper.INSERT_LINKED_FORGERY ? e.previousHash() : randomHex(random);
                insert(h, relinked(k, link, "REVIEW", e.subject(), "{\"forged\":true}"));
            }
            case APPEND_FORGERY -> {
                insert(h, relinked(n + 1, original.get((int) n - 1).hash(), "REVIEW", "c1/item-00000", "{\"forged\":true}"));
                return OptionalLong.of(n + 1);
            }
            case SWAP_TWO -> {
                long j = k;
                while (j == k) j = 1 + random.nextInt((int) n);
                replace(h, k, original.get((int) j - 1).withSeq(k));
                replace(h, j, e.withSeq(j));
                return OptionalLong.of(Math.min(k, j));
            }
            case TRUNCATE_TAIL -> h.execute("delete from ledger where seq >= ?", k);
            case EDIT_HEAD_HASH -> {
                h.execute("update ledger_head set hash = ? where id = 1", randomHex(random));
                return OptionalLong.empty();
            }
            case EDIT_HEAD_SEQUENCE -> {
                h.execute("update ledger_head set seq = ? where id = 1", n + (random.nextBoolean() ? 1 : -1 - random.nextInt(3)));
                return OptionalLong.empty();
            }
            case DELETE_HEAD -> {
                h.execute("delete from ledger_head");
                return OptionalLong.empty();
            }
            case REWRITE_TAIL_WITHOUT_HEAD -> {
                String link = e.previousHash();
                for (long s = k; s <= n; s++) {
                    Stored o = original.get((int) s - 1);
                    Stored r = relinked(s, link, o.type(), o.subject(), s == k ? o.payload() + " " : o.payload());
                    replace(h, s, r);
                    link = r.hash();
                }
                return OptionalLong.empty();
            }
            default -> throw new IllegalStateException("unknown tampering " + tamper);
        }
        return OptionalLong.of(k);
    }

    private Stored relinked(long seq, String previousHash, String type, String subject, String payload) {
        OffsetDateTime at = original.get((int) Math.min(seq, original.size()) - 1).at();
        LedgerEntry entry = HashChain.link(seq - 1, previousHash, new NewEntry(at.toInstant(), EventType.valueOf(type),
                subject, payload));
        return new Stored(seq, at, type, subject, payload, previousHash, entry.hash());
    }

    private static String otherType(String type, Random random) {
        EventType[] all = EventType.values();
        String other = type;
        while (other.equals(type)) other = all[random.nextInt(all.length)].name();
        return other;
    }

    private static String randomHex(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void set(Handle h, long seq, String column, String value) {
        h.createUpdate("update ledger set " + column + " = :v where seq = :s").bind("v", value).bind("s", seq).execute();
    }

    private static void replace(Handle h, long seq, Stored r) {
        h.execute("delete from ledger where seq = ?", seq);
        insert(h, r.withSeq(seq));
    }

    private static void insert(Handle h, Stored r) {
        h.createUpdate("insert into ledger (seq, at, type, subject, payload, previous_hash, hash) "
                + "values (:seq, :at, :type, :subject, :payload, :prev, :hash)")
                .bind("seq", r.seq()).bind("at", r.at()).bind("type", r.type()).bind("subject", r.subject())
                .bind("payload", r.payload()).bind("prev", r.previousHash()).bind("hash", r.hash()).execute();
    }

    private List<Stored> rows() {
        return store.jdbi().withHandle(h -> h.createQuery("select * from ledger order by seq")
                .map((rs, ctx) -> new Stored(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class), rs.getString("type"),
                        rs.getString("subject"), rs.getString("payload"), rs.getString("previous_hash"), rs.getString("hash")))
                .list());
    }
}
