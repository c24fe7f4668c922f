package keel.core.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import keel.core.outcome.DecisionValue;
import keel.core.outcome.InventorySimulation;
import keel.core.outcome.InventoryState;
import keel.core.outcome.RecordedReview;
import keel.core.outcome.TargetReplay;
import keel.core.policy.DemandDistribution;
import keel.core.policy.OrderUpToPolicy;
import keel.core.policy.Tradeoff;
import keel.core.policy.UnmetDemand;

/**
 * A small seeded world for the planner tests: items with steady demand the system knows, plus promotions
 * (demand × 2.5 in a period, 8 % of periods) it does not. Weekly review, one week lead time, lost sales,
 * shortage 9 vs holding 1. Four simulated planners, each with parameters drawn around the base. Every
 * override is scored by target-level replay against the system's quantity.
 */
final class PlannerScenario {
    static final List<String> REASONS = List.of("promotion", "local event", "weather", "gut feel");
    private static final int ITEMS = 300;
    private static final int PERIODS = 40;

    private final Tradeoff tradeoff = Tradeoff.of(1, 9).withReviewPeriod(1).withLeadTime(1)
            .withUnmetDemand(UnmetDemand.LOST_SALES);

    List<DecisionValue> run(PlannerParameters base, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SimulatedPlanner> planners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            planners.add(new SimulatedPlanner("planner-" + i, base.perturbed(random, 0.15), REASONS, random.nextLong()));
        }
        List<DecisionValue> values = new ArrayList<>();
        for (int item = 0; item < ITEMS; item++) {
            values.addAll(item(item, planners.get(item % planners.size()), random.split()));
        }
        return values;
    }

    private List<DecisionValue> item(int item, SimulatedPlanner planner, SplittableRandom random) {
        double mean = 5 + 35 * random.nextDouble();
        double[] demand = new double[PERIODS];
        boolean[] promotion = new boolean[PERIODS];
        for (int t = 0; t < PERIODS; t++) {
            promotion[t] = random.nextDouble() < 0.08;
            double m = promotion[t] ? 2.5 * mean : mean;
            demand[t] = Math.max(0, Math.round(m + Math.sqrt(m) * random.nextGaussian()));
        }
        int protection = tradeoff.protectionInterval();
        DemandDistribution forecast = DemandDistribution.poisson(mean * protection);
        OrderUpToPolicy policy = new OrderUpToPolicy(tradeoff);
        InventoryState start = new InventoryState(Math.round(mean), 0, new double[] {Math.round(mean)});
        List<RecordedReview> reviews = new ArrayList<>();
        long[] system = new long[PERIODS];
        PlannerAction[] actions = new PlannerAction[PERIODS];
        new InventorySimulation(tradeoff).run(start, demand, (review, t, ip) -> {
            system[t] = policy.decide(forecast, ip).quantity();
            double actual = 0;
            boolean promoted = false;
            for (int j = t; j < Math.min(PERIODS, t + protection); j++) {
                actual += demand[j];
                promoted |= promotion[j];
            }
            actions[t] = planner.review(new PlannerView(system[t], forecast.mean(), actual,
                    promoted ? "promotion" : "local event"));
            reviews.add(new RecordedReview(t, ip, actions[t].quantity()));
            return actions[t].quantity();
        });
        TargetReplay replay = new TargetReplay(tradeoff, start, demand, reviews);
        List<DecisionValue> values = new ArrayList<>();
        for (int t = 0; t < PERIODS; t++) {
            if (actions[t] instanceof PlannerAction.Override o) {
                double dva = replay.replay(t, system[t]).valueOfActual();
                values.add(new DecisionValue(item + "/" + t, planner.name(), o.reasonCode(), system[t], o.quantity(), dva));
            }
        }
        return values;
    }
}
