package keel.core.planner;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The behaviour of a simulated planner (DECISIONS §6). Defaults and their basis:
 * <ul>
 *   <li>{@code overrideRate} 0.35: 34 % of statistical forecasts adjusted (Fildes &amp; Goodwin survey of 149
 *       forecasters, <i>Interfaces</i> 37(6) 2007);
 *   <li>{@code informedShare} 0.5 and {@code signalNoise} 0.5: share of overrides that carry real information
 *       (the planner sees the demand shock the model lacks) and the noise on that view as a fraction of the
 *       shock (assumptions, tuned to the pattern of Fildes, Goodwin, Lawrence &amp; Nikolopoulos, <i>IJF</i>
 *       25(1) 2009);
 *   <li>{@code anchor} 0.6: final = {@code Q_sys + λ·(planner target − Q_sys)}, under-adjustment from the shown
 *       number (Tversky &amp; Kahneman 1974; Lawrence et al., <i>IJF</i> 22(3) 2006);
 *   <li>{@code upShare} 0.65: share of uninformed overrides that go up (optimism; value assumed);
 *   <li>{@code uninformedMedianSize} 0.08, {@code uninformedLogSd} 0.6: relative size of uninformed
 *       overrides, lognormal (assumption: "small adjustments often hurt");
 *   <li>{@code upOvershoot} 0.2: informed upward adjustments scaled by {@code 1 + κ} (optimism bias; assumed);
 *   <li>{@code reasonAccuracy} 0.7: chance the reason code names the true driver (assumption);
 *   <li>{@code bigLossReaction} 1.0 (off): after a big loss the next override rate is multiplied by this
 *       (Petropoulos, Fildes &amp; Goodwin, <i>EJOR</i> 2016; direction and size to verify).
 * </ul>
 */
public record PlannerParameters(double overrideRate, double informedShare, double signalNoise, double anchor,
        double upShare, double uninformedMedianSize, double uninformedLogSd, double upOvershoot,
        double reasonAccuracy, double bigLossReaction) {

    public PlannerParameters {
        probability("overrideRate", overrideRate);
        probability("informedShare", informedShare);
        nonNegative("signalNoise", signalNoise);
        probability("anchor", anchor);
        probability("upShare", upShare);
        nonNegative("uninformedMedianSize", uninformedMedianSize);
        nonNegative("uninformedLogSd", uninformedLogSd);
        nonNegative("upOvershoot", upOvershoot);
        probability("reasonAccuracy", reasonAccuracy);
        nonNegative("bigLossReaction", bigLossReaction);
    }

    /** The defaults of DECISIONS §6. */
    public static PlannerParameters defaults() {
        return new PlannerParameters(0.35, 0.5, 0.5, 0.6, 0.65, 0.08, 0.6, 0.2, 0.7, 1.0);
    }

    public PlannerParameters withOverrideRate(double value) {
        return new PlannerParameters(value, informedShare, signalNoise, anchor, upShare, uninformedMedianSize,
                uninformedLogSd, upOvershoot, reasonAccuracy, bigLossReaction);
    }

    public PlannerParameters withInformedShare(double value) {
        return new PlannerParameters(overrideRate, value, signalNoise, anchor, upShare, uninformedMedianSize,
                uninformedLogSd, upOvershoot, reasonAccuracy, bigLossReaction);
    }

    public PlannerParameters withBigLossReaction(double value) {
        return new PlannerParameters(overrideRate, informedShare, signalNoise, anchor, upShare,
                uninformedMedianSize, uninformedLogSd, upOvershoot, reasonAccuracy, value);
    }

    /**
     * One planner's own parameters drawn around these: each value times a lognormal factor with log-sd
     * {@code spread} (e.g. 0.15), probabilities kept in [0, 1]. {@code bigLossReaction} is kept as set.
     */
    public PlannerParameters perturbed(SplittableRandom random, double spread) {
        return new PlannerParameters(p(overrideRate, random, spread), p(informedShare, random, spread),
                f(signalNoise, random, spread), p(anchor, random, spread), p(upShare, random, spread),
                f(uninformedMedianSize, random, spread), f(uninformedLogSd, random, spread),
                f(upOvershoot, random, spread), p(reasonAccuracy, random, spread), bigLossReaction);
    }

    private static double f(double value, SplittableRandom random, double spread) {
        return value * Math.exp(spread * random.nextGaussian());
    }

    private static double p(double value, SplittableRandom random, double spread) {
        return Math.min(1, f(value, random, spread));
    }

    private static void probability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "planner.%s was %s; expected a probability in [0, 1]", name, value));
        }
    }

    private static void nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "planner.%s was %s; expected a finite number >= 0", name, value));
        }
    }
}
