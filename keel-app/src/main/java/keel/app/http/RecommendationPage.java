package keel.app.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Locale;
import keel.app.workspace.Workspace;
import keel.core.decision.DecisionType;
import keel.core.review.ReviewAction;
import keel.store.jdbc.ReportQueries;
import keel.store.jdbc.StoredRecommendation;

/**
 * One recommendation's page: its forecast chart, the tradeoff in words and figures, data warnings,
 * lineage, the item's override track record, its reviews, and the accept / override / escalate forms.
 */
final class RecommendationPage {
    private final Workspace ws;
    private final Access access;
    private final Reviews reviews;
    private final ReportQueries queries;

    RecommendationPage(Workspace ws, Access access, Reviews reviews, ReportQueries queries) {
        this.ws = ws;
        this.access = access;
        this.reviews = reviews;
        this.queries = queries;
    }

    void register(RoutesConfig r) {
        r.get("/recommendations/{cycle}/{item}", ctx -> show(ctx, ""));
        for (ReviewAction a : List.of(ReviewAction.ACCEPT, ReviewAction.OVERRIDE, ReviewAction.ESCALATE)) {
            r.post("/recommendations/{cycle}/{item}/" + a.name().toLowerCase(Locale.ROOT), ctx -> act(ctx, a));
        }
    }

    private void act(Context ctx, ReviewAction action) {
        ReviewRequest request = ReviewRequest.parse(action, ctx.formParam("version"), ctx.formParam("quantity"),
                ctx.formParam("reasonCode"), ctx.formParam("comment"));
        try {
            reviews.apply(Authentication.account(ctx), ApiRoutes.id(ctx), request);
        } catch (ApiError e) {
            if (e.status() != 409) throw e;
            ctx.status(409);
            show(ctx, "<p class=\"error\" id=\"conflict\">Not saved: " + Html.esc(e.getMessage())
                    + ". The page now shows the current state.</p>");
            return;
        }
        ctx.redirect(Html.recommendationHref(ApiRoutes.id(ctx)), HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, String notice) {
        Account who = Authentication.account(ctx);
        StoredRecommendation r = reviews.find(ApiRoutes.id(ctx));
        DecisionType type = ws.decisionType(r.recommendation().decisionType());
        access.requireRead(who, type, "recommendation " + r.recommendation().id());
        String csrf = Authentication.session(ctx).map(Sessions.Session::csrf).orElse("");
        StringBuilder sb = new StringBuilder(16384).append(notice);
        RecommendationView view = new RecommendationView(r, type);
        sb.append(view.summary());
        sb.append(view.chart(queries.itemHistory(type.name(), r.recommendation().item())));
        sb.append(view.tradeoff());
        sb.append(view.warningsAndLineage());
        if (Access.canAct(who, type, r.status()) && r.status().open()) sb.append(view.forms(csrf));
        sb.append(view.reviews(ws.store().reviews(r.recommendation().id())));
        sb.append(view.trackRecord(queries.overridesOf(type.name(), r.recommendation().item(), 21).stream()
                .filter(o -> !o.review().recommendationId().equals(r.recommendation().id())).limit(20).toList()));
        ctx.html(Html.page(ctx, "Recommendation " + r.recommendation().item(), who, sb.toString()));
    }
}
