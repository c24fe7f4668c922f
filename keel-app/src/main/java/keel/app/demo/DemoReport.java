package keel.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import keel.core.ledger.Verification;
import keel.core.outcome.StairstepRow;
import keel.core.outcome.ValueGroup;

/**
 * The demo's HTML report: per decision type, the review figures, the forecast value stairstep,
 * decision value added by owner, reason, size and direction, realised cost of the policy paths, and
 * charts (cost over cycles; forecast against actual for sample items) drawn with uPlot, which is
 * copied beside the page from its WebJar, so the report opens offline.
 */
final class DemoReport {
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";

    private DemoReport() {
    }

    static Path write(Path dir, List<ScenarioResult> results, Verification ledger, Demo.Options options) throws IOException {
        Files.createDirectories(dir);
        copy(UPLOT + "uPlot.iife.min.js", dir.resolve("uPlot.iife.min.js"));
        copy(UPLOT + "uPlot.min.css", dir.resolve("uPlot.min.css"));
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Keel demo report</title>")
                .append("<link rel=\"stylesheet\" href=\"uPlot.min.css\"><script src=\"uPlot.iife.min.js\"></script>")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}")
                .append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border-bottom:1px solid #ddd;padding:4px 10px;")
                .append("text-align:right}td:first-child,th:first-child{text-align:left}.sim{background:#fff3cd;padding:.5em 1em;")
                .append("border-left:4px solid #e0a800}.bar{background:#4c78a8;height:10px;display:inline-block}")
                .append(".neg{background:#e45756}.chart{margin:1em 0}</style></head><body>");
        html.append("<h1>Keel demo report</h1><p class=\"sim\">Replay on bundled public data (UCI Online Retail, CC BY 4.0; "
                + "carparts, Hyndman et al. 2008). <b>Every review was made by a simulated planner</b> (seed ")
                .append(options.seed()).append("), whose behaviour is documented in README.md; no person reviewed these "
                + "decisions. Stock is simulated from the decisions themselves.</p>");
        html.append("<p>Ledger: ").append(esc(ledger.message())).append("</p>");
        Map<String, Object> data = new LinkedHashMap<>();
        int chart = 0;
        for (ScenarioResult r : results) {
            html.append(section(r));
            String costId = "cost" + chart;
            html.append("<h3>Realised cost per period of each policy path</h3><div class=\"chart\" id=\"").append(costId).append("\"></div>");
            data.put(costId, costSeries(r));
            for (ScenarioResult.SampleItem s : r.samples()) {
                String id = "item" + chart + "_" + s.item().replaceAll("[^A-Za-z0-9]", "");
                html.append("<h3>Item ").append(esc(s.item())).append(": forecast of demand over review period + lead time vs actual (")
                        .append(esc(s.model())).append(" in the last cycle)</h3><div class=\"chart\" id=\"").append(id).append("\"></div>");
                data.put(id, itemSeries(s));
            }
            chart++;
        }
        html.append("<script>const DATA=").append(new ObjectMapper().writeValueAsString(data)).append(";\n").append(SCRIPT)
                .append("</script></body></html>");
        Path page = dir.resolve("index.html");
        Files.writeString(page, html.toString(), StandardCharsets.UTF_8);
        return page;
    }

    private static final String SCRIPT = """
            for (const [id, d] of Object.entries(DATA)) {
              const el = document.getElementById(id);
              const series = [{label: d.xlabel}];
              const colours = ['#4c78a8', '#f58518', '#54a24b', '#b279a2', '#9d755d', '#bab0ac'];
              d.names.forEach((n, i) => series.push({label: n, stroke: d.band && i >= 2 ? '#9ecae9' : colours[i % 6],
                width: d.band && i >= 2 ? 1 : 2, spanGaps: false}));
              const opts = {width: 1000, height: 260, series: series, scales: {x: {time: false}},
                axes: [{label: d.xlabel}, {label: d.ylabel}]};
              if (d.band) opts.bands = [{series: [4, 3], fill: 'rgba(76,120,168,0.15)'}];
              new uPlot(opts, [d.x, ...d.ys], el);
            }
            """;

    private static Map<String, Object> costSeries(ScenarioResult r) {
        List<Double> x = new ArrayList<>();
        List<String> names = new ArrayList<>(r.pathCostByPeriod().keySet());
        List<double[]> ys = new ArrayList<>(r.pathCostByPeriod().values());
        int n = ys.isEmpty() ? 0 : ys.get(0).length;
        for (int i = 0; i < n; i++) x.add((double) i + 1);
        return Map.of("x", x, "names", names, "ys", ys, "xlabel", "replay period", "ylabel", "cost, " + r.currency(),
                "band", false);
    }

    private static Map<String, Object> itemSeries(ScenarioResult.SampleItem s) {
        List<Double> x = new ArrayList<>();
        for (int i = 0; i < s.actual().length; i++) x.add((double) i + 1);
        List<Object> ys = new ArrayList<>();
        ys.add(nulls(s.actual()));
        ys.add(nulls(s.forecast()));
        ys.add(nulls(s.low()));
        ys.add(nulls(s.high()));
        ys.add(nulls(s.finals()));
        return Map.of("x", x, "names", List.of("actual", "forecast (mean)", "10% quantile", "90% quantile", "ordered (final)"),
                "ys", ys, "xlabel", "cycle", "ylabel", "units", "band", true);
    }

    private static List<Double> nulls(double[] v) {
        List<Double> out = new ArrayList<>();
        for (double d : v) out.add(Double.isFinite(d) ? d : null);
        return out;
    }

    private static String section(ScenarioResult r) {
        StringBuilder h = new StringBuilder();
        String c = r.currency();
        double n = Math.max(1, r.recommendations());
        h.append("<h2>").append(esc(r.decisionType())).append("</h2><p>Owner ").append(esc(r.owner()))
                .append(", accountable ").append(esc(r.accountable())).append(". ").append(r.cycles()).append(" cycles, ")
                .append(r.items()).append(" items, ").append(r.recommendations()).append(" recommendations, ")
                .append(r.fallbacks()).append(" by the fallback policy.</p>");
        h.append("<table><tr><th>review outcome</th><th>share</th><th>count</th></tr>");
        row(h, "touchless (no person needed)", r.touchless(), n);
        row(h, "accepted after review", r.accepted(), n);
        row(h, "overridden (simulated planner)", r.overridden(), n);
        row(h, "expired at the deadline", r.expired(), n);
        row(h, "escalated to the accountable person", r.escalated(), n);
        h.append("</table>");
        h.append("<p>Quarantined rows: ").append(r.rowsQuarantined()).append(".</p><ul>");
        for (String d : r.defects()) h.append("<li>deliberate defect: ").append(esc(d)).append("</li>");
        for (String e : r.quarantineExamples()) h.append("<li>").append(esc(e)).append("</li>");
        h.append("</ul><h3>Forecast value added</h3><p>Demand over review period + lead time, scored on ")
                .append(r.outcomes()).append(" decisions whose actuals have arrived (").append(r.pending())
                .append(" pending). The final forecast is the statistical one shifted by the override.</p>");
        h.append("<table><tr><th>step</th><th>MAE</th><th>WAPE</th><th>bias</th><th>FVA vs previous</th><th>FVA vs naive</th></tr>");
        for (StairstepRow s : r.stairstep()) {
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.2f</td><td>%.1f%%</td><td>%+.1f%%</td><td>%+.1f pts</td><td>%+.1f pts</td></tr>",
                    esc(s.step()), s.mae(), 100 * s.wape(), 100 * s.bias(), 100 * s.fvaVsPrevious(), 100 * s.fvaVsNaive()));
        }
        h.append("</table><h3>Realised cost of each policy path over the replay</h3><table><tr><th>path</th><th>cost</th><th>vs always naive</th><th></th></tr>");
        double naive = r.pathCosts().get(ScenarioRun.NAIVE);
        double max = r.pathCosts().values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        r.pathCosts().forEach((path, cost) -> h.append(String.format(Locale.ROOT,
                "<tr><td>%s</td><td>%s</td><td>%+.1f%%</td><td style=\"text-align:left\"><span class=\"bar\" style=\"width:%.0fpx\"></span></td></tr>",
                esc(path), Demo.money(cost, c), DemoSummary.pct(cost, naive), 300 * cost / Math.max(max, 1e-9))));
        h.append("</table><h3>Decision value added by overrides (").append(c).append(", positive: the override paid)</h3>");
        h.append(String.format(Locale.ROOT, "<p>Total: %s.</p>", Demo.money(r.dvaTotal(), c)));
        for (Map.Entry<String, List<ValueGroup>> e : r.dvaBy().entrySet()) {
            h.append("<table><tr><th>by ").append(esc(e.getKey()))
                    .append("</th><th>overrides</th><th>hit rate</th><th>mean DVA</th><th>90% interval</th><th>total DVA</th></tr>");
            for (ValueGroup g : e.getValue()) {
                h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%.0f%%</td><td>%.2f</td><td>%.2f to %.2f</td><td>%.2f</td></tr>",
                        esc(g.key().isEmpty() ? "(none)" : g.key()), g.count(), 100 * g.hitRate(), g.meanValue(), g.meanLow(),
                        g.meanHigh(), g.totalValue()));
            }
            h.append("</table>");
        }
        return h.toString();
    }

    private static void row(StringBuilder h, String label, int count, double n) {
        h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.1f%%</td><td>%d</td></tr>", label, 100 * count / n, count));
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = DemoReport.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("chart library " + resource + " is missing from the jar");
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
