package keel.app.http;

import java.util.List;
import java.util.Locale;
import keel.app.workspace.Workspace;
import keel.core.cycle.Recommendation;
import keel.store.jdbc.StoredRecommendation;

/** The queue page's HTML: filters, then the recommendations that need review, most valuable first. */
final class QueueView {
    private QueueView() {
    }

    static String render(List<StoredRecommendation> rows, Queue.Filter f, String csrf, Account who) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<form method=\"get\" action=\"/queue\" class=\"filters\">")
                .append(input("decisionType", "Decision type", f.decisionType().orElse("")))
                .append(input("location", "Location", f.location().orElse("")))
                .append(input("reason", "Reason contains", f.reason().orElse("")))
                .append("<button type=\"submit\">Filter</button></form>");
        sb.append("<p>").append(rows.size()).append(" recommendation(s) need review")
                .append(who.role() == Role.ACCOUNTABLE ? " (escalated to you)" : "").append(", most value at stake first.</p>");
        if (rows.isEmpty()) return sb.append("<p id=\"empty-queue\">Nothing needs review.</p>").toString();
        sb.append("<form method=\"post\" action=\"/queue/bulk-accept\">").append(Html.csrf(csrf))
                .append("<table id=\"queue\"><thead><tr><th></th><th>Item</th><th>Decision type</th><th>Location</th>")
                .append("<th>As of</th><th class=\"n\">Order</th><th class=\"n\">Naive</th><th class=\"n\">Value at stake</th>")
                .append("<th>Why it needs review</th><th>Status</th></tr></thead><tbody>");
        for (StoredRecommendation r : rows) {
            Recommendation rec = r.recommendation();
            sb.append("<tr><td><input type=\"checkbox\" name=\"pick\" value=\"").append(Html.esc(rec.id() + "@" + r.version()))
                    .append("\"></td><td><a class=\"item\" href=\"").append(Html.recommendationHref(rec.id())).append("\">")
                    .append(Html.esc(rec.item())).append("</a></td><td>").append(Html.esc(rec.decisionType()))
                    .append("</td><td>").append(Html.esc(rec.location())).append("</td><td>").append(rec.asOf())
                    .append("</td><td class=\"n\">").append(Html.num(r.finalQuantity())).append("</td><td class=\"n\">")
                    .append(Html.num(rec.naiveQuantity())).append("</td><td class=\"n\">")
                    .append(Html.esc(rec.costs().currency())).append(' ').append(Html.money(Workspace.valueAtStake(rec)))
                    .append("</td><td>").append(Html.esc(String.join("; ", rec.reviewReasons()))).append("</td><td>")
                    .append(r.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append("</td></tr>");
        }
        sb.append("</tbody></table><button type=\"submit\" id=\"bulk-accept\">Accept the ticked recommendations</button></form>");
        return sb.toString();
    }

    private static String input(String name, String label, String value) {
        return "<label>" + label + " <input name=\"" + name + "\" value=\"" + Html.esc(value) + "\"></label> ";
    }
}
