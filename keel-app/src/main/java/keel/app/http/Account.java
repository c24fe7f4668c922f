package keel.app.http;

import java.util.List;
import java.util.Optional;

/**
 * Someone (or some system) who may use the web pages or the API.
 *
 * @param passwordHash a BCrypt hash; empty for systems that only use API tokens
 * @param tokenHashes SHA-256 (hex) of each API token; tokens are long random strings, so a fast hash suffices
 */
public record Account(String id, String name, Role role, Optional<String> passwordHash, List<String> tokenHashes) {
    public Account {
        if (id == null || !id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("person id was \"" + id + "\"; expected lower-case letters, digits, . _ -");
        }
        tokenHashes = List.copyOf(tokenHashes);
    }
}
