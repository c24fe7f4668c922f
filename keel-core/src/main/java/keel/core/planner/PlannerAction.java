package keel.core.planner;

/** What a simulated planner did with a recommendation. */
public sealed interface PlannerAction permits PlannerAction.Accept, PlannerAction.Override {

    /** The comment every simulated act carries, so screens can label it. */
    String COMMENT = "simulated planner";

    /** The quantity that will be ordered. */
    long quantity();

    /** The recommendation stands. */
    record Accept(long quantity) implements PlannerAction {}

    /**
     * A changed quantity with a reason.
     *
     * @param quantity   the planner's final quantity, {@code >= 0}, different from the system's
     * @param reasonCode one of the planner's reason codes
     * @param comment    always {@link PlannerAction#COMMENT}
     * @param informed   simulation truth, for tests and diagnostics: whether the planner acted on real
     *                   information; never shown as if a planner had said it
     */
    record Override(long quantity, String reasonCode, String comment, boolean informed) implements PlannerAction {
        public Override {
            if (quantity < 0) throw new IllegalArgumentException("override: quantity was " + quantity + "; expected >= 0");
        }
    }
}
