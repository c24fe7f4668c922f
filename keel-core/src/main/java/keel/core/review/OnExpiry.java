package keel.core.review;

/** What happens to a recommendation still awaiting review when its deadline passes. */
public enum OnExpiry {
    /** The recommendation stands (default). */
    ACCEPT,
    /** The naive policy's quantity is ordered. */
    FALLBACK,
    /** Nothing is ordered; the accountable person is told. */
    HOLD
}
