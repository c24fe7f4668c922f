package keel.app.cli;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import keel.app.workspace.Workspace;
import keel.core.decision.DecisionType;
import keel.core.review.Review;
import keel.core.review.ReviewAction;
import keel.core.review.Status;
import keel.store.jdbc.ReviewConflictException;
import keel.store.jdbc.StoredRecommendation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keel review list|show|accept|override|escalate}. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "The owner's queue: recommendations that need a person, most value at stake first. The "
                + "recommendation is the default; an override is an explicit act with a reason code.",
        subcommands = {ReviewCommand.ListQueue.class, ReviewCommand.Show.class, ReviewCommand.Accept.class,
            ReviewCommand.OverrideQuantity.class, ReviewCommand.Escalate.class})
final class ReviewCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists recommendations awaiting review.")
    static final class ListQueue implements Callable<Integer> {
        @Mixin HomeOption home;

        @Option(names = "--decision-type", description = "only this decision type")
        String decisionType;

        @Option(names = "--status", defaultValue = "AWAITING_REVIEW,ESCALATED", split = ",",
                description = "statuses to list: default ${DEFAULT-VALUE}")
        List<Status> statuses;

        @Option(names = "--limit", defaultValue = "50")
        int limit;

        @Override
        public Integer call() {
            try (Workspace ws = home.open()) {
                for (DecisionType t : ws.decisionTypes()) {
                    if (decisionType != null && !t.name().equals(decisionType)) continue;
                    List<StoredRecommendation> queue = ws.store().queue(t.name(), statuses);
                    System.out.printf(Locale.ROOT, "%s (owner %s): %d in queue%n", t.name(),
                            t.owner().map(p -> p.id()).orElse("-"), queue.size());
                    for (StoredRecommendation r : queue.stream().limit(limit).toList()) {
                        var rec = r.recommendation();
                        System.out.printf(Locale.ROOT, "  %s  %-10s order %6.0f (naive %6.0f)  v%d  %s%n", rec.id(),
                                r.status(), rec.quantity(), rec.naiveQuantity(), r.version(), String.join("; ", rec.reviewReasons()));
                    }
                }
                return 0;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one recommendation in full.")
    static final class Show implements Callable<Integer> {
        @Mixin HomeOption home;

        @Parameters(index = "0", description = "recommendation id (cycle/item)")
        String id;

        @Override
        public Integer call() {
            try (Workspace ws = home.open()) {
                StoredRecommendation r = find(ws, id);
                var rec = r.recommendation();
                System.out.printf(Locale.ROOT, "%s: %s, final %.0f, version %d, review deadline %s%n", rec.id(), r.status(),
                        r.finalQuantity(), r.version(), r.deadline());
                System.out.println("  " + rec.rationale());
                System.out.printf(Locale.ROOT, "  expected cost %.2f %s; stockout probability %.1f%%; expected leftover %.1f, "
                        + "shortage %.1f units%n", rec.expectedCost(), rec.costs().currency(), 100 * rec.stockoutProbability(),
                        rec.expectedLeftover(), rec.expectedShortage());
                for (var a : rec.alternatives()) {
                    System.out.printf(Locale.ROOT, "  rejected: %-20s %6.0f units, expected cost %.2f%n", a.label(), a.quantity(),
                            a.expectedCost());
                }
                System.out.println("  forecast: " + rec.forecast().description());
                System.out.println("  lineage: batches " + rec.lineage().batches() + ", " + rec.lineage().forecaster() + ", "
                        + rec.lineage().policyVersion() + ", decision type version " + rec.lineage().decisionTypeVersion());
                if (!rec.reviewReasons().isEmpty()) System.out.println("  needs review: " + rec.reviewReasons());
                for (Review v : ws.store().reviews(rec.id())) {
                    System.out.printf(Locale.ROOT, "  %s %s by %s: %.0f %s %s%n", v.at(), v.action(), v.actor(),
                            v.finalQuantity(), v.reasonCode().orElse(""), v.comment());
                }
                return 0;
            }
        }
    }

    abstract static class Act implements Callable<Integer> {
        @Mixin HomeOption home;

        @Parameters(index = "0", description = "recommendation id (cycle/item)")
        String id;

        @Option(names = "--as", required = true, description = "who acts: the decision type's owner (or accountable)")
        String actor;

        @Option(names = "--comment", defaultValue = "")
        String comment;

        abstract Review review(StoredRecommendation current, DecisionType type, Clock clock);

        @Override
        public Integer call() {
            try (Workspace ws = home.open()) {
                StoredRecommendation current = find(ws, id);
                DecisionType type = ws.decisionType(current.recommendation().decisionType());
                boolean owner = type.isOwnedBy(actor);
                boolean accountable = type.accountable().map(p -> p.id().equals(actor)).orElse(false);
                if (!owner && !(accountable && current.status() == Status.ESCALATED)) {
                    throw new IllegalArgumentException(actor + " may not review " + type.name() + ": its owner is "
                            + type.owner().map(p -> p.id()).orElse("nobody") + (current.status() == Status.ESCALATED
                                    ? " and its accountable person " + type.accountable().map(p -> p.id()).orElse("nobody") : ""));
                }
                try {
                    StoredRecommendation after = ws.store().review(review(current, type,
                            Clock.tick(Clock.systemUTC(), java.time.Duration.ofMillis(1))), current.version());
                    System.out.printf(Locale.ROOT, "%s is now %s at %.0f (version %d)%n", id, after.status(),
                            after.finalQuantity(), after.version());
                    return 0;
                } catch (ReviewConflictException e) {
                    System.err.println("conflict: " + e.getMessage());
                    return 4;
                }
            }
        }
    }

    @Command(name = "accept", mixinStandardHelpOptions = true, description = "Accepts the recommendation as it stands.")
    static final class Accept extends Act {
        Review review(StoredRecommendation c, DecisionType type, Clock clock) {
            return new Review(c.recommendation().id(), ReviewAction.ACCEPT, actor, c.finalQuantity(), Optional.empty(),
                    comment, clock.instant(), false);
        }
    }

    @Command(name = "override", mixinStandardHelpOptions = true,
            description = "Sets another quantity, with a reason code from the decision type's list.")
    static final class OverrideQuantity extends Act {
        @Option(names = "--quantity", required = true, description = "the quantity to order instead, units >= 0")
        double quantity;

        @Option(names = "--reason", required = true, description = "a reason code of the decision type")
        String reason;

        Review review(StoredRecommendation c, DecisionType type, Clock clock) {
            if (!type.review().knowsReasonCode(reason)) {
                throw new IllegalArgumentException("--reason was \"" + reason + "\"; expected one of "
                        + type.review().reasonCodes());
            }
            if (!(quantity >= 0) || quantity != Math.rint(quantity)) {
                throw new IllegalArgumentException("--quantity was " + quantity + "; expected a whole number of units >= 0");
            }
            return new Review(c.recommendation().id(), ReviewAction.OVERRIDE, actor, quantity, Optional.of(reason), comment,
                    clock.instant(), false);
        }
    }

    @Command(name = "escalate", mixinStandardHelpOptions = true, description = "Hands the recommendation to the accountable person.")
    static final class Escalate extends Act {
        Review review(StoredRecommendation c, DecisionType type, Clock clock) {
            return new Review(c.recommendation().id(), ReviewAction.ESCALATE, actor, c.finalQuantity(), Optional.empty(),
                    comment, clock.instant(), false);
        }
    }

    static StoredRecommendation find(Workspace ws, String id) {
        return ws.store().recommendation(id).orElseThrow(() -> new IllegalArgumentException("recommendation \"" + id
                + "\" does not exist; expected an id as `keel review list` prints it (cycle/item)"));
    }
}
