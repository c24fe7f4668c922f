package keel.app.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.RedirectResponse;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking: an API token ({@code Authorization: Bearer}) or a session cookie (HttpOnly,
 * SameSite=Strict). A state-changing request on a session must carry the session's CSRF token
 * (form field {@code csrf} or header {@code X-CSRF-Token}).
 */
final class Authentication {
    static final String COOKIE = "keel_session";
    static final String LOGIN_COOKIE = "keel_login";
    private static final Set<String> PUBLIC = Set.of("/login", "/api/v1/openapi.json", "/favicon.ico");
    private final People people;
    private final Sessions sessions;
    private final Access access;

    Authentication(People people, Sessions sessions, Access access) {
        this.people = people;
        this.sessions = sessions;
        this.access = access;
    }

    static Account account(Context ctx) {
        return ctx.attribute("account");
    }

    static Optional<Sessions.Session> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute("session"));
    }

    void authenticate(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin");
        if (PUBLIC.contains(ctx.path()) || ctx.path().startsWith("/assets/")) return;
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            bearer(ctx, authorization);
            return;
        }
        Optional<Sessions.Session> s = sessions.find(ctx.cookie(COOKIE));
        if (s.isEmpty()) {
            if (ctx.path().startsWith("/api/")) {
                access.log("anonymous", ctx.method() + " " + ctx.path(), "not logged in");
                throw ApiError.unauthenticated("a session cookie from /login or an Authorization: Bearer API token");
            }
            throw new RedirectResponse(HttpStatus.FOUND, "/login");
        }
        ctx.attribute("account", s.get().account());
        ctx.attribute("session", s.get());
        if (changesState(ctx)) checkCsrf(ctx, s.get());
    }

    private void bearer(Context ctx, String authorization) {
        String token = authorization.startsWith("Bearer ") ? authorization.substring(7).strip() : "";
        Optional<Account> a = token.isEmpty() ? Optional.empty() : people.byToken(token);
        if (a.isEmpty()) {
            access.log("anonymous", ctx.method() + " " + ctx.path(), "unknown or malformed API token");
            throw new ApiError(401, "Authorization was not a known API token; expected \"Bearer <token>\"", "Authorization",
                    "Bearer ***", "Bearer <token> of a person or system in people.yaml", null);
        }
        ctx.attribute("account", a.get());
    }

    private static boolean changesState(Context ctx) {
        String m = ctx.method().name();
        return !m.equals("GET") && !m.equals("HEAD") && !m.equals("OPTIONS");
    }

    private void checkCsrf(Context ctx, Sessions.Session s) {
        String sent = ctx.header("X-CSRF-Token");
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (sent == null && type.startsWith("application/x-www-form-urlencoded")) sent = ctx.formParam("csrf");
        if (!s.csrf().equals(sent)) {
            throw access.refuse(s.account(), ctx.method() + " " + ctx.path(),
                    "the CSRF token was " + (sent == null ? "missing" : "wrong") + "; expected the token of this session's form");
        }
    }

    /** Opens a session and sets its cookie. */
    void logIn(Context ctx, Account a) {
        Sessions.Session s = sessions.open(a);
        ctx.header("Set-Cookie", COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + Sessions.LIFETIME.toSeconds());
    }

    void logOut(Context ctx) {
        sessions.close(ctx.cookie(COOKIE));
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    }

    Optional<Account> checkPassword(String id, String password) {
        return people.logIn(id, password);
    }

    void refuseLogIn(String id, String why) {
        access.log(id == null ? "anonymous" : id, "log in", why);
    }
}
