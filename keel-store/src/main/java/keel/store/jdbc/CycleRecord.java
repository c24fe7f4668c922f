package keel.store.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One run of one decision type at one as-of date. Its id is derived from the decision type's
 * version, the as-of date and the input batches, so running the same cycle again finds this record.
 *
 * @param summary the cycle's figures as JSON (timings, counts)
 */
public record CycleRecord(String id, String decisionType, LocalDate asOf, List<String> batches,
        int recommendations, int exceptions, String summary, Instant ranAt) {
    public CycleRecord {
        batches = List.copyOf(batches);
    }
}
