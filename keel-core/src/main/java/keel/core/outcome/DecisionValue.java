package keel.core.outcome;

/**
 * The Decision Value Added of one reviewed decision (DECISIONS §5): {@code cost(system action) −
 * cost(final action)} by {@link TargetReplay}; positive means the override paid.
 *
 * @param decisionId      the recommendation's id, for drill-down
 * @param owner           who acted (the reviewer)
 * @param reasonCode      the override's reason code; {@code ""} when accepted
 * @param systemQuantity  {@code Q_sys}, units
 * @param finalQuantity   {@code Q_final}, units
 * @param value           DVA, money
 */
public record DecisionValue(String decisionId, String owner, String reasonCode, double systemQuantity,
        double finalQuantity, double value) {

    public DecisionValue {
        if (decisionId == null || owner == null || reasonCode == null) {
            throw new IllegalArgumentException("decision value: decisionId, owner and reasonCode are required");
        }
        if (!(systemQuantity >= 0) || !(finalQuantity >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("decision value " + decisionId + ": system " + systemQuantity
                    + ", final " + finalQuantity + ", value " + value
                    + "; expected quantities >= 0 and a finite value");
        }
    }

    /** Whether the final quantity differs from the system's. */
    public boolean isOverride() {
        return finalQuantity != systemQuantity;
    }

    /** {@code |Q_final − Q_sys| / max(Q_sys, 1)}. */
    public double relativeSize() {
        return Math.abs(finalQuantity - systemQuantity) / Math.max(systemQuantity, 1);
    }

    /** Fixed size band of DECISIONS §5: {@code "under 10%"}, {@code "10-25%"}, {@code "25-50%"}, {@code "over 50%"}. */
    public String sizeBand() {
        double s = relativeSize();
        if (s < 0.10) return "under 10%";
        if (s < 0.25) return "10-25%";
        if (s <= 0.50) return "25-50%";
        return "over 50%";
    }

    /** {@code "up"}, {@code "down"} or {@code "none"}. */
    public String direction() {
        return finalQuantity > systemQuantity ? "up" : finalQuantity < systemQuantity ? "down" : "none";
    }
}
