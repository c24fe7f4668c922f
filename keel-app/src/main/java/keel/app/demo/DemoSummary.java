package keel.app.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import keel.core.outcome.StairstepRow;
import keel.core.outcome.ValueGroup;

/** The demo's summary on the console. */
final class DemoSummary {
    private DemoSummary() {
    }

    static void print(Demo.Result result, PrintStream out) {
        out.println();
        out.println("== Keel demo summary (reviews by a SIMULATED planner) ==");
        for (ScenarioResult r : result.scenarios()) print(r, out);
        out.println();
        out.println("ledger: " + result.ledger().message());
        out.print("wall time per stage:");
        Demo.totalStages(result.scenarios()).forEach((stage, nanos) ->
                out.printf(Locale.ROOT, "  %s %.1f s;", stage, nanos / 1e9));
        out.printf(Locale.ROOT, "%n total %.1f s%n", result.wallNanos() / 1e9);
        out.println("report: " + result.report().toAbsolutePath());
    }

    private static void print(ScenarioResult r, PrintStream out) {
        String c = r.currency();
        out.println();
        out.printf(Locale.ROOT, "%s (owner %s, accountable %s)%n", r.decisionType(), r.owner(), r.accountable());
        out.printf(Locale.ROOT, "  %d cycles, %d items, %d recommendations; %d used the fallback policy%n",
                r.cycles(), r.items(), r.recommendations(), r.fallbacks());
        double n = Math.max(1, r.recommendations());
        out.printf(Locale.ROOT, "  touchless %.1f%%, accepted %.1f%%, overridden %.1f%%, expired at deadline %.1f%% "
                + "(%d escalated)%n", 100 * r.touchless() / n, 100 * r.accepted() / n, 100 * r.overridden() / n,
                100 * r.expired() / n, r.escalated());
        out.printf(Locale.ROOT, "  quarantined rows: %d%n", r.rowsQuarantined());
        for (String e : r.quarantineExamples().stream().limit(5).toList()) out.println("    " + e);
        out.printf(Locale.ROOT, "  outcomes scored: %d (pending, actuals not yet arrived: %d)%n", r.outcomes(), r.pending());
        out.println("  forecast value added (demand over review period + lead time):");
        for (StairstepRow s : r.stairstep()) {
            out.printf(Locale.ROOT, "    %-26s MAE %8.2f  WAPE %6.1f%%  bias %+6.1f%%  FVA vs previous %+6.1f pts  vs naive %+6.1f pts%n",
                    s.step(), s.mae(), 100 * s.wape(), 100 * s.bias(), 100 * s.fvaVsPrevious(), 100 * s.fvaVsNaive());
        }
        List<ValueGroup> overall = r.dvaOverall();
        if (!overall.isEmpty() && overall.get(0).count() > 0) {
            ValueGroup g = overall.get(0);
            out.printf(Locale.ROOT, "  decision value added by overrides: %s over %d overrides (hit rate %.0f%%, mean %.2f, "
                    + "90%% interval %.2f to %.2f per override)%n", Demo.money(r.dvaTotal(), c), g.count(),
                    100 * g.hitRate(), g.meanValue(), g.meanLow(), g.meanHigh());
        }
        Map<String, Double> p = r.pathCosts();
        double naive = p.get(ScenarioRun.NAIVE);
        out.printf(Locale.ROOT, "  realised cost over the replay: always naive %s, always system %s (%+.1f%% vs naive), "
                + "recorded finals %s (%+.1f%% vs naive)%n", Demo.money(naive, c), Demo.money(p.get(ScenarioRun.SYSTEM), c),
                pct(p.get(ScenarioRun.SYSTEM), naive), Demo.money(p.get(ScenarioRun.FINALS), c), pct(p.get(ScenarioRun.FINALS), naive));
    }

    static double pct(double v, double base) {
        return base == 0 ? 0 : 100 * (v - base) / base;
    }
}
