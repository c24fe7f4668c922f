package keel.core.review;

/** Where a recommendation stands in review. */
public enum Status {
    /** No rule fired (or capacity was full): approved without a person. */
    TOUCHLESS,
    /** Waiting for its owner. */
    AWAITING_REVIEW,
    /** Waiting for the accountable person. */
    ESCALATED,
    ACCEPTED,
    OVERRIDDEN,
    /** The deadline passed without a review. */
    EXPIRED;

    /** Whether a person may still act on it (before the deadline). */
    public boolean open() {
        return this == AWAITING_REVIEW || this == ESCALATED || this == TOUCHLESS;
    }
}
