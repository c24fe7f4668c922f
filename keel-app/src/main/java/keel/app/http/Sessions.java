package keel.app.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Logged-in sessions, in memory: a random id (the cookie) to the account and its CSRF token. */
final class Sessions {
    static final Duration LIFETIME = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    /** One session; {@code csrf} must come back with every form and state-changing request. */
    record Session(String id, Account account, String csrf, Instant expires) {
    }

    Sessions(Clock clock) {
        this.clock = clock;
    }

    Session open(Account account) {
        Session s = new Session(randomToken(), account, randomToken(), clock.instant().plus(LIFETIME));
        sessions.put(s.id(), s);
        return s;
    }

    Optional<Session> find(String id) {
        if (id == null) return Optional.empty();
        Session s = sessions.get(id);
        if (s == null) return Optional.empty();
        if (clock.instant().isAfter(s.expires())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    void close(String id) {
        if (id != null) sessions.remove(id);
    }

    static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
