package keel.app.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import keel.app.workspace.Workspace;
import keel.core.decision.DecisionType;
import keel.core.ledger.LedgerEntry;
import keel.core.ledger.Verification;
import keel.core.outcome.StairstepRow;
import keel.core.outcome.ValueGroup;
import keel.store.jdbc.Json;
import keel.store.jdbc.ReportQueries;

/** Decision type pages (settings, value, health) and the ledger page. */
final class ReportPages {
    private final Workspace ws;
    private final Access access;
    private final Reports reports;
    private final ReportQueries queries;
    private final LedgerCheck ledgerCheck;

    ReportPages(Workspace ws, Access access, Reports reports, ReportQueries queries, LedgerCheck ledgerCheck) {
        this.ws = ws;
        this.access = access;
        this.reports = reports;
        this.queries = queries;
        this.ledgerCheck = ledgerCheck;
    }

    void register(RoutesConfig r) {
        r.get("/decision-types", this::list);
        r.get("/decision-types/{name}", this::decisionType);
        r.get("/decision-types/{name}/value", this::value);
        r.get("/decision-types/{name}/health", this::health);
        r.get("/ledger", this::ledger);
    }

    private DecisionType readable(Context ctx, String what) {
        DecisionType t = ApiRoutes.type(ws, ctx.pathParam("name"));
        access.requireRead(Authentication.account(ctx), t, what + " of " + t.name());
        return t;
    }

    private void list(Context ctx) {
        Account a = Authentication.account(ctx);
        if (a.role() == Role.AUDITOR) throw access.refuse(a, "list decision types", "auditors read the ledger only");
        StringBuilder sb = new StringBuilder("<ul>");
        for (DecisionType t : ws.decisionTypes()) {
            if (!Access.canRead(a, t)) continue;
            sb.append("<li><a href=\"/decision-types/").append(Html.url(t.name())).append("\">").append(Html.esc(t.name()))
                    .append("</a>: ").append(Html.esc(t.description())).append("</li>");
        }
        ctx.html(Html.page(ctx, "Decision types", a, sb.append("</ul>").toString()));
    }

    private void decisionType(Context ctx) {
        DecisionType t = readable(ctx, "decision type");
        String base = "/decision-types/" + Html.url(t.name());
        StringBuilder sb = new StringBuilder("<p>").append(Html.esc(t.description())).append("</p><p><a href=\"").append(base)
                .append("/value\">Value</a> · <a href=\"").append(base).append("/health\">Health</a> · <a href=\"/queue?decisionType=")
                .append(Html.url(t.name())).append("\">Queue</a></p><dl class=\"facts\">");
        fact(sb, "Owner (acts)", t.owner().map(p -> p.name() + " (" + p.id() + ")").orElse("none"));
        fact(sb, "Accountable (answers, receives escalations)", t.accountable().map(p -> p.name() + " (" + p.id() + ")").orElse("none"));
        fact(sb, "Lifecycle stage", t.stage().name().toLowerCase(Locale.ROOT));
        fact(sb, "Period", t.period().name().toLowerCase(Locale.ROOT));
        fact(sb, "Version", t.version());
        fact(sb, "Tradeoff", Json.write(t.tradeoff()));
        fact(sb, "Review rules", String.join("; ", t.review().rules().stream().map(ReportPages::rule).toList()));
        fact(sb, "Reason codes", String.join(", ", t.review().reasonCodes()));
        fact(sb, "Capacity per cycle", String.valueOf(t.review().capacityPerCycle()));
        fact(sb, "Deadline", t.review().deadline().toHours() + " hours after the as-of date, then "
                + t.review().onExpiry().name().toLowerCase(Locale.ROOT));
        ctx.html(Html.page(ctx, "Decision type " + t.name(), Authentication.account(ctx), sb.append("</dl>").toString()));
    }

    private static String rule(Object rule) {
        return rule.toString().replaceAll("^(\\w+)\\[", "$1 [");
    }

