package keel.core.contract;

/** What became of an ingested file. */
public enum BatchStatus {
    /** Every row passed its contract. */
    ACCEPTED,
    /** Some rows were quarantined with their reasons; the rest passed and may be used. */
    ACCEPTED_WITH_WARNINGS,
    /** The file could not be read as declared (unreadable, empty, columns missing); no row may be used. */
    BLOCKED
}
