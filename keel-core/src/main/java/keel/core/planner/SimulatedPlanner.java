package keel.core.planner;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded planner model for demos and tests (DECISIONS §6); every override it makes is labelled
 * {@value PlannerAction#COMMENT}.
 *
 * <p>At each review it overrides with probability {@code overrideRate} (times {@code bigLossReaction} right
 * after a big loss). An override is informed with probability {@code informedShare}: the planner sees the shock
 * {@code s = actual − expected} as {@code s + signalNoise·|s|·Z}, scales an upward view by {@code 1 + κ}, and
 * moves the shown quantity by {@code λ} times that view (anchoring); the reason names the true driver with
 * probability {@code reasonAccuracy}. Otherwise it is uninformed: up with probability {@code upShare}, by a
 * lognormal share of {@code max(Q_sys, 1)}, with a reason drawn at random. A change that rounds to the system's
 * quantity is an accept. Not thread-safe: one instance per simulated person.
 */
public final class SimulatedPlanner {
    private final String name;
    private final PlannerParameters parameters;
    private final List<String> reasonCodes;
    private final SplittableRandom random;
    private boolean afterBigLoss;

    /**
     * @param name        the simulated owner's name
     * @param parameters  behaviour, e.g. {@code PlannerParameters.defaults().perturbed(random, 0.15)}
     * @param reasonCodes the decision type's reason codes; at least one
     * @param seed        makes every choice reproducible
     */
    public SimulatedPlanner(String name, PlannerParameters parameters, List<String> reasonCodes, long seed) {
        if (name == null || name.isBlank() || parameters == null || reasonCodes.isEmpty()) {
            throw new IllegalArgumentException("simulated planner: name, parameters and at least one reason code are required");
        }
        this.name = name;
        this.parameters = parameters;
        this.reasonCodes = List.copyOf(reasonCodes);
        this.random = new SplittableRandom(seed);
    }

    public String name() { return name; }

    public PlannerParameters parameters() { return parameters; }

    /** Accepts or overrides one recommendation. */
    public PlannerAction review(PlannerView view) {
        double rate = Math.min(1, parameters.overrideRate() * (afterBigLoss ? parameters.bigLossReaction() : 1));
        afterBigLoss = false;
        long system = view.systemQuantity();
        if (random.nextDouble() >= rate) return new PlannerAction.Accept(system);
        boolean informed = random.nextDouble() < parameters.informedShare();
        double change = informed ? informedChange(view) : uninformedChange(system);
        long quantity = Math.max(0, Math.round(system + change));
        if (quantity == system) return new PlannerAction.Accept(system);
        String reason = informed ? reasonFor(view.trueDriver()) : anyReason();
        return new PlannerAction.Override(quantity, reason, PlannerAction.COMMENT, informed);
    }

    /**
     * Tells the planner how its last override turned out; a big loss makes its next override more or less
     * likely by {@code bigLossReaction}.
     */
    public void recordOutcome(boolean bigLoss) {
        afterBigLoss = bigLoss;
    }

    private double informedChange(PlannerView view) {
        double shock = view.actualDemand() - view.expectedDemand();
        double seen = shock + parameters.signalNoise() * Math.abs(shock) * random.nextGaussian();
        if (seen > 0) seen *= 1 + parameters.upOvershoot();
        return parameters.anchor() * seen;
    }

    private double uninformedChange(long system) {
        double size = parameters.uninformedMedianSize()
                * Math.exp(parameters.uninformedLogSd() * random.nextGaussian()) * Math.max(system, 1);
        return random.nextDouble() < parameters.upShare() ? size : -size;
    }

    private String reasonFor(String trueDriver) {
        if (random.nextDouble() < parameters.reasonAccuracy() || reasonCodes.size() == 1) return trueDriver;
        List<String> others = reasonCodes.stream().filter(r -> !r.equals(trueDriver)).toList();
        return others.isEmpty() ? trueDriver : others.get(random.nextInt(others.size()));
    }

    private String anyReason() {
        return reasonCodes.get(random.nextInt(reasonCodes.size()));
    }
}
