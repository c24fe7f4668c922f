package keel.core.decision;

/**
 * Where a decision type is in its life. In {@code SHADOW} Keel recommends but nothing is executed;
 * {@code PILOT} and {@code LIVE} execute and therefore need an owner and an accountable person.
 */
public enum Stage {
    SHADOW, PILOT, LIVE, RETIRED;

    /** Whether recommendations of this stage are executed, and so need named people. */
    public boolean executes() {
        return this == PILOT || this == LIVE;
    }
}
