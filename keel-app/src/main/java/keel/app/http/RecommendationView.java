package keel.app.http;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import keel.app.workspace.Workspace;
import keel.core.cycle.Alternative;
import keel.core.cycle.CostFigures;
import keel.core.cycle.ForecastSummary;
import keel.core.cycle.Recommendation;
import keel.core.decision.DecisionType;
import keel.core.review.Review;
import keel.store.jdbc.Json;
import keel.store.jdbc.ReportQueries;
import keel.store.jdbc.StoredRecommendation;

/** The HTML sections of one recommendation's page. */
final class RecommendationView {
    private final StoredRecommendation stored;
    private final Recommendation rec;
    private final DecisionType type;
    private final String currency;

    RecommendationView(StoredRecommendation stored, DecisionType type) {
        this.stored = stored;
        this.rec = stored.recommendation();
        this.type = type;
        this.currency = rec.costs().currency();
    }

    String summary() {
        return "<dl class=\"facts\"><dt>Decision type</dt><dd><a href=\"/decision-types/" + Html.url(type.name()) + "\">"
                + Html.esc(type.name()) + "</a></dd><dt>Item / location</dt><dd>" + Html.esc(rec.item()) + " / "
                + Html.esc(rec.location()) + "</dd><dt>As of</dt><dd>" + rec.asOf() + "</dd><dt>Status</dt><dd id=\"status\">"
                + stored.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "</dd><dt>Quantity that stands</dt>"
                + "<dd id=\"final-quantity\">" + Html.num(stored.finalQuantity()) + " (recommended " + Html.num(rec.quantity())
                + ")</dd><dt>Version</dt><dd id=\"version\">" + stored.version() + "</dd><dt>Review deadline</dt><dd>"
                + stored.deadline() + "</dd><dt>Value at stake</dt><dd>" + currency + " "
                + Html.money(Workspace.valueAtStake(rec)) + "</dd><dt>Why it needs review</dt><dd>"
                + (rec.reviewReasons().isEmpty() ? "no rule fired (touchless)" : Html.esc(String.join("; ", rec.reviewReasons())))
                + "</dd></dl><p class=\"rationale\">" + Html.esc(rec.rationale()) + "</p>";
    }

    /**
     * Demand over each cycle's protection interval: actual where known (history), the forecast mean,
     * and the 10-90 % band of the forecast total.
     */
    String chart(List<ReportQueries.ItemCycle> history) {
        List<Long> x = new ArrayList<>();
        List<Double> actual = new ArrayList<>(), mean = new ArrayList<>(), lo = new ArrayList<>(), hi = new ArrayList<>();
        for (ReportQueries.ItemCycle c : history) {
            ForecastSummary f = c.recommendation().recommendation().forecast();
            x.add(c.recommendation().recommendation().asOf().atStartOfDay().toEpochSecond(ZoneOffset.UTC));
            actual.add(c.actualDemand().orElse(null));
            mean.add(f.meanTotal());
            lo.add(quantile(f, 0.1));
            hi.add(quantile(f, 0.9));
        }
        String data = Json.write(List.of(x, actual, mean, lo, hi)).replace("</", "<\\/");
        ForecastSummary f = rec.forecast();
        return "<h2>Forecast</h2><p>" + Html.esc(f.description()) + "; fitted on " + f.historyPeriods()
                + " periods. Expected demand over the protection interval: " + Html.num(f.meanTotal()) + " units (per period: "
                + Html.esc(f.stepMeans().stream().map(Html::num).toList()) + ").</p>"
                + "<div class=\"chart\" id=\"forecast-chart\"></div><script type=\"application/json\" id=\"forecast-data\">"
                + data + "</script><script>keelForecastChart('forecast-chart', 'forecast-data');</script>"
                + "<p class=\"note\">Each point is one cycle's decision: actual demand over its protection interval (when known), "
                + "the forecast mean, and the shaded 10-90 % band of the forecast total.</p>";
    }

