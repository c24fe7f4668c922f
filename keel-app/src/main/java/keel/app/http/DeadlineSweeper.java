package keel.app.http;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import keel.app.workspace.Workspace;
import keel.core.decision.DecisionType;
import keel.core.review.OnExpiry;
import keel.core.review.Review;
import keel.core.review.ReviewAction;
import keel.core.review.Status;
import keel.store.jdbc.ReviewConflictException;
import keel.store.jdbc.StoredRecommendation;

/**
 * Applies each decision type's on-expiry rule to recommendations still open at their deadline:
 * the recommendation stands ({@code accept}), the naive quantity is ordered ({@code fallback}), or
 * nothing is ordered ({@code hold}); recorded as an expiry by "keel" in the ledger, as the demo does.
 */
final class DeadlineSweeper {
    private final Workspace ws;
    private final Clock clock;
    private final PrintStream log;

    DeadlineSweeper(Workspace ws, Clock clock, PrintStream log) {
        this.ws = ws;
        this.clock = clock;
        this.log = log;
    }

    /** Expires what is past its deadline now; returns how many. */
    int sweep() {
        return sweep(clock.instant());
    }

    int sweep(Instant now) {
        int expired = 0;
        for (DecisionType t : ws.decisionTypes()) {
            for (StoredRecommendation r : ws.store().queue(t.name(), List.of(Status.AWAITING_REVIEW, Status.ESCALATED))) {
                if (!r.deadline().isBefore(now)) continue;
                OnExpiry rule = t.review().onExpiry();
                double q = rule == OnExpiry.HOLD ? 0 : rule == OnExpiry.FALLBACK ? r.recommendation().naiveQuantity() : r.finalQuantity();
                try {
                    ws.store().review(new Review(r.recommendation().id(), ReviewAction.EXPIRE, "keel", q, Optional.empty(),
                            "deadline passed: " + rule.name().toLowerCase(Locale.ROOT), now, false), r.version());
                    expired++;
                } catch (ReviewConflictException e) {
                    log.println("keel: deadline of " + r.recommendation().id() + " not applied: " + e.getMessage());
                }
            }
        }
        return expired;
    }
}
