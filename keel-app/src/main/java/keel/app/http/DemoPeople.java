package keel.app.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's people, with demo-only passwords ({@code <id>-demo}) that {@code keel demo} prints:
 * the owners and accountable persons of the two demo decision types, an analyst, an admin, an
 * auditor, and an API token for a system.
 */
public final class DemoPeople {
    /** One demo log-in. */
    public record Login(String id, String name, Role role, String password) {
    }

    public static final List<Login> LOGINS = List.of(
            new Login("olivia", "Olivia Grant", Role.OWNER, "olivia-demo"),
            new Login("sam", "Sam Okafor", Role.OWNER, "sam-demo"),
            new Login("marcus", "Marcus Hale", Role.ACCOUNTABLE, "marcus-demo"),
            new Login("priya", "Priya Raman", Role.ACCOUNTABLE, "priya-demo"),
            new Login("alex", "Alex Moreau", Role.ANALYST, "alex-demo"),
            new Login("ada", "Ada Brooks", Role.ADMIN, "ada-demo"),
            new Login("audrey", "Audrey Lin", Role.AUDITOR, "audrey-demo"));

    /** The demo's API token, for the analyst system account {@code erp}. */
    public static final String ERP_TOKEN = "keel-demo-token-erp-0123456789abcdef";

    private DemoPeople() {
    }

    /** Writes {@code people.yaml} into {@code home}. */
    public static Path write(Path home) throws IOException {
        StringBuilder sb = new StringBuilder("# Who may use Keel's web pages and API. DEMO ONLY: the passwords are <id>-demo.\n"
                + "# Hashes are BCrypt (cost " + People.COST + "); tokenSha256 lists SHA-256 of API tokens.\n"
                + "people:\n");
        for (Login l : LOGINS) {
            sb.append("  - {id: ").append(l.id()).append(", name: ").append(l.name()).append(", role: ")
                    .append(l.role().label()).append(", passwordHash: '").append(People.hashPassword(l.password()))
                    .append("'}\n");
        }
        sb.append("  - {id: erp, name: ERP order export, role: analyst, tokenSha256: ['")
                .append(People.sha256(ERP_TOKEN)).append("']}\n");
        Path file = home.resolve("people.yaml");
        Files.writeString(file, sb.toString());
        return file;
    }
}
