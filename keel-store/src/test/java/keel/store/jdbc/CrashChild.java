package keel.store.jdbc;

import java.time.LocalDate;
import java.util.Optional;
import keel.core.review.Review;
import keel.core.review.ReviewAction;

/**
 * The process {@link CrashCases} kills: runs cycles, or a burst of reviews, on the store it is
 * given, printing a line after each commit, until it is killed or done.
 *
 * <p>Arguments: JDBC URL, user, password, {@code cycles} or {@code reviews}, the round (each round
 * works on its own cycles, so that one store serves every round).
 */
final class CrashChild {
    static final int CYCLES = 3;
    static final int ITEMS = 100;
    static final int REVIEWS = 30;

    private CrashChild() {
    }

    public static void main(String[] args) {
        try (KeelStore store = KeelStore.openMigrated(new StoreConfig(args[0], args[1], args[2]))) {
            store.counts();
            System.out.println("ready");
            System.out.flush();
            int round = Integer.parseInt(args[4]);
            if (args[3].equals("cycles")) {
                runCycles(store, round);
            } else {
                runReviews(store, round);
            }
            System.out.println("done");
            System.out.flush();
        }
    }

    static String prefix(int round) {
        return "crash-r" + round + "-";
    }

    static String cycleId(int round, int c) {
        return prefix(round) + "cycle-" + c;
    }

    static String reviewedCycle(int round) {
        return prefix(round) + "reviews";
    }

    /** Cycle {@code c} of a round: the same every time, so that running it again finds it stored. */
    static boolean saveCycle(KeelStore store, int round, int c) {
        return store.saveCycle(SampleCycles.cycle(cycleId(round, c), LocalDate.of(2011, 6, 6).plusWeeks(c), ITEMS),
                SampleCycles.recommendations(cycleId(round, c), ITEMS), SampleCycles.T0.plusSeconds(86_400));
    }

    static void runCycles(KeelStore store, int round) {
        for (int c = 0; c < CYCLES; c++) {
            saveCycle(store, round, c);
            System.out.println("saved " + cycleId(round, c));
            System.out.flush();
        }
    }

    /** The cycle whose recommendations a round's burst reviews. */
    static void saveReviewedCycle(KeelStore store, int round) {
        store.saveCycle(SampleCycles.cycle(reviewedCycle(round), SampleCycles.AS_OF, REVIEWS),
                SampleCycles.awaitingReview(reviewedCycle(round), REVIEWS), SampleCycles.T0.plusSeconds(86_400));
    }

    /** The review item {@code i} gets in a round's burst. */
    static Review review(int round, int i) {
        return new Review(reviewedCycle(round) + "/" + String.format("item-%05d", i), ReviewAction.OVERRIDE,
                "crash-reviewer", 100 + i, Optional.of("promotion"), "burst", SampleCycles.T0.plusSeconds(60), false);
    }

    /** Reviews every item of the round not reviewed yet, each in its own transaction. */
    static void runReviews(KeelStore store, int round) {
        for (int i = 0; i < REVIEWS; i++) {
            Review r = review(round, i);
            StoredRecommendation current = store.recommendation(r.recommendationId()).orElseThrow();
            if (!current.status().open()) continue;
            store.review(r, current.version());
            System.out.println("reviewed " + r.recommendationId());
            System.out.flush();
        }
    }
}
