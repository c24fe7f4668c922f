package keel.app.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import keel.app.workspace.Workspace;
import keel.core.cycle.CycleRunner;
import keel.core.cycle.Recommendation;
import keel.core.decision.DecisionType;
import keel.core.outcome.DecisionValue;
import keel.core.outcome.DecisionValueReport;
import keel.core.outcome.ForecastStep;
import keel.core.outcome.ForecastValueAdded;
import keel.core.outcome.InventoryPath;
import keel.core.outcome.InventoryState;
import keel.core.outcome.OrderRule;
import keel.core.outcome.PeriodOutcome;
import keel.core.outcome.PolicyPaths;
import keel.core.outcome.ReplayResult;
import keel.core.outcome.TargetReplay;
import keel.core.policy.DemandDistribution;
import keel.core.policy.OrderUpToPolicy;
import keel.core.policy.Tradeoff;
import keel.core.policy.UnmetDemand;
import keel.core.review.OnExpiry;
import keel.core.review.Review;
import keel.core.review.ReviewAction;
import keel.core.review.Status;
import keel.store.jdbc.Json;
import keel.store.jdbc.OutcomeRecord;
import keel.store.jdbc.StoredRecommendation;
import keel.store.series.DemandHistory;
import me.tongfei.progressbar.ProgressBar;

/**
 * Replays one decision type through the whole cycle, period by period: files arrive and pass their
 * contracts, the cycle recommends, the simulated planner reviews the exceptions, the deadline
 * passes, orders reach the simulated stock, and when actual demand arrives each decision is scored.
 */
final class ScenarioRun {
    static final String FINALS = "recorded finals";
    static final String SYSTEM = "always system";
    static final String NAIVE = "always naive";

    private final Workspace ws;
    private final Scenario scenario;
    private final MutableClock clock;
    private final Reviewer reviewer;
    private final long seed;
    private final int threads;
    private final int maxCycles;
    private final PrintStream out;
    private final boolean leaveLastQueueOpen;
    private final Map<String, ItemWorld> worlds = new TreeMap<>();
    private final Map<String, Long> stageNanos = new LinkedHashMap<>();
    private final List<OutcomeRecord> outcomes = new ArrayList<>();
    private final List<DecisionValue> decisionValues = new ArrayList<>();
    private final List<double[]> fva = new ArrayList<>();
    private final List<String> defects = new ArrayList<>();
    private final List<String> quarantineExamples = new ArrayList<>();
    private long rowsQuarantined;
    private int fallbacks;

    ScenarioRun(Workspace ws, Scenario scenario, MutableClock clock, Reviewer reviewer, long seed, int threads,
            int maxCycles, PrintStream out, boolean leaveLastQueueOpen) {
        this.leaveLastQueueOpen = leaveLastQueueOpen;
        this.ws = ws;
        this.scenario = scenario;
        this.clock = clock;
        this.reviewer = reviewer;
        this.seed = seed;
        this.threads = threads;
        this.maxCycles = maxCycles;
        this.out = out;
    }

    ScenarioResult run() throws IOException {
        DecisionType type = ws.decisionType(scenario.decisionType());
        List<LocalDate> dates = scenario.cycleDates();
        int cycles = Math.min(dates.size(), maxCycles);
        int dataPeriods = Math.min(scenario.periodsWithData(), cycles);
        Map<String, double[]> demand = scenario.demand();
        CycleRunner runner = new CycleRunner(type, keel.app.workspace.ForecasterCatalog.of(type.forecast()), 1);
        int recommendations = 0;
        try (ProgressBar bar = DemoProgress.bar(type.name(), cycles, out)) {
            for (int cycle = 0; cycle < cycles; cycle++) {
                int k = cycle;
                LocalDate asOf = dates.get(k);
                clock.set(asOf.atTime(5, 0).toInstant(ZoneOffset.UTC));
                timed("ingest", () -> arrive(type, k));
                timed("outcomes", () -> score(type, demand, k, dataPeriods));
                Map<String, double[]> initial = k == 0 ? initialStock(type, runner, asOf) : Map.of();
                timed("ingest", () -> ingestStock(type, asOf, k, demand, initial));
                Workspace.CycleRun run = timedGet("cycle", () -> ws.runCycle(type.name(), asOf, threads));
                stageNanos.merge("cycle: load inputs", run.loadNanos(), Long::sum);
                stageNanos.merge("cycle: forecast (cpu)", run.result().forecastNanos(), Long::sum);
                stageNanos.merge("cycle: policy (cpu)", run.result().policyNanos(), Long::sum);
                stageNanos.merge("cycle: store", run.storeNanos(), Long::sum);
                recommendations += run.result().recommendations().size();
                fallbacks += (int) run.result().fallbacks();
                DemandHistory history = ws.lastHistory().orElseThrow();
                if (!(leaveLastQueueOpen && k == cycles - 1)) {
                    timed("review", () -> review(type, run.result().cycleId(), asOf, demand, k));
                }
                timed("review", () -> record(type, run.result().cycleId(), k, demand, initial, runner, history));
                bar.step();
            }
            // Left open for people, the last cycle is "now": the next period's sales have not arrived yet.
            if (!leaveLastQueueOpen) {
                LocalDate after = type.period().plus(dates.get(cycles - 1), 1);
                clock.set(after.atTime(5, 0).toInstant(ZoneOffset.UTC));
                if (cycles < dates.size() || scenario.periodsWithData() >= cycles) {
                    timed("ingest", () -> arrive(type, cycles));
                }
                timed("outcomes", () -> score(type, demand, cycles, dataPeriods));
            }
        }
        return result(type, cycles, recommendations, demand, dataPeriods);
    }

