package keel.core.ledger;

/** The kinds of event the ledger records. */
public enum EventType {
    DECISION_TYPE_CHANGED,
    BATCH_ACCEPTED,
    BATCH_BLOCKED,
    ROWS_QUARANTINED,
    CYCLE_RUN,
    RECOMMENDATION,
    REVIEW,
    DEADLINE_PASSED,
    OUTCOME_RECORDED,
    CONTRACT_CHECKED,
    ROWS_RESUBMITTED
}
