package keel.core.decision;

/**
 * The naive policy a decision type is measured against, and that acts when the model cannot:
 * order up to {@code safetyFactor} × (mean demand of the last {@code window} periods × protection periods).
 */
public record BaselineSettings(int window, double safetyFactor, Fallback fallback) {

    /** What acts for an item when its forecast fails or its input is blocked. */
    public enum Fallback { NAIVE, HOLD }

    public BaselineSettings {
        if (window < 1) throw new IllegalArgumentException("baseline window " + window + "; expected >= 1");
        if (!(safetyFactor >= 0)) throw new IllegalArgumentException("safety factor " + safetyFactor + "; expected >= 0");
    }

    static BaselineSettings from(ConfigNode p) {
        int window = p.optionalInteger("naiveWindow", 4, 1, 520, "periods averaged by the naive policy, 1 or more");
        double safety = p.optionalNumber("naiveSafetyFactor", 1.2, 0, 10, "a multiplier of naive demand, e.g. 1.2");
        Fallback fallback = p.has("fallback")
                ? p.choice("fallback", Fallback.class, "naive (order by the naive policy) or hold (order nothing)")
                : Fallback.NAIVE;
        return new BaselineSettings(window, safety, fallback);
    }
}
