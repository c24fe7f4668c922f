package keel.app.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import keel.store.config.YamlFiles;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The people of a Keel home ({@code people.yaml}): who they are, their role, their password hash
 * (BCrypt, from Spring Security's crypto library) and the SHA-256 of their API tokens.
 */
public final class People {
    /** BCrypt cost: 2^10 rounds, about 50 ms per check on one core. */
    static final int COST = 10;
    private final Map<String, Account> byId;
    private final Map<String, Account> byToken = new LinkedHashMap<>();
    /** Compared against when the id is unknown, so that a wrong id costs as long as a wrong password. */
    private static final String DUMMY_HASH = BCrypt.hashpw("keel", BCrypt.gensalt(COST));

    public People(List<Account> accounts) {
        Map<String, Account> m = new LinkedHashMap<>();
        for (Account a : accounts) {
            if (m.put(a.id(), a) != null) {
                throw new IllegalArgumentException("people.yaml: person " + a.id() + " is listed twice; expected each id once");
            }
            for (String t : a.tokenHashes()) byToken.put(t, a);
        }
        this.byId = Map.copyOf(m);
    }

    /** Reads {@code people.yaml} of a home; a missing file means nobody may log in. */
    public static People load(Path file) {
        if (!Files.exists(file)) return new People(List.of());
        Object tree = YamlFiles.parse(file.toString(), YamlFiles.read(file));
        if (!(tree instanceof Map<?, ?> root) || !(root.get("people") instanceof List<?> list)) {
            throw new IllegalArgumentException(file + ": people is missing; expected a list of {id, name, role, passwordHash}");
        }
        List<Account> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = file + ": people[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> p)) throw new IllegalArgumentException(where + ": expected a mapping");
            String id = text(p, "id", where);
            List<String> tokens = new ArrayList<>();
            if (p.get("tokenSha256") instanceof List<?> ts) ts.forEach(t -> tokens.add(String.valueOf(t)));
            out.add(new Account(id, Optional.ofNullable(p.get("name")).map(String::valueOf).orElse(id),
                    Role.parse(where + ".role", text(p, "role", where)),
                    Optional.ofNullable(p.get("passwordHash")).map(String::valueOf), tokens));
        }
        return new People(out);
    }

    private static String text(Map<?, ?> p, String key, String where) {
        Object v = p.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IllegalArgumentException(where + "." + key + " is missing; expected a value");
        }
        return String.valueOf(v);
    }

    public Optional<Account> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Account> all() {
        return List.copyOf(byId.values());
    }

    /** The account whose password this is; empty for an unknown id or a wrong password. */
    public Optional<Account> logIn(String id, String password) {
        Account a = id == null ? null : byId.get(id);
        String hash = a == null ? null : a.passwordHash().orElse(null);
        boolean ok = BCrypt.checkpw(password == null ? "" : password, hash == null ? DUMMY_HASH : hash);
        return ok && hash != null ? Optional.of(a) : Optional.empty();
    }

    /** The account an API token belongs to. */
    public Optional<Account> byToken(String token) {
        return Optional.ofNullable(byToken.get(sha256(token)));
    }

    public static String hashPassword(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(COST));
    }

    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