    private static void fact(StringBuilder sb, String name, String value) {
        sb.append("<dt>").append(Html.esc(name)).append("</dt><dd>").append(Html.esc(value)).append("</dd>");
    }

    @SuppressWarnings("unchecked")
    private void value(Context ctx) {
        DecisionType t = readable(ctx, "value");
        Map<String, Object> v = reports.value(t);
        String cur = t.tradeoff().currency();
        Map<String, Double> cost = (Map<String, Double>) v.get("realisedCost");
        StringBuilder sb = new StringBuilder("<p>").append(v.get("outcomes")).append(" decisions scored. Realised cost: recorded finals ")
                .append(cur).append(' ').append(Html.money(cost.get("final"))).append(", always system ").append(cur).append(' ')
                .append(Html.money(cost.get("system"))).append(", always naive ").append(cur).append(' ')
                .append(Html.money(cost.get("naive"))).append(".</p><p class=\"note\">Reviews by the demo's simulated planner "
                        + "are labelled \"simulated planner\".</p>");
        List<Map<String, Object>> cycles = (List<Map<String, Object>>) v.get("byCycle");
        sb.append(Charts.lines("value-chart", cycles, List.of("costFinal", "costSystem", "costNaive"),
                List.of("final", "system", "naive"), "realised cost per cycle, " + cur));
        sb.append("<h2>Forecast Value Added (stairstep)</h2><table id=\"stairstep\"><thead><tr><th>Step</th><th class=\"n\">MAE</th>")
                .append("<th class=\"n\">WAPE</th><th class=\"n\">Bias</th><th class=\"n\">FVA vs previous</th><th class=\"n\">FVA vs naive</th></tr></thead><tbody>");
        for (StairstepRow s : (List<StairstepRow>) v.get("stairstep")) {
            sb.append("<tr><td>").append(Html.esc(s.step())).append("</td><td class=\"n\">").append(Html.money(s.mae()))
                    .append("</td><td class=\"n\">").append(Html.pct(s.wape())).append("</td><td class=\"n\">").append(Html.pct(s.bias()))
                    .append("</td><td class=\"n\">").append(Html.pct(s.fvaVsPrevious())).append("</td><td class=\"n\">")
                    .append(Html.pct(s.fvaVsNaive())).append("</td></tr>");
        }
        sb.append("</tbody></table><p class=\"note\">").append(Html.esc(v.get("naiveForecastNote"))).append("</p>");
        sb.append("<h2>Decision Value Added of overrides</h2>");
        sb.append(groups("all overrides", (List<ValueGroup>) v.get("decisionValueAdded"), cur));
        ((Map<String, List<ValueGroup>>) v.get("decisionValueAddedBy")).forEach((dim, g) -> sb.append(groups("by " + dim.replace('_', ' '), g, cur)));
        ctx.html(Html.page(ctx, "Value of " + t.name(), Authentication.account(ctx), sb.toString()));
    }

