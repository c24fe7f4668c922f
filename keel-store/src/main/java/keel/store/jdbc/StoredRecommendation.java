package keel.store.jdbc;

import java.time.Instant;
import keel.core.cycle.Recommendation;
import keel.core.review.Status;

/**
 * A recommendation as stored, with where it stands in review.
 *
 * @param finalQuantity the quantity that stands now (the recommendation's until someone overrides it)
 * @param version incremented by every review; a review names the version it saw
 */
public record StoredRecommendation(Recommendation recommendation, Status status, double finalQuantity,
        int version, Instant deadline) {
}
