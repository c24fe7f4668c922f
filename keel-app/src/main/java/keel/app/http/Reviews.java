package keel.app.http;

import java.time.Clock;
import java.util.Optional;
import keel.app.workspace.Workspace;
import keel.core.decision.DecisionType;
import keel.core.review.Review;
import keel.core.review.ReviewAction;
import keel.store.jdbc.ReviewConflictException;
import keel.store.jdbc.StoredRecommendation;

/**
 * Applies reviews from the web: checks who may act, validates the fields against the decision type
 * (reason codes, whole units), and lets the store decide conflicts (optimistic versions).
 */
final class Reviews {
    private final Workspace ws;
    private final Access access;
    private final Clock clock;

    Reviews(Workspace ws, Access access, Clock clock) {
        this.ws = ws;
        this.access = access;
        this.clock = clock;
    }

    StoredRecommendation find(String id) {
        return ws.store().recommendation(id).orElseThrow(() -> notFound(id));
    }

    private static ApiError notFound(String id) {
        return ApiError.notFound("recommendation", id, "an id from the queue (cycle/item)");
    }

    /**
     * Applies {@code request} by {@code who}; throws 403, 400, 404 or 409 (with the current state), in
     * that order. The recommendation is read once, in the review's own transaction.
     */
    StoredRecommendation apply(Account who, String id, ReviewRequest request) {
        try {
            return ws.store().review(id, request.version(), current -> {
                DecisionType type = ws.decisionType(current.recommendation().decisionType());
                access.requireAct(who, type, current.status(), request.action().name().toLowerCase(java.util.Locale.ROOT)
                        + " " + id);
                return review(who, type, current, request);
            }).orElseThrow(() -> notFound(id));
        } catch (ReviewConflictException e) {
            throw ApiError.conflict(e.getMessage(), Views.state(e.current()));
        }
    }

    private Review review(Account who, DecisionType type, StoredRecommendation current, ReviewRequest r) {
        double quantity = current.finalQuantity();
        Optional<String> reason = Optional.empty();
        if (r.action() == ReviewAction.OVERRIDE) {
            quantity = r.quantity();
            if (!(quantity >= 0) || quantity != Math.rint(quantity) || quantity > 1e9) {
                throw ApiError.badRequest("quantity", r.quantity(), "a whole number of units >= 0");
            }
            String code = r.reasonCode().orElseThrow(() -> ApiError.badRequest("reasonCode", null,
                    "one of " + type.review().reasonCodes()));
            if (!type.review().knowsReasonCode(code)) {
                throw ApiError.badRequest("reasonCode", code, "one of " + type.review().reasonCodes());
            }
            reason = Optional.of(code);
        } else if (r.action() == ReviewAction.EXPIRE) {
            throw ApiError.badRequest("action", "expire", "accept, override or escalate; expiry is Keel's, at the deadline");
        }
        return new Review(current.recommendation().id(), r.action(), who.id(), quantity, reason, r.comment(),
                clock.instant(), false);
    }
}