    private static Double quantile(ForecastSummary f, double level) {
        int i = f.levels().indexOf(level);
        return i < 0 ? null : f.totalQuantiles().get(i);
    }

    String tradeoff() {
        CostFigures c = rec.costs();
        StringBuilder sb = new StringBuilder("<h2>The tradeoff</h2><p>Each unit left over costs " + currency + " "
                + Html.money(c.holdingCost()) + " per period to hold; each unit of demand not met costs " + currency + " "
                + Html.money(c.shortageCost()) + ". So Keel aims to cover demand with probability " + Html.pct(c.criticalFractile())
                + " (the critical fractile). Ordering " + Html.num(rec.quantity()) + " units is expected to cost " + currency + " "
                + Html.money(rec.expectedCost()) + ", with a " + Html.pct(rec.stockoutProbability())
                + " chance of running out and " + Html.num(rec.expectedLeftover()) + " units expected left over.</p>");
        sb.append("<table id=\"alternatives\"><thead><tr><th>Option</th><th class=\"n\">Quantity</th><th class=\"n\">Expected cost</th>")
                .append("<th class=\"n\">Stockout probability</th><th class=\"n\">Expected leftover</th><th class=\"n\">Expected shortage</th>")
                .append("</tr></thead><tbody>");
        sb.append(row("chosen: the recommendation", rec.quantity(), rec.expectedCost(), rec.stockoutProbability(),
                rec.expectedLeftover(), rec.expectedShortage(), "chosen"));
        for (Alternative a : rec.alternatives()) {
            sb.append(row("rejected: " + a.label(), a.quantity(), a.expectedCost(), a.stockoutProbability(), a.expectedLeftover(),
                    a.expectedShortage(), ""));
        }
        return sb.append("</tbody></table>").toString();
    }

    private String row(String label, double q, double cost, double stockout, double leftover, double shortage, String cls) {
        return "<tr class=\"" + cls + "\"><td>" + Html.esc(label) + "</td><td class=\"n\">" + Html.num(q) + "</td><td class=\"n\">"
                + currency + " " + Html.money(cost) + "</td><td class=\"n\">" + Html.pct(stockout) + "</td><td class=\"n\">"
                + Html.num(leftover) + "</td><td class=\"n\">" + Html.num(shortage) + "</td></tr>";
    }

    String warningsAndLineage() {
        List<String> warnings = new ArrayList<>();
        rec.fallbackReason().ifPresent(f -> warnings.add("fallback policy acted: " + f));
        rec.reviewReasons().stream().filter(s -> s.startsWith("data warning")).forEach(warnings::add);
        StringBuilder sb = new StringBuilder("<h2>Data warnings</h2>");
        sb.append(warnings.isEmpty() ? "<p>None.</p>" : "<ul class=\"warnings\">" + warnings.stream()
                .map(w -> "<li>" + Html.esc(w) + "</li>").reduce("", String::concat) + "</ul>");
        sb.append("<h2>Lineage</h2><dl class=\"facts\"><dt>Input batches</dt><dd>")
                .append(Html.esc(String.join(", ", rec.lineage().batches().stream().map(b -> b.substring(0, Math.min(12, b.length()))).toList())))
                .append("</dd><dt>Model</dt><dd>").append(Html.esc(rec.lineage().forecaster())).append(' ')
                .append(Html.esc(rec.lineage().parameters())).append("</dd><dt>Policy</dt><dd>").append(Html.esc(rec.lineage().policyVersion()))
                .append("</dd><dt>Decision type version</dt><dd>").append(Html.esc(rec.lineage().decisionTypeVersion())).append("</dd></dl>");
        return sb.toString();
    }

