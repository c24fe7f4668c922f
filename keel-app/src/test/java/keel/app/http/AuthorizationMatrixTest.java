package keel.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every role (and nobody) against every endpoint of the API and the pages, on the real server:
 * the expected status is 200 (or a redirect after a page action), 401 or 403, and every refusal
 * is logged.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {
    private static final List<String> WHO = List.of("olivia", "sam", "marcus", "priya", "alex", "ada", "audrey", "anonymous");
    private static final String T = TestHome.ONLINE;
    private static final AtomicInteger NEXT_AWAITING = new AtomicInteger();
    private static final AtomicInteger NEXT_ESCALATED = new AtomicInteger();
    @TempDir
    static Path dir;
    private TestHome home;

    /** One endpoint: how to call it, and who may (everyone else gets 403, nobody 401). */
    record Endpoint(String name, java.util.function.Function<Client, HttpResponse<String>> call, List<String> allowed) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void start() throws Exception {
        home = new TestHome(dir);
    }

    @AfterAll
    void stop() {
        home.close();
    }

    static List<Endpoint> endpoints() {
        List<String> readers = List.of("olivia", "marcus", "alex", "ada");
        List<String> everyoneButAuditor = List.of("olivia", "sam", "marcus", "priya", "alex", "ada");
        List<String> all = WHO.subList(0, 7);
        String type = "/api/v1/decision-types/" + T;
        List<Endpoint> e = new ArrayList<>();
        e.add(get("/api/v1/me", all));
        e.add(get("/api/v1/decision-types", everyoneButAuditor));
        e.add(get(type, readers));
        e.add(get(type + "/cycles", readers));
        e.add(get(type + "/value", readers));
        e.add(get(type + "/health", readers));
        e.add(get("/api/v1/queue", everyoneButAuditor));
        e.add(get("/api/v1/queue?decisionType=" + T, readers));
        e.add(get("/api/v1/recommendations/" + TestHome.awaiting(T, 39), readers));
        e.add(get("/api/v1/ledger", List.of("ada", "audrey")));
        e.add(post("POST accept (awaiting review)", i -> "/api/v1/recommendations/" + TestHome.awaiting(T, i) + "/accept",
                "{\"version\":0}", false, List.of("olivia")));
        e.add(post("POST override (awaiting review)", i -> "/api/v1/recommendations/" + TestHome.awaiting(T, i) + "/override",
                "{\"version\":0,\"quantity\":20,\"reasonCode\":\"promotion\",\"comment\":\"matrix\"}", false, List.of("olivia")));
        e.add(post("POST escalate (awaiting review)", i -> "/api/v1/recommendations/" + TestHome.awaiting(T, i) + "/escalate",
                "{\"version\":0}", false, List.of("olivia")));
        e.add(post("POST accept (escalated)", i -> "/api/v1/recommendations/" + TestHome.escalated(T, i) + "/accept",
                "{\"version\":1}", true, List.of("marcus")));
        e.add(post("POST bulk-accept", i -> "/api/v1/bulk-accept", "{\"items\":[{\"id\":\"" + TestHome.awaiting(T, 38)
                + "\",\"version\":0}]}", false, List.of("olivia", "sam", "marcus", "priya")));
        e.add(get("/queue", everyoneButAuditor));
        e.add(get("/decision-types", everyoneButAuditor));
        e.add(get("/decision-types/" + T, readers));
        e.add(get("/decision-types/" + T + "/value", readers));
        e.add(get("/decision-types/" + T + "/health", readers));
        e.add(get("/recommendations/" + TestHome.awaiting(T, 39), readers));
        e.add(get("/ledger", List.of("ada", "audrey")));
        return e;
    }

    private static Endpoint get(String path, List<String> allowed) {
        return new Endpoint("GET " + path, c -> c.get(path), allowed);
    }

    private static Endpoint post(String name, IntFunction<String> path, String body, boolean escalated, List<String> allowed) {
        return new Endpoint(name, c -> {
            int i = (escalated ? NEXT_ESCALATED : NEXT_AWAITING).getAndIncrement();
            return c.postJson(path.apply(i), body);
        }, allowed);
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (String who : WHO) {
                int expected = who.equals("anonymous") ? (e.name().startsWith("GET /api") || e.name().startsWith("POST") ? 401 : 302)
                        : e.allowed().contains(who) ? 200 : 403;
                out.add(Arguments.of(who, e, expected));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1} gets {2}")
    @MethodSource("cases")
    void each_role_gets_what_its_role_allows_on_each_endpoint(String who, Endpoint endpoint, int expected) {
        Client client = Client.withToken(home.base(), who.equals("anonymous") ? null : who);

        HttpResponse<String> response = endpoint.call().apply(client);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (expected == 403) assertThat(home.refusalLog()).contains("who=" + who + " (");
    }

    @Test
    void bulk_accept_by_the_owner_answers_per_item() {
        Client olivia = Client.withToken(home.base(), "olivia");
        String mine = TestHome.awaiting(T, 35);
        String sams = TestHome.awaiting(TestHome.PARTS, 30);

        HttpResponse<String> r = olivia.postJson("/api/v1/bulk-accept",
                "{\"items\":[{\"id\":\"" + mine + "\",\"version\":0},{\"id\":\"" + sams + "\",\"version\":0}]}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":200", "\"status\":403", "ACCEPTED");
    }

    @Test
    void the_openapi_document_is_public() {
        HttpResponse<String> r = Client.withToken(home.base(), null).get("/api/v1/openapi.json");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"openapi\"", "/queue", "/recommendations/{cycle}/{item}/override");
        assertThat(Map.of("type", r.headers().firstValue("Content-Type").orElse(""))).containsValue("application/json");
    }
}
