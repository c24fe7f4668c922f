package keel.app.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import keel.app.workspace.Workspace;
import keel.core.decision.DecisionType;
import keel.core.review.Status;
import keel.store.jdbc.ReportQueries;
import keel.store.jdbc.StoredRecommendation;

/**
 * The review queue as one person sees it: only what needs review on the decision types they may
 * read, most value at stake first. Owners see what awaits them, accountable persons what was
 * escalated to them, analysts and admins both.
 */
final class Queue {
    private final Workspace ws;
    private final Access access;
    private final ReportQueries queries;

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
        List<StoredRecommendation> out = new ArrayList<>();
        for (DecisionType t : types) {
            if (!Access.canRead(a, t)) continue;
            for (StoredRecommendation r : queries.queue(t.name(), statuses(a))) {
                if (matches(r, f)) out.add(r);
            }
        }
        out.sort(Comparator.comparingDouble((StoredRecommendation r) -> -Workspace.valueAtStake(r.recommendation()))
                .thenComparing(r -> r.recommendation().id()));
        return out.size() > f.limit() ? List.copyOf(out.subList(0, f.limit())) : out;
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
