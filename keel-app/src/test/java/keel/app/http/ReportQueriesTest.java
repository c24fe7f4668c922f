package keel.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import keel.core.review.Review;
import keel.core.review.ReviewAction;
import keel.core.review.Status;
import keel.store.jdbc.ReportQueries;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web's read queries agree with the store's own, also after reviews change what they cached. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReportQueriesTest {
    @TempDir
    Path dir;

    @Test
    void the_cached_queue_equals_the_store_queue_before_and_after_a_review() throws Exception {
        try (TestHome home = new TestHome(dir)) {
            ReportQueries queries = new ReportQueries(home.ws.store());
            List<Status> open = List.of(Status.AWAITING_REVIEW, Status.ESCALATED);
            assertThat(queries.queue(TestHome.ONLINE, open)).isEqualTo(home.ws.store().queue(TestHome.ONLINE, open));

            String id = TestHome.awaiting(TestHome.ONLINE, 0);
            home.ws.store().review(new Review(id, ReviewAction.OVERRIDE, "olivia", 30, Optional.of("promotion"), "",
                    TestHome.AS_OF.atTime(6, 0).toInstant(java.time.ZoneOffset.UTC), false), 0);

            assertThat(queries.queue(TestHome.ONLINE, open)).isEqualTo(home.ws.store().queue(TestHome.ONLINE, open))
                    .noneMatch(r -> r.recommendation().id().equals(id));
            assertThat(queries.queue(TestHome.ONLINE, List.of(Status.OVERRIDDEN))).singleElement()
                    .satisfies(r -> assertThat(r.finalQuantity()).isEqualTo(30));
        }
    }

    @Test
    void the_item_history_and_the_track_record_follow_the_item() throws Exception {
        try (TestHome home = new TestHome(dir)) {
            ReportQueries queries = new ReportQueries(home.ws.store());
            String id = TestHome.awaiting(TestHome.PARTS, 3);
            home.ws.store().review(new Review(id, ReviewAction.OVERRIDE, "sam", 5, Optional.of("local-knowledge"), "shop closed",
                    TestHome.AS_OF.atTime(6, 0).toInstant(java.time.ZoneOffset.UTC), false), 0);

            assertThat(queries.itemHistory(TestHome.PARTS, "item-03")).hasSize(1);
            assertThat(queries.overridesOf(TestHome.PARTS, "item-03", 10)).singleElement()
                    .satisfies(o -> assertThat(o.review().comment()).isEqualTo("shop closed"))
                    .satisfies(o -> assertThat(o.valueAdded()).isEmpty());
            assertThat(queries.overridesOf(TestHome.ONLINE, "item-03", 10)).isEmpty();
        }
    }
}