    // ---- files arriving ---------------------------------------------------------------------

    private void arrive(DecisionType type, int k) throws IOException {
        if (k == 0) {
            for (Map.Entry<String, Path> f : scenario.initialFiles()) ingest(type, f.getValue(), f.getKey());
            return;
        }
        Path file = scenario.salesBefore(k);
        if (k == scenario.damagedCycle()) {
            List<String> done = DemoData.injectDefects(file, seed + k, scenario.unknownItem());
            for (String d : done) defects.add(file.getFileName() + ": " + d);
        }
        ingest(type, file, "sales");
    }

    private void ingest(DecisionType type, Path file, String role) {
        Workspace.Ingested in = ws.ingest(file, role, type.name());
        long q = in.batch().rows().quarantined();
        if (in.isNew() && q > 0) {
            rowsQuarantined += q;
            if (quarantineExamples.size() < 12) {
                quarantineExamples.addAll(ws.store().quarantineReasons(in.batch().contentHash(), 12 - quarantineExamples.size()));
            }
        }
        if (in.batch().isBlocked()) {
            quarantineExamples.add(file.getFileName() + " blocked: " + in.batch().blockedReason().orElse(""));
        }
    }

    // ---- stock ----------------------------------------------------------------------------------

    /** Stock before the first cycle: the recent mean demand over the protection interval, per item. */
    private Map<String, double[]> initialStock(DecisionType type, CycleRunner runner, LocalDate asOf) {
        DemandHistory history = ws.history(type.name(), asOf);
        Map<String, double[]> stock = new HashMap<>();
        for (String item : history.items()) {
            double target = runner.naiveTarget(history.of(item)) / type.baseline().safetyFactor();
            stock.put(item, new double[] {Math.round(target), 0, 0});
        }
        return stock;
    }

    private void ingestStock(DecisionType type, LocalDate asOf, int k, Map<String, double[]> demand,
            Map<String, double[]> initial) throws IOException {
        Map<String, long[]> snapshot = new TreeMap<>();
        initial.forEach((item, s) -> snapshot.put(item, new long[] {(long) s[0], 0, 0}));
        for (ItemWorld w : worlds.values()) {
            InventoryState s = w.stateAt(k, window(demand, w.item));
            double[] arrivals = s.arrivals();
            double onOrder = 0;
            for (int i = 1; i < arrivals.length; i++) onOrder += arrivals[i];
            double onHand = s.onHand() + (arrivals.length > 0 ? arrivals[0] : 0);
            snapshot.put(w.item, new long[] {Math.round(onHand), Math.round(onOrder), Math.round(s.backlog())});
        }
        String name = scenario.decisionType() + "-stock-" + asOf + ".csv";
        Path file = java.nio.file.Files.createDirectories(ws.home().getParent().resolve("inbox")).resolve(name);
        writeSnapshot(file, asOf, snapshot);
        ingest(type, file, "inventory");
    }

