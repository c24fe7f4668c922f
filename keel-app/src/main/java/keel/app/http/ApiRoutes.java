package keel.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import keel.app.workspace.Workspace;
import keel.core.decision.DecisionType;
import keel.core.review.ReviewAction;
import keel.core.review.Status;
import keel.store.jdbc.Json;
import keel.store.jdbc.ReportQueries;
import keel.store.jdbc.StoredRecommendation;

/** The REST API under {@code /api/v1}: JSON in and out, described by {@code /api/v1/openapi.json}. */
final class ApiRoutes {
    static final String BASE = "/api/v1";
    private final Workspace ws;
    private final Access access;
    private final Reviews reviews;
    private final Reports reports;
    private final ReportQueries queries;
    private final Queue queue;
    private final LedgerCheck ledgerCheck;
    private final Views.QueueRows queueRows = new Views.QueueRows();

    ApiRoutes(Workspace ws, Access access, Reviews reviews, Reports reports, ReportQueries queries, Queue queue,
            LedgerCheck ledgerCheck) {
        this.ws = ws;
        this.access = access;
        this.reviews = reviews;
        this.reports = reports;
        this.queries = queries;
        this.queue = queue;
        this.ledgerCheck = ledgerCheck;
    }

    void register(RoutesConfig r) {
        r.get(BASE + "/me", ctx -> {
            Map<String, Object> me = me(Authentication.account(ctx));
            // A session's API calls that change state must send this as X-CSRF-Token.
            Authentication.session(ctx).ifPresent(s -> me.put("csrfToken", s.csrf()));
            json(ctx, me);
        });
        r.get(BASE + "/decision-types", ctx -> json(ctx, visibleTypes(ctx).stream().map(Views::decisionType).toList()));
        r.get(BASE + "/decision-types/{name}", ctx -> json(ctx, Views.decisionType(readable(ctx, "decision type"))));
        r.get(BASE + "/decision-types/{name}/cycles", ctx -> json(ctx, ws.store().cycles(readable(ctx, "cycles").name())));
        r.get(BASE + "/decision-types/{name}/value", ctx -> json(ctx, reports.value(readable(ctx, "value"))));
        r.get(BASE + "/decision-types/{name}/health", ctx -> json(ctx, reports.health(readable(ctx, "health"))));
        r.get(BASE + "/queue", ctx -> ctx.contentType("application/json")
                .result(queueRows.json(queue.rows(Authentication.account(ctx), Queue.Filter.of(ctx)))));
        r.get(BASE + "/recommendations/{cycle}/{item}", this::recommendation);
        for (ReviewAction a : List.of(ReviewAction.ACCEPT, ReviewAction.OVERRIDE, ReviewAction.ESCALATE)) {
            r.post(BASE + "/recommendations/{cycle}/{item}/" + a.name().toLowerCase(Locale.ROOT), ctx -> review(ctx, a));
        }
        r.post(BASE + "/bulk-accept", this::bulkAccept);
        r.get(BASE + "/ledger", this::ledger);
    }

    static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(Json.write(body));
    }

    private static Map<String, Object> me(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("name", a.name());
        m.put("role", a.role().label());
        return m;
    }

    private List<DecisionType> visibleTypes(Context ctx) {
        Account a = Authentication.account(ctx);
        if (a.role() == Role.AUDITOR) throw access.refuse(a, "list decision types", "auditors read the ledger only");
        return ws.decisionTypes().stream().filter(t -> Access.canRead(a, t)).toList();
    }

    private DecisionType readable(Context ctx, String what) {
        DecisionType t = type(ws, ctx.pathParam("name"));
        access.requireRead(Authentication.account(ctx), t, what + " of " + t.name());
        return t;
    }

    static DecisionType type(Workspace ws, String name) {
        return ws.decisionTypes().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiError.notFound("decision type", name,
                        "one of " + ws.decisionTypes().stream().map(DecisionType::name).toList()));
    }

    static String id(Context ctx) {
        return ctx.pathParam("cycle") + "/" + ctx.pathParam("item");
    }

    private void recommendation(Context ctx) {
        StoredRecommendation r = reviews.find(id(ctx));
        DecisionType t = ws.decisionType(r.recommendation().decisionType());
        access.requireRead(Authentication.account(ctx), t, "recommendation " + id(ctx));
        json(ctx, Views.detail(r, ws.store().reviews(id(ctx)),
                queries.overridesOf(t.name(), r.recommendation().item(), 21).stream()
                        .filter(o -> !o.review().recommendationId().equals(id(ctx))).limit(20).toList()));
    }

    private void review(Context ctx, ReviewAction action) {
        JsonNode body = body(ctx);
        ReviewRequest request = ReviewRequest.parse(action, text(body, "version"), text(body, "quantity"),
                text(body, "reasonCode"), text(body, "comment"));
        json(ctx, Views.state(reviews.apply(Authentication.account(ctx), id(ctx), request)));
    }

    /** Accepts each listed recommendation at the version given; answers per item, never all-or-nothing. */
    private void bulkAccept(Context ctx) {
        access.requireSomeoneWhoActs(Authentication.account(ctx), "bulk accept");
        JsonNode items = body(ctx).path("items");
        if (!items.isArray() || items.isEmpty()) {
            throw ApiError.badRequest("items", items.isMissingNode() ? null : items.toString(),
                    "a non-empty list of {id, version}");
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonNode item : items) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", item.path("id").asText());
            try {
                ReviewRequest req = ReviewRequest.parse(ReviewAction.ACCEPT, text(item, "version"), null, null, "bulk accept");
                m.put("status", 200);
                m.put("state", Views.state(reviews.apply(Authentication.account(ctx), item.path("id").asText(), req)));
            } catch (ApiError e) {
                m.put("status", e.status());
                m.put("error", e.body());
            }
            results.add(m);
        }
        json(ctx, Map.of("results", results));
    }

    private void ledger(Context ctx) {
        Account a = Authentication.account(ctx);
        access.requireLedger(a, "read the ledger");
        int limit = Queue.Filter.limit(ctx.queryParam("limit"), 100, 1000);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verification", ledgerCheck.asked(ctx.queryParam("verify")));
        m.put("fullyVerifiedAt", ledgerCheck.fullyVerifiedAt().map(Object::toString).orElse(null));
        m.put("entries", queries.ledger(limit, Optional.ofNullable(ctx.queryParam("subject")).filter(s -> !s.isBlank())));
        json(ctx, m);
    }

    private static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) throw ApiError.badRequest("body", null, "a JSON object");
        try {
            JsonNode node = Json.mapper().readTree(text);
            if (!node.isObject()) throw ApiError.badRequest("body", abbreviate(text), "a JSON object");
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.badRequest("body", abbreviate(text), "JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static boolean isOpen(Status s) {
        return s == Status.AWAITING_REVIEW || s == Status.ESCALATED;
    }
}
