package keel.app.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import keel.app.workspace.Workspace;
import keel.core.decision.DecisionType;
import keel.core.review.Status;
import keel.store.jdbc.KeelStore;
import keel.store.jdbc.ReportQueries;
import keel.store.jdbc.StoredRecommendation;

/**
 * The review queue as one person sees it: only what needs review on the decision types they may
 * read, most value at stake first. Owners see what awaits them, accountable persons what was
 * escalated to them, analysts and admins both.
 *
 * <p>The open recommendations of a set of decision types, sorted, are kept with the store version
 * they were read at (the ledger head, which every write moves, whichever process writes). A request
 * asks the ledger what was written since, one small query: nothing, and the rows stand; only reviews
 * and expiries, and just those recommendations are read again and put in place; anything else (a
 * cycle, say), and the rows are read afresh.
 */
final class Queue {
    private final Workspace ws;
    private final Access access;
    private final ReportQueries queries;
    private final Map<Key, Snapshot> snapshots = new ConcurrentHashMap<>();

    /** Most value at stake first, then by id. */
    private static final Comparator<StoredRecommendation> ORDER = Comparator
            .comparingDouble((StoredRecommendation r) -> -Workspace.valueAtStake(r.recommendation()))
            .thenComparing(r -> r.recommendation().id());
    /** Past this many ledger entries since a snapshot, it is read afresh rather than followed. */
    private static final int FOLLOW_LIMIT = 500;

    /** Which rows a snapshot holds: the recommendations of these decision types in these statuses. */
    private record Key(List<String> decisionTypes, List<Status> statuses) {
        boolean holds(StoredRecommendation r) {
            return decisionTypes.contains(r.recommendation().decisionType()) && statuses.contains(r.status());
        }
    }

    /** The sorted rows of a key as they stood at store version {@code version}. */
    private record Snapshot(long version, List<StoredRecommendation> rows) {
    }

    /** Filters of the queue; empty means any. */
    record Filter(Optional<String> decisionType, Optional<String> location, Optional<String> reason, int limit) {
        static Filter of(Context ctx) {
            return new Filter(param(ctx, "decisionType"), param(ctx, "location"), param(ctx, "reason"),
                    limit(ctx.queryParam("limit"), 200, 5000));
        }

        private static Optional<String> param(Context ctx, String name) {
            return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(s -> !s.isEmpty());
        }

        static int limit(String text, int fallback, int max) {
            if (text == null || text.isBlank()) return fallback;
            try {
                int n = Integer.parseInt(text.strip());
                if (n >= 1 && n <= max) return n;
            } catch (NumberFormatException e) {
                // reported below with the value
            }
            throw ApiError.badRequest("limit", text, "a whole number from 1 to " + max);
        }
    }

    Queue(Workspace ws, Access access, ReportQueries queries) {
        this.ws = ws;
        this.access = access;
        this.queries = queries;
    }

    List<StoredRecommendation> rows(Account a, Filter f) {
        if (a.role() == Role.AUDITOR) throw access.refuse(a, "read the queue", "auditors read the ledger only");
        List<DecisionType> types = ws.decisionTypes();
        if (f.decisionType().isPresent()) {
            DecisionType t = ApiRoutes.type(ws, f.decisionType().get());
            access.requireRead(a, t, "queue of " + t.name());
            types = List.of(t);
        }
        Key key = new Key(types.stream().filter(t -> Access.canRead(a, t)).map(DecisionType::name).toList(), statuses(a));
        List<StoredRecommendation> out = new ArrayList<>(Math.min(f.limit(), 256));
        for (StoredRecommendation r : sorted(key)) {
            if (out.size() == f.limit()) break;
            if (matches(r, f)) out.add(r);
        }
        return out;
    }

    /** The rows of {@code key}, most value at stake first, as the store stands now. */
    private List<StoredRecommendation> sorted(Key key) {
        Snapshot s = snapshots.get(key);
        Snapshot now = s == null ? read(key) : follow(key, s);
        if (now != s) snapshots.merge(key, now, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
        return now.rows();
    }

    /**
     * Brings a snapshot up to the store's version: unchanged when nothing was written since, with the
     * reviewed recommendations read again when only reviews and expiries were, read afresh otherwise.
     */
    private Snapshot follow(Key key, Snapshot s) {
        KeelStore.Changes changes = ws.store().changesSince(s.version(), FOLLOW_LIMIT);
        if (changes.version() == s.version()) return s;
        if (changes.reviewed().isEmpty()) return read(key);
        Set<String> reviewed = changes.reviewed().get();
        List<StoredRecommendation> rows = new ArrayList<>(s.rows().size());
        for (StoredRecommendation r : s.rows()) {
            if (!reviewed.contains(r.recommendation().id())) rows.add(r);
        }
        for (StoredRecommendation r : ws.store().recommendationsById(reviewed)) {
            if (!key.holds(r)) continue;
            int at = Collections.binarySearch(rows, r, ORDER);
            rows.add(at < 0 ? -at - 1 : at, r);
        }
        // Rows read after the changes were listed may be newer still: the next request reads those changes again.
        return new Snapshot(changes.version(), List.copyOf(rows));
    }

    /** Reads the rows of {@code key} afresh; the version first, so that a write in between is read again next time. */
    private Snapshot read(Key key) {
        long version = ws.store().version();
        record Ranked(StoredRecommendation row, double valueAtStake) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (String t : key.decisionTypes()) {
            for (StoredRecommendation r : queries.queue(t, key.statuses())) {
                ranked.add(new Ranked(r, Workspace.valueAtStake(r.recommendation())));
            }
        }
        ranked.sort(Comparator.comparingDouble((Ranked r) -> -r.valueAtStake()).thenComparing(r -> r.row().recommendation().id()));
        // the same order as ORDER, with each value at stake worked out once
        return new Snapshot(version, ranked.stream().map(Ranked::row).toList());
    }

    private static List<Status> statuses(Account a) {
        return switch (a.role()) {
            case OWNER -> List.of(Status.AWAITING_REVIEW);
            case ACCOUNTABLE -> List.of(Status.ESCALATED);
            default -> List.of(Status.AWAITING_REVIEW, Status.ESCALATED);
        };
    }

    private static boolean matches(StoredRecommendation r, Filter f) {
        if (f.location().isPresent() && !r.recommendation().location().equalsIgnoreCase(f.location().get())) return false;
        if (f.reason().isEmpty()) return true;
        String wanted = f.reason().get().toLowerCase(Locale.ROOT);
        return r.recommendation().reviewReasons().stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(wanted));
    }
}
