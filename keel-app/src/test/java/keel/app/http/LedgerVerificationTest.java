package keel.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import keel.store.jdbc.Json;
import keel.store.jdbc.StoreConfig;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger page verifies the whole chain at server start and on "verify all", and in between only
 * the entries written since: a tampered new entry shows at once, a tampered older one at the next full
 * verification (and in {@code keel verify}, which always verifies the whole chain).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LedgerVerificationTest {
    @TempDir
    Path dir;

    @Test
    void new_entries_are_verified_on_each_look_and_a_tampered_new_entry_is_named() throws Exception {
        try (TestHome home = new TestHome(dir, 4, 2)) {
            Client ada = Client.withToken(home.base(), "ada");
            JsonNode first = ledger(ada, "");
            assertThat(first.path("verification").path("brokenAt").isNull()).as(first.toString()).isTrue();
            assertThat(first.path("fullyVerifiedAt").isTextual()).isTrue();
            long before = first.path("verification").path("entriesChecked").asLong();

            accept(home, TestHome.awaiting(TestHome.ONLINE, 0));
            JsonNode after = ledger(ada, "");
            assertThat(after.path("verification").path("entriesChecked").asLong()).isEqualTo(before + 1);
            assertThat(after.path("verification").path("brokenAt").isNull()).isTrue();

            accept(home, TestHome.awaiting(TestHome.ONLINE, 1));
            tamper(home, before + 2);

            JsonNode broken = ledger(ada, "");
            assertThat(broken.path("verification").path("brokenAt").asLong()).as(broken.toString()).isEqualTo(before + 2);
            assertThat(broken.path("verification").path("message").asText()).contains("entry " + (before + 2), "changed");
        }
    }

    @Test
    void a_tampered_older_entry_is_found_by_verify_all_and_by_a_full_verification() throws Exception {
        try (TestHome home = new TestHome(dir, 4, 2)) {
            Client ada = Client.withToken(home.base(), "ada");
            assertThat(ledger(ada, "").path("verification").path("brokenAt").isNull()).isTrue();

            tamper(home, 2);

            // Entry 2 was verified at start; looks in between verify only what is new since.
            assertThat(ledger(ada, "").path("verification").path("brokenAt").isNull()).isTrue();
            JsonNode all = ledger(ada, "?verify=all");
            assertThat(all.path("verification").path("brokenAt").asLong()).as(all.toString()).isEqualTo(2);
            assertThat(all.path("fullyVerifiedAt").isNull()).isTrue();
            assertThat(home.ws.store().ledger().verify().brokenAt()).contains(2L);
            // Once a full verification found it broken, every look verifies the whole chain until it is intact again.
            assertThat(ledger(ada, "").path("verification").path("brokenAt").asLong()).isEqualTo(2);
            assertThat(ada.get("/ledger?verify=all").body()).contains("entry 2").contains("class=\"error\"");
        }
    }

    @Test
    void the_verified_head_entry_changed_since_is_named_without_a_full_verification() throws Exception {
        try (TestHome home = new TestHome(dir, 4, 2)) {
            Client ada = Client.withToken(home.base(), "ada");
            long head = ledger(ada, "").path("verification").path("entriesChecked").asLong();

            tamper(home, head);

            JsonNode v = ledger(ada, "").path("verification");
            assertThat(v.path("brokenAt").asLong()).as(v.toString()).isEqualTo(head);
        }
    }

    @Test
    void an_unknown_verify_value_is_refused_naming_it() throws Exception {
        try (TestHome home = new TestHome(dir, 4, 2)) {
            HttpResponse<String> r = Client.withToken(home.base(), "ada").get("/api/v1/ledger?verify=everything");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("verify", "everything", "all");
        }
    }

    private static JsonNode ledger(Client c, String query) throws Exception {
        HttpResponse<String> r = c.get("/api/v1/ledger?limit=1" + (query.isEmpty() ? "" : "&" + query.substring(1)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    private static void accept(TestHome home, String id) {
        HttpResponse<String> r = Client.withToken(home.base(), "olivia").postJson("/api/v1/recommendations/" + id + "/accept",
                "{\"version\":0}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** Edits entry {@code seq}'s subject behind Keel's back, as someone with database access could. */
    private static void tamper(TestHome home, long seq) throws Exception {
        StoreConfig config = home.ws.store().config();
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
                Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("update ledger set subject = subject || '-edited' where seq = " + seq)).isEqualTo(1);
        }
    }
}
