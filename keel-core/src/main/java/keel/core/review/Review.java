package keel.core.review;

import java.time.Instant;
import java.util.Optional;

/**
 * One act on a recommendation. The recommendation is the default; an override is an explicit act
 * with a reason code.
 *
 * @param finalQuantity the quantity that stands after this act
 * @param simulated true when the act came from the demo's simulated planner, not a person
 */
public record Review(String recommendationId, ReviewAction action, String actor, double finalQuantity,
        Optional<String> reasonCode, String comment, Instant at, boolean simulated) {

    public Review {
        if (action == ReviewAction.OVERRIDE && reasonCode.isEmpty()) {
            throw new IllegalArgumentException("override of " + recommendationId + " has no reason code; "
                    + "expected one of the decision type's reason codes");
        }
        if (!(finalQuantity >= 0) || Double.isInfinite(finalQuantity)) {
            throw new IllegalArgumentException("review of " + recommendationId + ": quantity was " + finalQuantity
                    + "; expected a number of units >= 0");
        }
        comment = comment == null ? "" : comment;
    }

    /** The status a recommendation has after this act. */
    public Status resultingStatus() {
        return switch (action) {
            case ACCEPT -> Status.ACCEPTED;
            case OVERRIDE -> Status.OVERRIDDEN;
            case ESCALATE -> Status.ESCALATED;
            case EXPIRE -> Status.EXPIRED;
        };
    }
}
