package keel.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import keel.core.cycle.Recommendation;
import keel.core.decision.DecisionType;
import keel.core.review.Review;
import keel.core.review.ReviewAction;
import keel.core.review.Status;
import keel.store.jdbc.CycleRecord;
import keel.store.jdbc.Json;
import keel.store.jdbc.KeelStore;
import keel.store.jdbc.ReportQueries;
import keel.store.jdbc.StoredRecommendation;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cycle whose touchless recommendations stay in files (as a cycle run on Spark) is, in the health
 * report and the queue, the same as the cycle stored whole: here the test home's cycle, stored again
 * under another id with only its queued recommendations.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FileCycleHealthTest {
    @TempDir
    Path dir;

    @Test
    void a_cycle_with_only_its_queued_exceptions_stored_has_the_health_figures_of_the_whole_cycle() throws Exception {
        try (TestHome home = new TestHome(dir)) {
            KeelStore store = home.ws.store();
            String whole = TestHome.cycleId(TestHome.ONLINE);
            String files = "files-" + TestHome.ONLINE;
            List<KeelStore.FileRecommendation> queued = new ArrayList<>();
            for (StoredRecommendation r : store.recommendations(whole)) {
                if (r.status() == Status.TOUCHLESS) continue;
                String payload = Json.write(r.recommendation()).replace(whole, files);
                queued.add(new KeelStore.FileRecommendation(Json.read(payload, Recommendation.class), payload,
                        Status.AWAITING_REVIEW, r.recommendation().expectedCost()));
            }
            CycleRecord first = store.cycle(whole).orElseThrow();
            CycleRecord second = new CycleRecord(files, TestHome.ONLINE, TestHome.AS_OF.plusDays(7), List.of("batch-2"),
                    first.recommendations(), first.exceptions(), "{\"engine\":\"spark\"}", first.ranAt().plusSeconds(60));
            boolean loaded = store.loadCycle(second, queued, TestHome.AS_OF.plusDays(9).atStartOfDay().toInstant(ZoneOffset.UTC));
            boolean again = store.loadCycle(second, queued, TestHome.AS_OF.plusDays(9).atStartOfDay().toInstant(ZoneOffset.UTC));
            for (int i = 0; i < TestHome.ESCALATED; i++) {
                store.review(new Review(files + "/esc-" + String.format("%02d", i), ReviewAction.ESCALATE, "olivia", 12,
                        Optional.empty(), "second look", second.ranAt().plusSeconds(60), false), 0);
            }

            DecisionType t = home.ws.decisionType(TestHome.ONLINE);
            List<Map<String, Object>> health = new Reports(home.ws, new ReportQueries(store)).health(t);

            assertThat(loaded).isTrue();
            assertThat(again).isFalse();
            assertThat(store.recommendations(files)).hasSize(first.recommendations() - 1);
            assertThat(health).hasSize(2);
            for (String key : List.of("recommendations", "touchlessRate", "overrideRate", "statuses")) {
                assertThat(health.get(1).get(key)).as(key).isEqualTo(health.get(0).get(key));
            }
            assertThat(health.get(1).get("touchlessRate")).isEqualTo(1.0 / first.recommendations());
            assertThat(store.queue(TestHome.ONLINE, List.of(Status.AWAITING_REVIEW))).hasSize(2 * TestHome.AWAITING);
        }
    }
}
