package keel.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import keel.app.workspace.Workspace;
import keel.core.review.Review;
import keel.core.review.ReviewAction;
import keel.core.review.Status;
import keel.store.jdbc.CycleRecord;
import keel.store.jdbc.Json;
import keel.store.jdbc.KeelStore;
import keel.store.jdbc.StoredRecommendation;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server keeps the queue between requests; every write must show in the next read, whoever
 * writes: a review through the API, a write straight to the store (as another process would), a new
 * cycle, the deadline sweep. Each read is compared with the queue worked out from the store afresh.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class QueueFreshnessTest {
    private static final String QUEUE = "/api/v1/queue?decisionType=" + TestHome.ONLINE + "&limit=5000";
    @TempDir
    Path dir;

    @Test
    void a_review_through_the_api_leaves_the_owners_queue_and_an_escalation_reaches_the_accountable_person() throws Exception {
        try (TestHome home = new TestHome(dir, 8, 2)) {
            Client olivia = Client.withToken(home.base(), "olivia");
            Client marcus = Client.withToken(home.base(), "marcus");
            assertThat(ids(olivia)).contains(TestHome.awaiting(TestHome.ONLINE, 0), TestHome.awaiting(TestHome.ONLINE, 1));
            assertThat(ids(marcus)).isEqualTo(expected(home, Status.ESCALATED));

            review(olivia, TestHome.awaiting(TestHome.ONLINE, 0), "accept");
            review(olivia, TestHome.awaiting(TestHome.ONLINE, 1), "escalate");

            assertThat(ids(olivia)).doesNotContain(TestHome.awaiting(TestHome.ONLINE, 0), TestHome.awaiting(TestHome.ONLINE, 1))
                    .isEqualTo(expected(home, Status.AWAITING_REVIEW));
            assertThat(ids(marcus)).contains(TestHome.awaiting(TestHome.ONLINE, 1)).isEqualTo(expected(home, Status.ESCALATED));
        }
    }

    @Test
    void a_review_and_a_cycle_written_straight_to_the_store_show_in_the_next_read() throws Exception {
        try (TestHome home = new TestHome(dir, 8, 2)) {
            Client olivia = Client.withToken(home.base(), "olivia");
            assertThat(ids(olivia)).contains(TestHome.awaiting(TestHome.ONLINE, 2));
            Instant at = TestHome.AS_OF.atTime(6, 0).toInstant(ZoneOffset.UTC);

            home.ws.store().review(new Review(TestHome.awaiting(TestHome.ONLINE, 2), ReviewAction.ACCEPT, "olivia", 12,
                    Optional.empty(), "from another process", at, false), 0);
            assertThat(ids(olivia)).doesNotContain(TestHome.awaiting(TestHome.ONLINE, 2))
                    .isEqualTo(expected(home, Status.AWAITING_REVIEW));

            String cycle = "cycle-later";
            var recommendation = TestHome.recommendation(cycle, TestHome.ONLINE, "later-item", 500);
            home.ws.store().saveCycle(new CycleRecord(cycle, TestHome.ONLINE, TestHome.AS_OF.plusDays(7), List.of("batch-2"), 1, 1,
                    "{}", at), List.of(new KeelStore.NewRecommendation(recommendation, Status.AWAITING_REVIEW, 500)),
                    at.plusSeconds(7 * 86_400));

            List<String> after = ids(olivia);
            assertThat(after).contains(cycle + "/later-item").isEqualTo(expected(home, Status.AWAITING_REVIEW));
        }
    }

    @Test
    void what_the_deadline_sweep_expires_leaves_the_queue() throws Exception {
        try (TestHome home = new TestHome(dir, 8, 2)) {
            Client olivia = Client.withToken(home.base(), "olivia");
            assertThat(ids(olivia)).hasSize(8);
            Instant deadline = TestHome.AS_OF.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(48 * 3600);

            new DeadlineSweeper(home.ws, java.time.Clock.systemUTC(), new PrintStream(PrintStream.nullOutputStream()))
                    .sweep(deadline.plusSeconds(60));

            assertThat(ids(olivia)).isEmpty();
        }
    }

    @Test
    void queue_rows_written_from_what_was_kept_read_as_if_written_afresh() throws Exception {
        try (TestHome home = new TestHome(dir, 8, 2)) {
            List<StoredRecommendation> rows = home.ws.store().queue(TestHome.ONLINE, List.of(Status.AWAITING_REVIEW));
            Views.QueueRows written = new Views.QueueRows();
            String afresh = Json.write(rows.stream().map(Views::queueRow).toList());

            assertThat(written.json(rows)).isEqualTo(afresh);
            assertThat(written.json(rows)).as("the second time, from the kept rows").isEqualTo(afresh);
            assertThat(written.json(List.of())).isEqualTo("[]");
        }
    }

    private static void review(Client c, String id, String action) {
        HttpResponse<String> r = c.postJson("/api/v1/recommendations/" + id + "/" + action, "{\"version\":0}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static List<String> ids(Client c) throws Exception {
        HttpResponse<String> r = c.get(QUEUE);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode row : Json.mapper().readTree(r.body())) ids.add(row.path("id").asText());
        return ids;
    }

    /** The queue of the online decision type in one status, read from the store now: most value at stake first, then id. */
    private static List<String> expected(TestHome home, Status status) {
        return home.ws.store().queue(TestHome.ONLINE, List.of(status)).stream()
                .sorted(Comparator.comparingDouble((StoredRecommendation r) -> -Workspace.valueAtStake(r.recommendation()))
                        .thenComparing(r -> r.recommendation().id()))
                .map(r -> r.recommendation().id()).toList();
    }
}