    private static void writeSnapshot(Path file, LocalDate asOf, Map<String, long[]> stock) throws IOException {
        StringBuilder sb = new StringBuilder("item_id,as_of,on_hand,on_order,backorders\n");
        stock.forEach((item, s) -> sb.append(item).append(',').append(asOf).append(',').append(s[0]).append(',')
                .append(s[1]).append(',').append(s[2]).append('\n'));
        java.nio.file.Files.writeString(file, sb.toString());
    }

    private static double[] window(Map<String, double[]> demand, String item) {
        return demand.getOrDefault(item, new double[0]);
    }

    // ---- review -------------------------------------------------------------------------------

    private void review(DecisionType type, String cycleId, LocalDate asOf, Map<String, double[]> demand, int k) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + k);
        List<StoredRecommendation> queue = ws.store().queue(type.name(), List.of(Status.AWAITING_REVIEW)).stream()
                .filter(r -> r.recommendation().cycleId().equals(cycleId)).toList();
        int protection = type.tradeoff().protectionPeriods();
        int clears = (int) Math.ceil(0.85 * queue.size());
        Instant at = clock.instant();
        String owner = type.owner().map(p -> p.id()).orElse("owner");
        String accountable = type.accountable().map(p -> p.id()).orElse("accountable");
        for (int i = 0; i < clears; i++) {
            StoredRecommendation r = queue.get(i);
            double truth = windowTotal(window(demand, r.recommendation().item()), k, protection);
            Reviewer.Act act = reviewer.review(r, truth, type.review().reasonCodes(), random);
            Instant t = at.plusSeconds(60L * (i + 1));
            String comment = "simulated planner: " + act.comment();
            switch (act.kind()) {
                case ACCEPT -> ws.store().review(new Review(r.recommendation().id(), ReviewAction.ACCEPT, owner,
                        r.finalQuantity(), Optional.empty(), comment, t, true), r.version());
                case OVERRIDE -> ws.store().review(new Review(r.recommendation().id(), ReviewAction.OVERRIDE, owner,
                        act.quantity(), Optional.of(act.reasonCode()), comment, t, true), r.version());
                case ESCALATE -> {
                    StoredRecommendation e = ws.store().review(new Review(r.recommendation().id(), ReviewAction.ESCALATE,
                            owner, r.finalQuantity(), Optional.empty(), comment, t, true), r.version());
                    ws.store().review(new Review(r.recommendation().id(), ReviewAction.ACCEPT, accountable,
                            e.finalQuantity(), Optional.empty(), "simulated accountable person: accepted the escalation",
                            t.plusSeconds(30), true), e.version());
                }
            }
        }
        Instant deadline = asOf.atStartOfDay().toInstant(ZoneOffset.UTC).plus(type.review().deadline());
        clock.set(deadline.plus(Duration.ofMinutes(1)));
        for (StoredRecommendation r : ws.store().queue(type.name(), List.of(Status.AWAITING_REVIEW, Status.ESCALATED))) {
            if (!r.recommendation().cycleId().equals(cycleId)) continue;
            double q = type.review().onExpiry() == OnExpiry.HOLD ? 0
                    : type.review().onExpiry() == OnExpiry.FALLBACK ? r.recommendation().naiveQuantity() : r.finalQuantity();
            ws.store().review(new Review(r.recommendation().id(), ReviewAction.EXPIRE, "keel", q, Optional.empty(),
                    "deadline passed: " + type.review().onExpiry().name().toLowerCase(Locale.ROOT), clock.instant(), false),
                    r.version());
        }
    }

    private static double windowTotal(double[] window, int from, int periods) {
        double s = 0;
        for (int i = from; i < from + periods && i < window.length; i++) s += Math.max(0, window[i]);
        return s;
    }

    /** Adds this cycle's decisions to each item's world. */
    private void record(DecisionType type, String cycleId, int k, Map<String, double[]> demand,
            Map<String, double[]> initial, CycleRunner runner, DemandHistory history) {
        Map<String, StoredRecommendation> byItem = new HashMap<>();
        for (StoredRecommendation r : ws.store().recommendations(cycleId)) byItem.put(r.recommendation().item(), r);
        for (StoredRecommendation r : byItem.values()) {
            Recommendation rec = r.recommendation();
            if (worlds.containsKey(rec.item()) || !Double.isFinite(rec.costs().holdingCost())) continue;
            double[] s = initial.getOrDefault(rec.item(), new double[] {0, 0, 0});
            worlds.put(rec.item(), new ItemWorld(rec.item(), k, new InventoryState(s[0], 0, new double[0]),
                    tradeoff(type, rec)));
        }
        double safety = type.baseline().safetyFactor();
        for (ItemWorld w : worlds.values()) {
            StoredRecommendation r = byItem.get(w.item);
            double ip = w.positionAt(k, window(demand, w.item));
            if (r == null) {
                w.recommendationIds.add("");
                w.positions.add(ip);
                w.finals.add(0.0);
                w.systemQuantities.add(0.0);
                w.systemTargets.add(0.0);
                w.naiveQuantities.add(0.0);
                w.naiveTargets.add(0.0);
                w.forecastTotals.add(0.0);
                w.demandQuantiles.add(null);
                w.naiveForecastTotals.add(0.0);
                w.reviewers.add("");
                w.reasons.add("");
                continue;
            }
            Recommendation rec = r.recommendation();
            if (Math.abs(ip - rec.inventoryPosition()) > 0.5) {
                throw new IllegalStateException("item " + w.item + " cycle " + k + ": simulated position " + ip
                        + " differs from the snapshot's " + rec.inventoryPosition());
            }
            double naiveTarget = runner.naiveTarget(history.of(w.item));
            w.recommendationIds.add(rec.id());
            w.positions.add(rec.inventoryPosition());
            w.finals.add(r.finalQuantity());
            w.systemQuantities.add(rec.quantity());
            w.systemTargets.add(Double.isFinite(rec.orderUpTo()) ? rec.orderUpTo() : 0);
            w.naiveQuantities.add(rec.naiveQuantity());
            w.naiveTargets.add(naiveTarget);
            w.forecastTotals.add(rec.forecast().meanTotal());
            w.demandQuantiles.add(rec.fallbackReason().isPresent() || rec.forecast().levels().size() < 2 ? null
                    : new double[][] {toArray(rec.forecast().levels()), toArray(rec.forecast().totalQuantiles())});
            w.naiveForecastTotals.add(naiveTarget / safety);
            String reviewer = "";
            String reason = "";
            if (r.status() == Status.OVERRIDDEN) {
                for (Review v : ws.store().reviews(rec.id())) {
                    if (v.action() == ReviewAction.OVERRIDE) {
                        reviewer = v.actor() + " (simulated)";
                        reason = v.reasonCode().orElse("");
                    }
                }
            }
            w.reviewers.add(reviewer);
            w.reasons.add(reason);
        }
    }

    private static Tradeoff tradeoff(DecisionType type, Recommendation rec) {
        var t = type.tradeoff();
        return new Tradeoff(rec.costs().unitCost(), rec.costs().holdingCost(), rec.costs().shortageCost(),
                t.lostSales() ? UnmetDemand.LOST_SALES : UnmetDemand.BACKORDERS, t.leadTime(), t.reviewPeriod(),
                t.packSize(), t.minimumOrder());
    }

    // ---- outcomes -----------------------------------------------------------------------------

    /**
     * Scores every decision whose protection interval has closed by window period {@code known}
     * (actuals of periods before it have arrived), by target-level replay (DECISIONS §4).
     */
    private void score(DecisionType type, Map<String, double[]> demand, int known, int dataPeriods) {
        int protection = type.tradeoff().protectionPeriods();
        int end = Math.min(known, dataPeriods);
        List<OutcomeRecord> fresh = new ArrayList<>();
        for (ItemWorld w : worlds.values()) {
            double[] d = w.demand(window(demand, w.item), Math.max(end, w.firstPeriod));
            while (w.scored < w.finals.size() && w.scored + protection <= d.length) {
                int j = w.scored++;
                String id = w.recommendationIds.get(j);
                if (id.isEmpty()) continue;
                TargetReplay replay = new TargetReplay(w.tradeoff, w.start, d, w.reviews(d.length));
                ReplayResult sys = replay.replay(j, w.systemQuantities.get(j));
                ReplayResult naive = replay.replay(j, w.naiveQuantities.get(j));
                double costFinal = sys.actualCost();
                double costSystem = sys.alternativeCost();
                double costNaive = costFinal + naive.alternativeCost() - naive.actualCost();
                double actual = 0;
                for (int i = j; i < j + protection; i++) actual += d[i];
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("method", "target-level replay (DECISIONS §4)");
                payload.put("spanPeriods", sys.periods());
                payload.put("merged", sys.merged());
                payload.put("finalQuantity", w.finals.get(j));
                payload.put("systemQuantity", w.systemQuantities.get(j));
                payload.put("naiveQuantity", w.naiveQuantities.get(j));
                fresh.add(new OutcomeRecord(id, actual, costFinal, costSystem, costNaive, Json.write(payload)));
                decisionValues.add(new DecisionValue(id, w.reviewers.get(j), w.reasons.get(j), w.systemQuantities.get(j),
                        w.finals.get(j), costSystem - costFinal));
                double finalForecast = w.forecastTotals.get(j) + (w.finals.get(j) - w.systemQuantities.get(j));
                fva.add(new double[] {actual, w.naiveForecastTotals.get(j), w.forecastTotals.get(j), finalForecast});
            }
        }
        outcomes.addAll(fresh);
        ws.store().recordOutcomes(fresh, clock.instant());
    }

    // ---- results ------------------------------------------------------------------------------

    private ScenarioResult result(DecisionType type, int cycles, int recommendations, Map<String, double[]> demand,
            int dataPeriods) {
        long t0 = System.nanoTime();
        int touchless = 0, accepted = 0, overridden = 0, expired = 0;
        // One query for all reviews rather than one per recommendation.
        int escalated = (int) ws.store().reviewsOf(type.name()).stream().filter(v -> v.action() == ReviewAction.ESCALATE)
                .map(Review::recommendationId).distinct().count();
        for (var c : ws.store().cycles(type.name())) {
            for (StoredRecommendation r : ws.store().recommendations(c.id())) {
                switch (r.status()) {
                    case TOUCHLESS -> touchless++;
                    case ACCEPTED -> accepted++;
                    case OVERRIDDEN -> overridden++;
                    case EXPIRED -> expired++;
                    default -> { }
                }
            }
        }
        Map<String, Double> pathCosts = new LinkedHashMap<>();
        Map<String, double[]> byPeriod = new LinkedHashMap<>();
        for (String p : List.of(FINALS, SYSTEM, NAIVE)) {
            pathCosts.put(p, 0.0);
            byPeriod.put(p, new double[dataPeriods]);
        }
        for (ItemWorld w : worlds.values()) {
            if (w.firstPeriod >= dataPeriods) continue;
            double[] d = w.demand(window(demand, w.item), dataPeriods);
            int n = d.length;
            Map<String, OrderRule> rules = new LinkedHashMap<>();
            rules.put(FINALS, OrderRule.quantities(w.finalsArray(n)));
            rules.put(SYSTEM, systemRule(w, n));
            rules.put(NAIVE, OrderRule.upTo(ItemWorld.array(w.naiveTargets, n), w.tradeoff));
            Map<String, InventoryPath> paths = PolicyPaths.compare(w.tradeoff, w.start, d, rules);
            paths.forEach((name, path) -> {
                pathCosts.merge(name, path.totalCost(), Double::sum);
                double[] series = byPeriod.get(name);
                for (PeriodOutcome p : path.periods()) series[w.firstPeriod + p.period()] += p.cost();
            });
        }
        double[] actual = new double[fva.size()];
        double[][] steps = new double[3][fva.size()];
        for (int i = 0; i < fva.size(); i++) {
            actual[i] = fva.get(i)[0];
            for (int s = 0; s < 3; s++) steps[s][i] = fva.get(i)[s + 1];
        }
        var stairstep = fva.isEmpty() ? List.<keel.core.outcome.StairstepRow>of() : ForecastValueAdded.stairstep(actual,
                List.of(new ForecastStep("naive", steps[0]), new ForecastStep("statistical", steps[1]),
                        new ForecastStep("final (after overrides)", steps[2])));
        List<DecisionValue> overrides = decisionValues.stream().filter(DecisionValue::isOverride).toList();
        Map<String, List<keel.core.outcome.ValueGroup>> by = new LinkedHashMap<>();
        for (DecisionValueReport.Dimension d : DecisionValueReport.Dimension.values()) {
            by.put(d.name().toLowerCase(Locale.ROOT).replace('_', ' '), DecisionValueReport.by(overrides, d, seed));
        }
        double dvaTotal = overrides.stream().mapToDouble(DecisionValue::value).sum();
        List<ScenarioResult.SampleItem> samples = samples(demand, dataPeriods);
        stageNanos.merge("value and paths", System.nanoTime() - t0, Long::sum);
        int pending = 0;
        for (ItemWorld w : worlds.values()) pending += (int) w.recommendationIds.stream().skip(w.scored).filter(s -> !s.isEmpty()).count();
        return new ScenarioResult(type.name(), type.owner().map(p -> p.name()).orElse("-"),
                type.accountable().map(p -> p.name()).orElse("-"), type.tradeoff().currency(), cycles, worlds.size(),
                recommendations, touchless, accepted, overridden, escalated, expired, fallbacks, rowsQuarantined,
                List.copyOf(quarantineExamples), List.copyOf(defects), outcomes.size(), pending, stairstep,
                DecisionValueReport.overall(overrides, seed), by, dvaTotal, pathCosts, byPeriod, samples,
                Map.copyOf(stageNanos));
    }

    /**
     * "Always system": at each review, the policy's own decision on its own stock, from the demand
     * distribution the cycle forecast (its stored quantiles), so pack and minimum-order choices are
     * the policy's, not a rounding rule's. Where the fallback acted, its target is ordered up to.
     */
    private static OrderRule systemRule(ItemWorld w, int n) {
        OrderUpToPolicy policy = new OrderUpToPolicy(w.tradeoff);
        double[] fallbackTargets = ItemWorld.array(w.systemTargets, n);
        OrderRule fallback = OrderRule.upTo(fallbackTargets, w.tradeoff);
        return (review, period, ip) -> {
            double[][] q = review < w.demandQuantiles.size() ? w.demandQuantiles.get(review) : null;
            if (q == null) return fallback.quantity(review, period, ip);
            return policy.decide(DemandDistribution.fromQuantiles(q[0], q[1]), ip).quantity();
        };
    }

    private static double[] toArray(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = values.get(i);
        return out;
    }

    /** The items with the most demand: their forecasts of the protection-interval total against actuals. */
    private List<ScenarioResult.SampleItem> samples(Map<String, double[]> demand, int dataPeriods) {
        List<ItemWorld> top = worlds.values().stream().filter(w -> w.firstPeriod == 0)
                .sorted((a, b) -> Double.compare(total(window(demand, b.item)), total(window(demand, a.item))))
                .limit(4).toList();
        List<ScenarioResult.SampleItem> out = new ArrayList<>();
        for (ItemWorld w : top) {
            int n = w.finals.size();
            double[] actual = new double[n], forecast = new double[n], low = new double[n], high = new double[n];
            String model = "";
            for (int j = 0; j < n; j++) {
                actual[j] = j + 1 < dataPeriods + 1 ? windowTotal(window(demand, w.item), j, 2) : Double.NaN;
                forecast[j] = w.forecastTotals.get(j);
                var rec = ws.store().recommendation(w.recommendationIds.get(j)).map(StoredRecommendation::recommendation);
                if (rec.isPresent()) {
                    var f = rec.get().forecast();
                    low[j] = quantileAt(f.levels(), f.totalQuantiles(), 0.1);
                    high[j] = quantileAt(f.levels(), f.totalQuantiles(), 0.9);
                    model = f.model();
                }
            }
            out.add(new ScenarioResult.SampleItem(w.item, model, actual, forecast, low, high,
                    ItemWorld.array(w.finals, n), ItemWorld.array(w.systemQuantities, n)));
        }
        return out;
    }

    private static double quantileAt(List<Double> levels, List<Double> values, double level) {
        for (int i = 0; i < levels.size(); i++) if (Math.abs(levels.get(i) - level) < 1e-9) return values.get(i);
        return Double.NaN;
    }

    private static double total(double[] v) {
        double s = 0;
        for (double x : v) s += Math.max(0, x);
        return s;
    }

    // ---- timing -------------------------------------------------------------------------------

    private interface Work {
        void run() throws IOException;
    }

    private interface Supply<T> {
        T get() throws IOException;
    }

    private void timed(String stage, Work work) throws IOException {
        long t = System.nanoTime();
        work.run();
        stageNanos.merge(stage, System.nanoTime() - t, Long::sum);
    }

    private <T> T timedGet(String stage, Supply<T> work) throws IOException {
        long t = System.nanoTime();
        T v = work.get();
        stageNanos.merge(stage, System.nanoTime() - t, Long::sum);
        return v;
    }
}
