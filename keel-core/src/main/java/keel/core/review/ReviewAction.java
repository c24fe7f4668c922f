package keel.core.review;

/** What a person (or the deadline) did with a recommendation. */
public enum ReviewAction {
    /** The recommendation stands, after review. */
    ACCEPT,
    /** A person set another quantity, with a reason code. */
    OVERRIDE,
    /** Handed to the accountable person. */
    ESCALATE,
    /** The deadline passed before anyone acted; the decision type's on-expiry rule applied. */
    EXPIRE
}
