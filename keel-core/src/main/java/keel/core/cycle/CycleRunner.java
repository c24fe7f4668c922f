package keel.core.cycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import keel.core.decision.BaselineSettings;
import keel.core.decision.DecisionType;
import keel.core.decision.TradeoffSettings;
import keel.core.ledger.HashChain;
import keel.core.policy.DemandDistribution;
import keel.core.policy.ExpectedCost;
import keel.core.policy.ForecastDemand;
import keel.core.policy.Newsvendor;
import keel.core.policy.OrderDecision;
import keel.core.policy.OrderUpToPolicy;
import keel.core.policy.Tradeoff;
import keel.core.policy.UnmetDemand;
import keel.core.review.ReviewFacts;
import keel.forecast.Forecast;
import keel.forecast.Forecaster;
import keel.forecast.Series;

/**
 * Runs one cycle of a replenishment decision type: for every item, forecast demand over the
 * protection interval, choose the order from the declared tradeoff, and decide whether a person
 * must review it. One bad item never stops the cycle: it falls back to the declared fallback policy
 * and is marked for review with the reason.
 *
 * <p>Items are processed in parallel; results are collected by index, so the output never depends
 * on the number of threads.
 */
public final class CycleRunner {
    /** Version of the policy code; recorded in every recommendation's lineage. */
    public static final String POLICY_VERSION = "order-up-to/1";

    /** Quantile levels requested from the forecaster: dense in the upper tail, where the costs are. */
    public static final double[] LEVELS = {0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93,
        0.95, 0.97, 0.98, 0.99, 0.995};

    private final DecisionType type;
    private final Forecaster forecaster;
    private final int threads;

    public CycleRunner(DecisionType type, Forecaster forecaster, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads was " + threads + "; expected >= 1");
        this.type = type;
        this.forecaster = forecaster;
        this.threads = threads;
    }

    /**
     * The id of a cycle: the same decision type version, as-of date and input batches always give
     * the same id, which is what makes re-running a cycle idempotent.
     */
    public static String cycleId(DecisionType type, LocalDate asOf, List<String> batches) {
        return HashChain.sha256Hex(type.name() + "\n" + type.version() + "\n" + asOf + "\n"
                + String.join(",", new TreeSet<>(batches))).substring(0, 32);
    }

    /** Runs the cycle for {@code items} as of {@code asOf}, which used input {@code batches}. */
    public CycleResult run(LocalDate asOf, List<ItemInput> items, List<String> batches) {
        long start = System.nanoTime();
        String cycleId = cycleId(type, asOf, batches);
        Recommendation[] out = new Recommendation[items.size()];
        long[] forecastNanos = new long[items.size()];
        long[] policyNanos = new long[items.size()];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < items.size(); i += threads) {
                        out[i] = recommendSafely(cycleId, asOf, items.get(i), batches, forecastNanos, policyNanos, i);
                    }
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("cycle " + cycleId + " was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cycle " + cycleId + " failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        long f = 0, p = 0;
        for (int i = 0; i < items.size(); i++) {
            f += forecastNanos[i];
            p += policyNanos[i];
        }
        return new CycleResult(cycleId, type.name(), asOf, batches, List.of(out), f, p, System.nanoTime() - start);
    }

    /**
     * The recommendation for one item, exactly as {@link #run} makes it: engines that distribute
     * items themselves (keel-spark) call this per item. An item that cannot be forecast or decided
     * becomes a held recommendation marked for review, as in {@link #run}.
     *
     * @param cycleId the cycle's id, from {@link #cycleId}
     */
    public Recommendation recommend(String cycleId, LocalDate asOf, ItemInput item, List<String> batches) {
        return recommendSafely(cycleId, asOf, item, batches, new long[1], new long[1], 0);
    }

