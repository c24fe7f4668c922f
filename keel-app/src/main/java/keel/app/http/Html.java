package keel.app.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Small helpers for server-rendered pages: escaping, the page frame, numbers. */
final class Html {
    private Html() {
    }

    static String esc(Object value) {
        String s = String.valueOf(value);
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String url(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The link to a recommendation's page; ids are {@code cycle/item}. */
    static String recommendationHref(String id) {
        int slash = id.indexOf('/');
        return "/recommendations/" + url(id.substring(0, slash)) + "/" + url(id.substring(slash + 1));
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.0f", v) : "-";
    }

    static String money(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.2f", v) : "-";
    }

    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "-";
    }

    /** A whole page: header with navigation and who is logged in, then {@code body}. */
    static String page(io.javalin.http.Context ctx, String title, Account who, String body) {
        String csrf = ctx == null ? "" : Authentication.session(ctx).map(Sessions.Session::csrf).orElse("");
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append(" · Keel</title><link rel=\"stylesheet\" href=\"/assets/keel.css\">")
                .append("<link rel=\"stylesheet\" href=\"/assets/uPlot.min.css\">")
                .append("<script src=\"/assets/uPlot.iife.min.js\"></script><script src=\"/assets/charts.js\"></script>")
                .append("</head><body><header><strong>Keel</strong>");
        if (who != null) {
            sb.append(" <nav><a href=\"/queue\">Queue</a> <a href=\"/decision-types\">Decision types</a>");
            if (Access.canReadLedger(who)) sb.append(" <a href=\"/ledger\">Ledger</a>");
            sb.append("</nav><span class=\"who\">").append(esc(who.name())).append(" (").append(esc(who.role().label()))
                    .append(")</span>");
            if (!csrf.isEmpty()) {
                sb.append("<form method=\"post\" action=\"/logout\" class=\"logout\">").append(csrf(csrf))
                        .append("<button type=\"submit\" id=\"log-out\">Log out</button></form>");
            }
        }
        sb.append("</header><main><h1>").append(esc(title)).append("</h1>").append(body).append("</main></body></html>");
        return sb.toString();
    }

    static String errorPage(ApiError e) {
        return page(null, "Error " + e.status(), null, "<p class=\"error\">" + esc(e.getMessage())
                + "</p><p><a href=\"/queue\">Back to the queue</a></p>");
    }

    /** A hidden CSRF field for a form of this session. */
    static String csrf(String token) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(token) + "\">";
    }
}