    String forms(String csrf) {
        String hidden = Html.csrf(csrf) + "<input type=\"hidden\" name=\"version\" value=\"" + stored.version() + "\">";
        String base = Html.recommendationHref(rec.id());
        StringBuilder codes = new StringBuilder();
        for (String code : type.review().reasonCodes()) codes.append("<option>").append(Html.esc(code)).append("</option>");
        return "<h2>Review</h2><p>The recommendation is the default: accept it, or override it with a reason.</p><div class=\"forms\">"
                + "<form method=\"post\" action=\"" + base + "/accept\">" + hidden
                + "<button type=\"submit\" id=\"accept\">Accept " + Html.num(stored.finalQuantity()) + "</button></form>"
                + "<form method=\"post\" action=\"" + base + "/override\" id=\"override-form\">" + hidden
                + "<label>Quantity <input name=\"quantity\" id=\"quantity\" type=\"number\" min=\"0\" step=\"1\" required></label>"
                + "<label>Reason <select name=\"reasonCode\" id=\"reasonCode\" required>" + codes + "</select></label>"
                + "<label>Comment <input name=\"comment\" id=\"comment\" maxlength=\"2000\"></label>"
                + "<button type=\"submit\" id=\"override\">Override</button></form>"
                + "<form method=\"post\" action=\"" + base + "/escalate\">" + hidden
                + "<label>Comment <input name=\"comment\" maxlength=\"2000\"></label>"
                + "<button type=\"submit\" id=\"escalate\">Escalate to " + Html.esc(type.accountable().map(p -> p.name()).orElse("-"))
                + "</button></form></div>";
    }

    String reviews(List<Review> reviews) {
        StringBuilder sb = new StringBuilder("<h2>Reviews</h2>");
        if (reviews.isEmpty()) return sb.append("<p>None yet.</p>").toString();
        sb.append("<table id=\"reviews\"><thead><tr><th>When</th><th>Who</th><th>Action</th><th class=\"n\">Quantity</th>")
                .append("<th>Reason</th><th>Comment</th></tr></thead><tbody>");
        for (Review v : reviews) sb.append(reviewRow(v, ""));
        return sb.append("</tbody></table>").toString();
    }

    private static String reviewRow(Review v, String extra) {
        return "<tr><td>" + v.at() + "</td><td>" + Html.esc(v.actor()) + (v.simulated() ? " <span class=\"sim\">simulated planner</span>" : "")
                + "</td><td>" + v.action().name().toLowerCase(Locale.ROOT) + "</td><td class=\"n\">" + Html.num(v.finalQuantity())
                + "</td><td>" + Html.esc(v.reasonCode().orElse("")) + "</td><td>" + Html.esc(v.comment()) + "</td>" + extra + "</tr>";
    }

    String trackRecord(List<ReportQueries.PastOverride> past) {
        StringBuilder sb = new StringBuilder("<h2>Track record: earlier overrides of this item</h2>");
        if (past.isEmpty()) return sb.append("<p>No earlier overrides.</p>").toString();
        double known = 0, sum = 0, hits = 0;
        for (ReportQueries.PastOverride o : past) {
            if (o.valueAdded().isEmpty()) continue;
            known++;
            sum += o.valueAdded().get();
            if (o.valueAdded().get() > 0) hits++;
        }
        sb.append("<p>").append(past.size()).append(" override(s); ").append((int) known).append(" scored, ")
                .append((int) hits).append(" paid (Decision Value Added > 0), total ").append(currency).append(' ')
                .append(Html.money(sum)).append(".</p><table id=\"track-record\"><thead><tr><th>When</th><th>Who</th><th>Action</th>")
                .append("<th class=\"n\">Quantity</th><th>Reason</th><th>Comment</th><th class=\"n\">System</th><th class=\"n\">DVA</th></tr></thead><tbody>");
        for (ReportQueries.PastOverride o : past) {
            sb.append(reviewRow(o.review(), "<td class=\"n\">" + Html.num(o.systemQuantity()) + "</td><td class=\"n\">"
                    + o.valueAdded().map(Html::money).orElse("not yet known") + "</td>"));
        }
        return sb.append("</tbody></table>").toString();
    }

}
