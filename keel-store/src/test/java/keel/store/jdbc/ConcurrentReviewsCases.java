package keel.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import keel.core.review.Review;
import keel.core.review.ReviewAction;
import keel.core.review.Status;
import org.junit.jupiter.api.Test;

/**
 * Many reviewers act on the same recommendations at the same moment, each on its own connection:
 * one wins per recommendation, every other is told of the conflict, nothing deadlocks, no update is
 * lost and the ledger holds exactly the winning reviews.
 */
abstract class ConcurrentReviewsCases extends StoreCases {
    static final int RECOMMENDATIONS = 8;
    static final int REVIEWERS_EACH = 13;

    ConcurrentReviewsCases(StoreKind kind) {
        super(kind);
    }

    @Test
    void of_a_hundred_and_four_simultaneous_conflicting_reviews_exactly_one_per_recommendation_wins() throws Exception {
        store.saveCycle(SampleCycles.cycle("busy"), SampleCycles.awaitingReview("busy", RECOMMENDATIONS),
                SampleCycles.T0.plusSeconds(86_400));
        long ledgerBefore = store.ledger().size();
        ExecutorService pool = Executors.newFixedThreadPool(RECOMMENDATIONS * REVIEWERS_EACH);
        CountDownLatch start = new CountDownLatch(1);
        Map<String, Review> winners = new ConcurrentHashMap<>();
        List<ReviewConflictException> conflicts = new CopyOnWriteArrayList<>();
        List<Future<?>> futures = new ArrayList<>();

        for (int r = 0; r < RECOMMENDATIONS; r++) {
            for (int p = 0; p < REVIEWERS_EACH; p++) {
                Review review = new Review(String.format("busy/item-%05d", r), p % 2 == 0 ? ReviewAction.OVERRIDE
                        : ReviewAction.ACCEPT, "reviewer-" + p, 1000 + 10 * r + p, Optional.of("promotion"), "",
                        SampleCycles.T0.plusSeconds(60 + p), false);
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        store.review(review, 0);
                        assertThat(winners.putIfAbsent(review.recommendationId(), review)).as("a second winner").isNull();
                    } catch (ReviewConflictException e) {
                        conflicts.add(e);
                    }
                    return null;
                }));
            }
        }
        start.countDown();
        pool.shutdown();
        boolean finished = pool.awaitTermination(3, TimeUnit.MINUTES);

        assertThat(finished).as("no deadlock: every review returned within 3 minutes").isTrue();
        for (Future<?> f : futures) f.get();
        assertThat(winners).hasSize(RECOMMENDATIONS);
        assertThat(conflicts).hasSize(RECOMMENDATIONS * (REVIEWERS_EACH - 1))
                .allSatisfy(e -> assertThat(e.current().version()).isEqualTo(1));
        for (Review won : winners.values()) {
            StoredRecommendation now = store.recommendation(won.recommendationId()).orElseThrow();
            assertThat(now.finalQuantity()).isEqualTo(won.finalQuantity());
            assertThat(now.status()).isEqualTo(won.action() == ReviewAction.ACCEPT ? Status.ACCEPTED : Status.OVERRIDDEN);
            assertThat(now.version()).isEqualTo(1);
            assertThat(store.reviews(won.recommendationId())).singleElement().extracting(Review::actor)
                    .isEqualTo(won.actor());
        }
        assertThat(store.ledger().size()).isEqualTo(ledgerBefore + RECOMMENDATIONS);
        assertThat(store.ledger().verify().intact()).isTrue();
    }
}
