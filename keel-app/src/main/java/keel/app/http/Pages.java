package keel.app.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import keel.app.workspace.Workspace;
import keel.core.review.ReviewAction;
import keel.store.jdbc.ReportQueries;
import keel.store.jdbc.StoredRecommendation;

/** The owners' pages, rendered on the server: log-in, the queue and bulk accept; the rest in their own classes. */
final class Pages {
    private final Authentication auth;
    private final Access access;
    private final Queue queue;
    private final Reviews reviews;
    private final RecommendationPage recommendation;
    private final ReportPages reports;

    Pages(Workspace ws, Access access, Reviews reviews, Reports reports, ReportQueries queries, Queue queue, LedgerCheck ledger,
            Authentication auth) {
        this.auth = auth;
        this.access = access;
        this.reviews = reviews;
        this.queue = queue;
        this.recommendation = new RecommendationPage(ws, access, reviews, queries);
        this.reports = new ReportPages(ws, access, reports, queries, ledger);
    }

    void register(RoutesConfig r) {
        r.get("/", ctx -> ctx.redirect("/queue"));
        r.get("/login", this::logInPage);
        r.post("/login", this::logIn);
        r.post("/logout", ctx -> {
            auth.logOut(ctx);
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
        });
        r.get("/queue", this::queuePage);
        r.post("/queue/bulk-accept", this::bulkAccept);
        recommendation.register(r);
        reports.register(r);
    }

    private void logInPage(Context ctx) {
        logInForm(ctx, "");
    }

    /** The log-in form carries a token matched against a cookie (double submit), so it cannot be posted cross-site. */
    private void logInForm(Context ctx, String message) {
        String token = Sessions.randomToken();
        ctx.header("Set-Cookie", Authentication.LOGIN_COOKIE + "=" + token + "; Path=/login; HttpOnly; SameSite=Strict");
        ctx.html(Html.page(ctx, "Log in", null, (message.isEmpty() ? "" : "<p class=\"error\">" + Html.esc(message) + "</p>")
                + "<form method=\"post\" action=\"/login\" class=\"login\">" + Html.csrf(token)
                + "<label>Person <input name=\"id\" id=\"id\" autocomplete=\"username\" required></label>"
                + "<label>Password <input name=\"password\" id=\"password\" type=\"password\" autocomplete=\"current-password\" required></label>"
                + "<button type=\"submit\" id=\"log-in\">Log in</button></form>"));
    }

    private void logIn(Context ctx) {
        String id = ctx.formParam("id");
        String expected = ctx.cookie(Authentication.LOGIN_COOKIE);
        if (expected == null || !expected.equals(ctx.formParam("csrf"))) {
            auth.refuseLogIn(id, "the log-in form's CSRF token did not match its cookie");
            ctx.status(403);
            logInForm(ctx, "The log-in form expired; please try again.");
            return;
        }
        Optional<Account> a = auth.checkPassword(id, ctx.formParam("password"));
        if (a.isEmpty()) {
            auth.refuseLogIn(id, "unknown person or wrong password");
            ctx.status(401);
            logInForm(ctx, "Unknown person or wrong password.");
            return;
        }
        auth.logIn(ctx, a.get());
        ctx.redirect(a.get().role() == Role.AUDITOR ? "/ledger" : "/queue", HttpStatus.SEE_OTHER);
    }

    private void queuePage(Context ctx) {
        Account a = Authentication.account(ctx);
        Queue.Filter f = Queue.Filter.of(ctx);
        List<StoredRecommendation> rows = queue.rows(a, f);
        String csrf = Authentication.session(ctx).map(Sessions.Session::csrf).orElse("");
        ctx.html(Html.page(ctx, "Review queue", a, QueueView.render(rows, f, csrf, a)));
    }

    private void bulkAccept(Context ctx) {
        Account a = Authentication.account(ctx);
        access.requireSomeoneWhoActs(a, "bulk accept");
        List<String> picks = ctx.formParams("pick");
        if (picks.isEmpty()) throw ApiError.badRequest("pick", null, "at least one recommendation ticked in the queue");
        List<String> lines = new ArrayList<>();
        for (String pick : picks) {
            int at = pick.lastIndexOf('@');
            String id = at < 0 ? pick : pick.substring(0, at);
            try {
                ReviewRequest req = ReviewRequest.parse(ReviewAction.ACCEPT, at < 0 ? null : pick.substring(at + 1), null, null,
                        "bulk accept");
                StoredRecommendation r = reviews.apply(a, id, req);
                lines.add("<li>" + Html.esc(id) + ": " + r.status().name().toLowerCase(Locale.ROOT) + "</li>");
            } catch (ApiError e) {
                lines.add("<li class=\"error\">" + Html.esc(id) + ": " + Html.esc(e.getMessage()) + "</li>");
            }
        }
        ctx.html(Html.page(ctx, "Bulk accept", a, "<ul id=\"bulk-results\">" + String.join("", lines)
                + "</ul><p><a href=\"/queue\">Back to the queue</a></p>"));
    }
}