    private static String groups(String title, List<ValueGroup> groups, String cur) {
        StringBuilder sb = new StringBuilder("<h3>").append(Html.esc(title)).append("</h3>");
        if (groups.isEmpty()) return sb.append("<p>No scored overrides.</p>").toString();
        sb.append("<table class=\"dva\"><thead><tr><th>Group</th><th class=\"n\">Overrides</th><th class=\"n\">Hit rate</th>")
                .append("<th class=\"n\">Mean DVA</th><th class=\"n\">90% interval of the mean</th><th class=\"n\">Total DVA</th></tr></thead><tbody>");
        for (ValueGroup g : groups) {
            sb.append("<tr><td>").append(Html.esc(g.key())).append("</td><td class=\"n\">").append(g.count()).append("</td><td class=\"n\">")
                    .append(Html.pct(g.hitRate())).append("</td><td class=\"n\">").append(cur).append(' ').append(Html.money(g.meanValue()))
                    .append("</td><td class=\"n\">").append(Html.money(g.meanLow())).append(" to ").append(Html.money(g.meanHigh()))
                    .append("</td><td class=\"n\">").append(cur).append(' ').append(Html.money(g.totalValue())).append("</td></tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    private void health(Context ctx) {
        DecisionType t = readable(ctx, "health");
        List<Map<String, Object>> rows = reports.health(t);
        StringBuilder sb = new StringBuilder("<p>Per cycle: accuracy (WAPE) and bias of the statistical forecast against actual "
                + "demand over the protection interval, coverage of its 10-90 % interval (target 80 %), and the shares of "
                + "recommendations overridden and touchless.</p>");
        sb.append(Charts.lines("health-chart", rows, List.of("wape", "bias", "coverage80", "overrideRate", "touchlessRate"),
                List.of("WAPE", "bias", "10-90% coverage", "override rate", "touchless rate"), "share"));
        sb.append("<table id=\"health\"><thead><tr><th>As of</th><th class=\"n\">Recommendations</th><th class=\"n\">Scored</th>")
                .append("<th class=\"n\">WAPE</th><th class=\"n\">Bias</th><th class=\"n\">Coverage</th><th class=\"n\">Override rate</th>")
                .append("<th class=\"n\">Touchless rate</th></tr></thead><tbody>");
        for (Map<String, Object> r : rows) {
            sb.append("<tr><td>").append(r.get("asOf")).append("</td><td class=\"n\">").append(r.get("recommendations"))
                    .append("</td><td class=\"n\">").append(r.get("scored")).append("</td>");
            for (String k : List.of("wape", "bias", "coverage80", "overrideRate", "touchlessRate")) {
                sb.append("<td class=\"n\">").append(r.get(k) == null ? "-" : Html.pct((Double) r.get(k))).append("</td>");
            }
            sb.append("</tr>");
        }
        ctx.html(Html.page(ctx, "Health of " + t.name(), Authentication.account(ctx), sb.append("</tbody></table>").toString()));
    }

    private void ledger(Context ctx) {
        Account a = Authentication.account(ctx);
        access.requireLedger(a, "read the ledger page");
        Optional<String> subject = Optional.ofNullable(ctx.queryParam("subject")).filter(s -> !s.isBlank());
        Verification v = ledgerCheck.asked(ctx.queryParam("verify"));
        StringBuilder sb = new StringBuilder("<p id=\"verification\" class=\"").append(v.intact() ? "ok" : "error").append("\">")
                .append(Html.esc(v.message())).append("</p><p id=\"full-verification\">")
                .append(ledgerCheck.fullyVerifiedAt().map(at -> "The whole chain was last verified at " + at
                        + "; each load verifies the entries written since.").orElse("The whole chain was not found intact."))
                .append(" <a href=\"/ledger?verify=all\" id=\"verify-all\">Verify all</a></p><form method=\"get\" action=\"/ledger\"><label>Subject <input name=\"subject\" value=\"")
                .append(Html.esc(subject.orElse(""))).append("\"></label> <button type=\"submit\">Show</button></form>")
                .append("<table id=\"ledger\"><thead><tr><th class=\"n\">#</th><th>At</th><th>Event</th><th>Subject</th><th>Details</th>")
                .append("<th>Hash</th></tr></thead><tbody>");
        for (LedgerEntry e : queries.ledger(100, subject)) {
            sb.append("<tr><td class=\"n\">").append(e.sequence()).append("</td><td>").append(e.at()).append("</td><td>")
                    .append(e.type()).append("</td><td>").append(Html.esc(e.subject())).append("</td><td class=\"payload\">")
                    .append(Html.esc(e.payload().length() > 400 ? e.payload().substring(0, 400) + "..." : e.payload()))
                    .append("</td><td>").append(e.hash(), 0, 12).append("</td></tr>");
        }
        ctx.html(Html.page(ctx, "Ledger", a, sb.append("</tbody></table>").toString()));
    }
}
