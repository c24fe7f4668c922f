package keel.core.decision;

import java.util.Map;

/** Decision types for tests in other packages. */
public final class TestDecisionTypes {
    private TestDecisionTypes() {
    }

    /** A valid pilot replenishment type: unit cost 4.2, holding 25 %/year, stockout 3, lead time 1 week, pack 6. */
    public static DecisionType weekly() {
        return DecisionType.from("test.yaml", DecisionTypeTest.valid(), "v1");
    }

    /** The same with one tradeoff setting changed. */
    public static DecisionType weeklyWith(String key, Object value) {
        Map<String, Object> m = DecisionTypeTest.valid();
        DecisionTypeTest.child(m, "policy", "tradeoff").put(key, value);
        return DecisionType.from("test.yaml", m, "v1");
    }
}
