package keel.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** people.yaml: passwords checked against BCrypt hashes, API tokens by their SHA-256, mistakes named at load. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PeopleTest {
    @TempDir
    Path home;

    @Test
    void the_demo_people_log_in_with_their_demo_passwords_and_not_with_others() throws Exception {
        People people = People.load(DemoPeople.write(home));

        assertThat(people.logIn("olivia", "olivia-demo")).map(Account::role).contains(Role.OWNER);
        assertThat(people.logIn("olivia", "sam-demo")).isEmpty();
        assertThat(people.logIn("nobody", "olivia-demo")).isEmpty();
        assertThat(people.byToken(DemoPeople.ERP_TOKEN)).map(Account::id).contains("erp");
        assertThat(people.byToken("keel-demo-token-guess")).isEmpty();
    }

    @Test
    void the_file_keeps_hashes_not_passwords() throws Exception {
        String text = Files.readString(DemoPeople.write(home));

        assertThat(text).doesNotContain("olivia-demo", DemoPeople.ERP_TOKEN).contains("$2a$10$");
    }

    @Test
    void an_unknown_role_is_named_with_the_file_the_entry_and_the_roles() throws Exception {
        Path file = Files.writeString(home.resolve("people.yaml"), "people:\n  - {id: kim, role: boss}\n");

        assertThatThrownBy(() -> People.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("people.yaml: people[0].role").hasMessageContaining("\"boss\"")
                .hasMessageContaining("owner, accountable, analyst, admin, auditor");
    }

    @Test
    void a_person_listed_twice_is_refused() throws Exception {
        Path file = Files.writeString(home.resolve("people.yaml"),
                "people:\n  - {id: kim, role: analyst}\n  - {id: kim, role: admin}\n");

        assertThatThrownBy(() -> People.load(file)).hasMessageContaining("kim is listed twice");
    }

    @Test
    void a_home_without_people_yaml_lets_nobody_in() {
        People people = People.load(home.resolve("people.yaml"));

        assertThat(people.all()).isEmpty();
        assertThat(people.logIn("olivia", "olivia-demo")).isEmpty();
    }
}
