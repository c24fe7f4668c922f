package keel.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import keel.store.jdbc.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Invariant 6: two people acting on the same recommendation at once: one wins, the other gets 409 and the current state. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentReviewTest {
    @TempDir
    static Path dir;
    private TestHome home;
    private int next;

    @BeforeAll
    void start() throws Exception {
        home = new TestHome(dir);
    }

    @AfterAll
    void stop() {
        home.close();
    }

    @RepeatedTest(5)
    void two_reviewers_at_once_one_wins_and_the_other_gets_a_conflict_with_the_current_state() throws Exception {
        String id = TestHome.awaiting(TestHome.ONLINE, next++);
        String path = "/api/v1/recommendations/" + id;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);

        CompletableFuture<HttpResponse<String>> accept = CompletableFuture.supplyAsync(() -> {
            await(go);
            return Client.withToken(home.base(), "olivia").postJson(path + "/accept", "{\"version\":0}");
        }, pool);
        CompletableFuture<HttpResponse<String>> override = CompletableFuture.supplyAsync(() -> {
            await(go);
            return Client.withToken(home.base(), "olivia").postJson(path + "/override",
                    "{\"version\":0,\"quantity\":30,\"reasonCode\":\"promotion\"}");
        }, pool);
        go.countDown();
        List<HttpResponse<String>> both = List.of(accept.get(), override.get());
        pool.shutdown();

        assertThat(both).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
        HttpResponse<String> lost = both.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        var body = Json.mapper().readTree(lost.body());
        assertThat(body.path("field").asText()).isEqualTo("version");
        assertThat(body.path("current").path("version").asInt()).isEqualTo(1);
        assertThat(body.path("current").path("status").asText()).isIn("ACCEPTED", "OVERRIDDEN");
    }

    @Test
    void a_review_of_a_version_already_superseded_gets_409_naming_the_current_version() throws Exception {
        String path = "/api/v1/recommendations/" + TestHome.awaiting(TestHome.ONLINE, 20);
        Client olivia = Client.withToken(home.base(), "olivia");
        olivia.postJson(path + "/escalate", "{\"version\":0}");

        HttpResponse<String> stale = olivia.postJson(path + "/accept", "{\"version\":0}");

        assertThat(stale.statusCode()).isEqualTo(403);
        HttpResponse<String> marcusStale = Client.withToken(home.base(), "marcus").postJson(path + "/accept", "{\"version\":0}");
        assertThat(marcusStale.statusCode()).isEqualTo(409);
        assertThat(Json.mapper().readTree(marcusStale.body()).path("current").path("status").asText()).isEqualTo("ESCALATED");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