    /** One bad item never stops the cycle: whatever fails becomes a held recommendation, reviewed. */
    private Recommendation recommendSafely(String cycleId, LocalDate asOf, ItemInput item, List<String> batches,
            long[] forecastNanos, long[] policyNanos, int index) {
        try {
            return recommend(cycleId, asOf, item, batches, forecastNanos, policyNanos, index);
        } catch (RuntimeException e) {
            String reason = "no recommendation could be made: " + e.getMessage();
            ForecastSummary none = new ForecastSummary("none", reason, item.observedPeriods(), List.of(), List.of(),
                    List.of(), Double.NaN);
            return new Recommendation(cycleId + "/" + item.item(), cycleId, type.name(), item.item(), type.location(),
                    asOf, 0, Double.NaN, item.inventoryPosition(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
                    List.of(), none, "Hold: order nothing until a person decides, because " + reason + ".",
                    new Lineage(batches, type.version(), "none", java.util.Map.of(), POLICY_VERSION),
                    new CostFigures(type.tradeoff().currency(), Double.NaN, Double.NaN, Double.NaN, Double.NaN),
                    Optional.of(reason), List.of("fallback policy used: " + reason));
        }
    }

    private Recommendation recommend(String cycleId, LocalDate asOf, ItemInput item, List<String> batches,
            long[] forecastNanos, long[] policyNanos, int index) {
        TradeoffSettings declared = type.tradeoff();
        int protection = declared.protectionPeriods();
        Tradeoff tradeoff = tradeoffFor(item.item(), item.attributes());
        long naive = naiveQuantity(item, tradeoff);

        long t0 = System.nanoTime();
        Optional<String> fallback = item.blockedReason().map(r -> "input blocked: " + r);
        Forecast forecast = null;
        if (fallback.isEmpty()) {
            try {
                forecast = forecaster.forecast(Series.of(item.item(), item.history(), type.forecast().seasonalPeriod()),
                        protection, LEVELS);
            } catch (RuntimeException e) {
                fallback = Optional.of("the forecast failed: " + e.getMessage());
            }
        }
        long t1 = System.nanoTime();
        forecastNanos[index] = t1 - t0;

        OrderUpToPolicy policy = new OrderUpToPolicy(tradeoff);
        DemandDistribution demand = forecast != null ? ForecastDemand.total(forecast) : naiveDemand(item, protection);
        OrderDecision decision = policy.decide(demand, item.inventoryPosition(), naive);
        double quantity = decision.quantity();
        ExpectedCost cost = decision.expectedCost();
        String rationale = decision.rationale();
        if (fallback.isPresent()) {
            quantity = type.baseline().fallback() == BaselineSettings.Fallback.HOLD ? 0 : naive;
            cost = Newsvendor.evaluate(demand, item.inventoryPosition() + quantity, tradeoff);
            rationale = String.format(Locale.ROOT, "Fallback policy (%s): order %.0f because %s; the model-free "
                    + "demand estimate is %s.", type.baseline().fallback().name().toLowerCase(Locale.ROOT), quantity,
                    fallback.get(), decision.demand());
        }
        ExpectedCost naiveCost = Newsvendor.evaluate(demand, item.inventoryPosition() + naive, tradeoff);
        policyNanos[index] = System.nanoTime() - t1;

        List<Alternative> alternatives = new ArrayList<>();
        for (keel.core.policy.Alternative a : decision.alternatives()) {
            if (a.quantity() == quantity) continue;
            alternatives.add(alternative(a.label(), a.quantity(), a.cost()));
        }
        if (fallback.isPresent() && decision.quantity() != quantity) {
            alternatives.add(alternative("model-free order-up-to", decision.quantity(), decision.expectedCost()));
        }
        ForecastSummary summary = summary(forecast, item, protection, demand);
        double valueAtStake = Math.abs(naiveCost.total() - cost.total());
        ReviewFacts facts = new ReviewFacts(valueAtStake, quantity, item.lastOrder(), item.observedPeriods(),
                summary.backtestScaledError(), cost.stockoutProbability(), item.warnings(), fallback);
        Lineage lineage = new Lineage(batches, type.version(), forecast == null ? "fallback:" + type.baseline().fallback()
                : forecaster.name() + ":" + forecast.model(), forecast == null ? java.util.Map.of() : forecast.parameters(),
                POLICY_VERSION);
        double orderUpTo = fallback.isPresent() ? naiveTarget(item.history()) : decision.orderUpToLevel();
        return new Recommendation(cycleId + "/" + item.item(), cycleId, type.name(), item.item(), type.location(), asOf,
                quantity, orderUpTo, item.inventoryPosition(), cost.total(),
                cost.stockoutProbability(), cost.expectedLeftover(), cost.expectedShortage(), naive, alternatives,
                summary, rationale, lineage, new CostFigures(type.tradeoff().currency(), tradeoff.unitCost(),
                        tradeoff.holdingCost(), tradeoff.shortageCost(), tradeoff.criticalFractile()),
                fallback, type.review().reasons(facts));
    }

    private static Alternative alternative(String label, double quantity, ExpectedCost c) {
        return new Alternative(label, quantity, c.total(), c.stockoutProbability(), c.expectedLeftover(),
                c.expectedShortage());
    }

    /**
     * The declared tradeoff made concrete for one item (per-item costs from the catalog).
     *
     * @throws IllegalArgumentException when the catalog lacks a value the tradeoff needs
     */
    public Tradeoff tradeoffFor(String item, java.util.Map<String, Double> attributes) {
        TradeoffSettings t = type.tradeoff();
        double unitCost = t.unitCost().valueFor(item, attributes);
        double holding = unitCost * t.holdingCostRate() / type.period().perYear();
        double shortage = t.stockoutCost().isPresent()
                ? t.stockoutCost().get().valueFor(item, attributes)
                : holding * t.serviceLevel().get() / (1 - t.serviceLevel().get());
        return new Tradeoff(unitCost, holding, shortage, t.lostSales() ? UnmetDemand.LOST_SALES : UnmetDemand.BACKORDERS,
                t.leadTime(), t.reviewPeriod(), t.packSize(), t.minimumOrder());
    }

    /** Mean demand per period of the last {@code window} observed periods; NaN when none. */
    double recentMean(double[] h) {
        int window = type.baseline().window();
        double sum = 0;
        int n = 0;
        for (int i = h.length - 1; i >= 0 && n < window; i--) {
            if (Double.isNaN(h[i])) continue;
            sum += h[i];
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * The naive policy: order up to the safety factor times recent mean demand over the protection
     * interval, rounded up to a feasible order.
     */
    long naiveQuantity(ItemInput item, Tradeoff tradeoff) {
        double need = naiveTarget(item.history()) - item.inventoryPosition();
        return need <= 0 ? 0 : tradeoff.feasibleAtOrAbove(need);
    }

    /**
     * The naive policy's order-up-to level: the safety factor times the mean demand of the last
     * {@code window} observed periods, over the protection interval; 0 with no observed demand.
     */
    public double naiveTarget(double[] history) {
        double mean = recentMean(history);
        return Double.isNaN(mean) ? 0 : type.baseline().safetyFactor() * mean * type.tradeoff().protectionPeriods();
    }

    private DemandDistribution naiveDemand(ItemInput item, int protection) {
        double mean = recentMean(item.history());
        return DemandDistribution.poisson(Double.isNaN(mean) ? 0 : mean * protection);
    }

    private static ForecastSummary summary(Forecast f, ItemInput item, int protection, DemandDistribution demand) {
        List<Double> levels = new ArrayList<>();
        List<Double> totals = new ArrayList<>();
        for (double level : LEVELS) {
            levels.add(level);
            totals.add(demand.quantile(level));
        }
        if (f == null) {
            double perPeriod = demand.mean() / protection;
            return new ForecastSummary("fallback", "model-free: recent mean demand, Poisson spread", item.observedPeriods(),
                    java.util.Collections.nCopies(protection, perPeriod), levels, totals, Double.NaN);
        }
        List<Double> means = new ArrayList<>();
        for (double m : f.mean()) means.add(m);
        double scaled = f.parameters().getOrDefault("backtestScaledMae", Double.NaN);
        return new ForecastSummary(f.model(), f.description(), item.observedPeriods(), means, levels, totals,
                Double.isFinite(scaled) ? scaled : Double.NaN);
    }
}
