package keel.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Log-in, the session cookie's attributes, and CSRF checks on forms. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionTest {
    @TempDir
    static Path dir;
    private TestHome home;

    @BeforeAll
    void start() throws Exception {
        home = new TestHome(dir);
    }

    @AfterAll
    void stop() {
        home.close();
    }

    @Test
    void logging_in_sets_an_http_only_same_site_strict_session_cookie() {
        Client c = new Client(home.base());

        HttpResponse<String> r = c.logIn("olivia", "olivia-demo");

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().allValues("Set-Cookie")).anySatisfy(s -> assertThat(s)
                .startsWith(Authentication.COOKIE + "=").contains("HttpOnly", "SameSite=Strict"));
        assertThat(c.get("/queue").body()).contains("Olivia Grant (owner)", "item-00");
    }

    @Test
    void a_wrong_password_is_refused_and_logged() {
        HttpResponse<String> r = new Client(home.base()).logIn("olivia", "guess");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(home.refusalLog()).contains("who=olivia what=log in why=unknown person or wrong password");
    }

    @Test
    void a_form_posted_without_the_session_csrf_token_is_refused() {
        Client c = new Client(home.base());
        c.logIn("olivia", "olivia-demo");
        String form = "/recommendations/" + TestHome.awaiting(TestHome.ONLINE, 1) + "/accept";

        HttpResponse<String> forged = c.postForm(form, Map.of("version", "0"));
        HttpResponse<String> wrong = c.postForm(form, Map.of("version", "0", "csrf", "not-the-token"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(home.refusalLog()).contains("CSRF token was missing", "CSRF token was wrong");
    }

    @Test
    void a_form_with_the_session_csrf_token_is_applied() {
        Client c = new Client(home.base());
        c.logIn("olivia", "olivia-demo");
        String page = "/recommendations/" + TestHome.awaiting(TestHome.ONLINE, 2);
        String csrf = Client.csrfOf(c.get(page).body());

        HttpResponse<String> r = c.postForm(page + "/override", Map.of("version", "0", "csrf", csrf, "quantity", "25",
                "reasonCode", "promotion", "comment", "store event"));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(c.get(page).body()).contains("overridden", "promotion", "store event");
    }

    @Test
    void an_api_call_on_a_session_needs_the_csrf_header() {
        Client c = new Client(home.base());
        c.logIn("olivia", "olivia-demo");

        HttpResponse<String> r = c.postJson("/api/v1/recommendations/" + TestHome.awaiting(TestHome.ONLINE, 3) + "/accept",
                "{\"version\":0}");

        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void an_api_call_on_a_session_with_the_csrf_header_from_me_is_applied() throws Exception {
        Client c = new Client(home.base());
        c.logIn("olivia", "olivia-demo");
        c.csrfHeader = keel.store.jdbc.Json.mapper().readTree(c.get("/api/v1/me").body()).path("csrfToken").asText();

        HttpResponse<String> r = c.postJson("/api/v1/recommendations/" + TestHome.awaiting(TestHome.ONLINE, 4) + "/accept",
                "{\"version\":0}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("ACCEPTED");
    }

    @Test
    void after_logging_out_the_session_no_longer_works() {
        Client c = new Client(home.base());
        c.logIn("alex", "alex-demo");
        String csrf = Client.csrfOf(c.get("/decision-types").body());

        c.postForm("/logout", Map.of("csrf", csrf));

        assertThat(c.get("/queue").statusCode()).isEqualTo(302);
    }
}
