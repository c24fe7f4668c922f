package keel.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import keel.app.http.DemoPeople;
import keel.app.workspace.Workspace;
import keel.core.decision.DecisionType;
import keel.core.ledger.Verification;
import keel.core.planner.PlannerParameters;
import keel.store.jdbc.StoreConfig;

/**
 * {@code keel demo}: replays months of replenishment decisions on bundled public data, end to end,
 * deterministically for a given seed, and writes a report.
 */
public final class Demo {
    static final String MARKER = ".keel-demo";
    static final String[] HOME_FILES = {"decision-types/replenish-online.yaml", "decision-types/replenish-carparts.yaml",
        "contracts/online-catalog.yaml", "contracts/online-calendar.yaml", "contracts/online-sales.yaml",
        "contracts/online-inventory.yaml", "contracts/parts-catalog.yaml", "contracts/parts-sales.yaml",
        "contracts/parts-inventory.yaml"};

    /**
     * @param out the folder the demo owns: its home, inbox, store, batches and report
     * @param maxCycles replay at most this many cycles per decision type (for a quick look or a test)
     * @param maxItems use only the first this many items of each data set, 0 for all
     * @param leaveLastQueueOpen leave the last cycle of the last decision type to people: the simulated
     *     planner does not review it and its deadline has not passed (for the web pages after the replay)
     */
    public record Options(Path out, long seed, int threads, int maxCycles, int maxItems, PlannerParameters planner,
            List<String> only, boolean leaveLastQueueOpen) {
        public Options(Path out, long seed, int threads, int maxCycles, int maxItems, PlannerParameters planner) {
            this(out, seed, threads, maxCycles, maxItems, planner, List.of(), false);
        }

        public Options {
            if (threads < 1) throw new IllegalArgumentException("--threads was " + threads + "; expected 1 or more");
            if (maxCycles < 1) throw new IllegalArgumentException("--cycles was " + maxCycles + "; expected 1 or more");
            if (maxItems < 0) throw new IllegalArgumentException("--items was " + maxItems + "; expected 0 (all) or more");
            only = List.copyOf(only);
            for (String name : only) {
                if (!name.equals("replenish-online") && !name.equals("replenish-carparts")) {
                    throw new IllegalArgumentException("--only was \"" + name
                            + "\"; expected replenish-online or replenish-carparts");
                }
            }
        }
    }

    /** What the demo produced. */
    public record Result(List<ScenarioResult> scenarios, Verification ledger, Path report, Path out, long wallNanos) {
    }

    private Demo() {
    }

    public static Result run(Options o, PrintStream console) throws IOException {
        long start = System.nanoTime();
        prepare(o.out());
        Path home = o.out().resolve("home");
        for (String f : HOME_FILES) copyResource("/keel/demo/home/" + f, home.resolve(f));
        DemoPeople.write(home);
        MutableClock clock = new MutableClock(Instant.parse("2001-03-01T00:00:00Z"));
        List<ScenarioResult> results = new ArrayList<>();
        Verification verification;
        try (DemoData data = DemoData.extract(o.out(), o.maxItems());
                Workspace ws = Workspace.open(home, StoreConfig.embedded(home.resolve("store")), clock)) {
            console.println("Keel demo: replaying decisions on bundled public data (seed " + o.seed() + ", "
                    + o.threads() + " threads); reviews come from a SIMULATED planner.");
            List<Scenario> scenarios = List.of(new PartsScenario(data), new RetailScenario(data));
            // Car parts history (1998-2002) comes first in time, so the ledger's clock only moves forward.
            for (Scenario s : scenarios) {
                if (!o.only().isEmpty() && !o.only().contains(s.decisionType())) continue;
                boolean last = s == scenarios.get(scenarios.size() - 1);
                DecisionType type = ws.decisionType(s.decisionType());
                Reviewer reviewer = new PlannerReviewer(type.owner().map(p -> p.id()).orElse("owner"), o.planner(),
                        type.review().reasonCodes(), o.seed() ^ s.decisionType().hashCode());
                results.add(new ScenarioRun(ws, s, clock, reviewer, o.seed(), o.threads(), o.maxCycles(), console,
                        last && o.leaveLastQueueOpen()).run());
            }
            verification = ws.store().ledger().verify();
        }
        Path report = DemoReport.write(o.out().resolve("report"), results, verification, o);
        Result result = new Result(results, verification, report, o.out(), System.nanoTime() - start);
        DemoSummary.print(result, console);
        return result;
    }

    /** Empties the demo's folder, but only one the demo made (it carries a marker file). */
    static void prepare(Path out) throws IOException {
        if (Files.exists(out)) {
            boolean empty;
            try (Stream<Path> s = Files.list(out)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !Files.exists(out.resolve(MARKER))) {
                throw new IllegalArgumentException(out + " exists and was not made by keel demo; expected an empty or "
                        + "missing folder (give another with --out)");
            }
            try (Stream<Path> s = Files.walk(out)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(out)) Files.delete(p);
                }
            }
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve(MARKER), "made by keel demo; deleted and rebuilt by the next run\n");
    }

    private static void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = Demo.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("demo resource " + resource + " is missing from the jar");
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String money(double v, String currency) {
        return String.format(Locale.ROOT, "%s %,.0f", currency, v);
    }

    static Map<String, Long> totalStages(List<ScenarioResult> results) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (ScenarioResult r : results) r.stageNanos().forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }
}
