package keel.app.demo;

import java.util.List;
import java.util.SplittableRandom;
import keel.core.planner.PlannerAction;
import keel.core.planner.PlannerParameters;
import keel.core.planner.PlannerView;
import keel.core.planner.SimulatedPlanner;
import keel.store.jdbc.StoredRecommendation;

/**
 * The demo's reviewer: keel-core's seeded {@link SimulatedPlanner} (DECISIONS §6), plus a small share
 * of escalations to the accountable person. Every act it makes is labelled "simulated planner".
 */
final class PlannerReviewer implements Reviewer {
    /** Share of reviewed exceptions the simulated planner hands to the accountable person. */
    static final double ESCALATION_SHARE = 0.02;

    private final SimulatedPlanner planner;

    PlannerReviewer(String owner, PlannerParameters parameters, List<String> reasonCodes, long seed) {
        this.planner = new SimulatedPlanner(owner, parameters, reasonCodes, seed);
    }

    @Override
    public Act review(StoredRecommendation r, double trueDemand, List<String> reasonCodes, SplittableRandom random) {
        if (random.nextDouble() < ESCALATION_SHARE) {
            return new Act(Act.Kind.ESCALATE, r.finalQuantity(), "", "escalated to the accountable person for a second look");
        }
        double expected = r.recommendation().forecast().meanTotal();
        String driver = trueDemand >= expected ? reasonCodes.get(0)
                : reasonCodes.contains("local-knowledge") ? "local-knowledge" : reasonCodes.get(reasonCodes.size() - 1);
        PlannerAction act = planner.review(new PlannerView(Math.round(r.recommendation().quantity()), expected,
                trueDemand, driver));
        if (act instanceof PlannerAction.Override o) {
            return new Act(Act.Kind.OVERRIDE, o.quantity(), o.reasonCode(), "adjusted the quantity");
        }
        return new Act(Act.Kind.ACCEPT, r.finalQuantity(), "", "accepted");
    }
}
