package keel.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import keel.store.jdbc.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Errors are JSON naming the field, the value found and what was expected. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiErrorsTest {
    @TempDir
    static Path dir;
    private TestHome home;
    private Client olivia;

    @BeforeAll
    void start() throws Exception {
        home = new TestHome(dir);
        olivia = Client.withToken(home.base(), "olivia");
    }

    @AfterAll
    void stop() {
        home.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }

    @Test
    void an_override_with_an_unknown_reason_code_names_the_field_the_value_and_the_codes() throws Exception {
        HttpResponse<String> r = olivia.postJson("/api/v1/recommendations/" + TestHome.awaiting(TestHome.ONLINE, 0) + "/override",
                "{\"version\":0,\"quantity\":20,\"reasonCode\":\"gut-feeling\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("field").asText()).isEqualTo("reasonCode");
        assertThat(json(r).path("value").asText()).isEqualTo("gut-feeling");
        assertThat(json(r).path("expected").asText()).contains("promotion", "local-knowledge");
    }

    @Test
    void an_override_with_a_fractional_quantity_is_refused() throws Exception {
        HttpResponse<String> r = olivia.postJson("/api/v1/recommendations/" + TestHome.awaiting(TestHome.ONLINE, 0) + "/override",
                "{\"version\":0,\"quantity\":2.5,\"reasonCode\":\"promotion\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("field").asText()).isEqualTo("quantity");
        assertThat(json(r).path("expected").asText()).contains("whole number");
    }

    @Test
    void a_review_without_a_version_is_refused() throws Exception {
        HttpResponse<String> r = olivia.postJson("/api/v1/recommendations/" + TestHome.awaiting(TestHome.ONLINE, 0) + "/accept", "{}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("field").asText()).isEqualTo("version");
    }

    @Test
    void a_body_that_is_not_json_is_refused_with_what_was_expected() throws Exception {
        HttpResponse<String> r = olivia.postJson("/api/v1/recommendations/" + TestHome.awaiting(TestHome.ONLINE, 0) + "/accept", "version=0");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("field").asText()).isEqualTo("body");
        assertThat(json(r).path("expected").asText()).startsWith("JSON");
    }

    @Test
    void an_unknown_decision_type_is_404_listing_the_known_ones() throws Exception {
        HttpResponse<String> r = olivia.get("/api/v1/decision-types/replenish-moon");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).path("value").asText()).isEqualTo("replenish-moon");
        assertThat(json(r).path("expected").asText()).contains("replenish-online");
    }

    @Test
    void a_bad_queue_limit_names_the_field() throws Exception {
        HttpResponse<String> r = olivia.get("/api/v1/queue?limit=lots");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("field").asText()).isEqualTo("limit");
        assertThat(json(r).path("value").asText()).isEqualTo("lots");
    }

    @Test
    void a_review_through_the_api_is_in_the_ledger_and_the_chain_still_verifies() throws Exception {
        String id = TestHome.awaiting(TestHome.ONLINE, 7);
        olivia.postJson("/api/v1/recommendations/" + id + "/override", "{\"version\":0,\"quantity\":20,\"reasonCode\":\"promotion\"}");

        JsonNode ledger = json(Client.withToken(home.base(), "audrey").get("/api/v1/ledger?subject=" + id));

        assertThat(ledger.path("verification").path("brokenAt").isNull() || ledger.path("verification").path("brokenAt").isMissingNode())
                .as(ledger.path("verification").toString()).isTrue();
        assertThat(ledger.path("entries").get(0).path("type").asText()).isEqualTo("REVIEW");
        assertThat(ledger.path("entries").get(0).path("payload").asText()).contains("\"reasonCode\":\"promotion\"");
    }

    @Test
    void the_queue_is_sorted_by_value_at_stake_and_filtered_by_reason() throws Exception {
        JsonNode rows = json(olivia.get("/api/v1/queue?reason=value%20at%20stake&limit=5"));

        assertThat(rows.size()).isEqualTo(5);
        assertThat(rows.get(0).path("valueAtStake").asDouble()).isGreaterThanOrEqualTo(rows.get(4).path("valueAtStake").asDouble());
        assertThat(json(olivia.get("/api/v1/queue?reason=no-such-reason")).size()).isZero();
    }
}
