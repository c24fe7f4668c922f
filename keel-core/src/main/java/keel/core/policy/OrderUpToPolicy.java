package keel.core.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Periodic review order-up-to policy (R, S) with lead time L (DECISIONS §2; Silver, Pyke &amp; Thomas,
 * <i>Inventory and Production Management in Supply Chains</i>, 4th ed. 2017, ch. 6).
 *
 * <p>At a review with inventory position {@code IP} the unconstrained order is {@code max(0, S* − IP)} with
 * {@code S*} the newsvendor level on demand over the protection interval {@code R + L}. Pack size and
 * minimum order are never applied by blind rounding: the feasible quantities just below and above the
 * unconstrained order, and 0, are each costed at {@code g(IP + Q)} and the cheapest wins (g is convex in
 * {@code Q}, so these suffice). The rejected quantities are returned with their costs.
 *
 * <p>The expected cost is exact for backorders. Under {@link UnmetDemand#LOST_SALES} the same formula is used
 * as the starting point; tuning {@code S} by simulation (DECISIONS §2) is the caller's choice.
 * Instances are immutable and thread-safe.
 */
public final class OrderUpToPolicy {
    private final Tradeoff tradeoff;
    private final String period;
    private final String currency;

    /** A policy whose rationale speaks of "periods" and plain money amounts. */
    public OrderUpToPolicy(Tradeoff tradeoff) {
        this(tradeoff, "period", "");
    }

    private OrderUpToPolicy(Tradeoff tradeoff, String period, String currency) {
        if (tradeoff == null) throw new IllegalArgumentException("order-up-to policy: tradeoff is missing");
        if (period == null || period.isBlank() || currency == null) {
            throw new IllegalArgumentException("order-up-to policy: period name was '" + period + "' and currency '"
                    + currency + "'; expected a period name such as \"week\" and a currency symbol, possibly empty");
        }
        this.tradeoff = tradeoff;
        this.period = period;
        this.currency = currency;
    }

    /**
     * The same policy, its rationale naming the decision type's base period (e.g. {@code "week"}; plural by
     * adding "s") and prefixing money amounts with {@code currency} (e.g. {@code "£"}).
     */
    public OrderUpToPolicy withWording(String periodName, String currencySymbol) {
        return new OrderUpToPolicy(tradeoff, periodName, currencySymbol);
    }

    public Tradeoff tradeoff() { return tradeoff; }

    /**
     * The recommendation at one review.
     *
     * @param demandOverProtection distribution of total demand over the next {@code R + L} periods
     * @param inventoryPosition    on hand + pipeline − backorders, units (may be negative under backorders)
     */
    public OrderDecision decide(DemandDistribution demandOverProtection, double inventoryPosition) {
        return decide(demandOverProtection, inventoryPosition, OptionalLong.empty());
    }

    /**
     * As {@link #decide(DemandDistribution, double)}, also costing the naive policy's quantity, listed as
     * alternative {@code "naive"} unless it equals the recommendation.
     */
    public OrderDecision decide(DemandDistribution demandOverProtection, double inventoryPosition, long naiveQuantity) {
        return decide(demandOverProtection, inventoryPosition, OptionalLong.of(naiveQuantity));
    }

    private OrderDecision decide(DemandDistribution demand, double ip, OptionalLong naive) {
        if (!Double.isFinite(ip)) {
            throw new IllegalArgumentException("order-up-to policy: inventory position was " + ip + "; expected a finite number");
        }
        double alpha = tradeoff.criticalFractile();
        double level = demand.quantile(alpha);
        double target = Math.max(0, level - ip);
        long below = tradeoff.feasibleAtOrBelow(target);
        long above = tradeoff.feasibleAtOrAbove(target);
        Candidate chosen = cheapest(List.of(candidate(demand, ip, "order nothing", 0),
                candidate(demand, ip, "nearest feasible below", below), candidate(demand, ip, "nearest feasible above", above)));
        List<Alternative> rejected = alternatives(demand, ip, chosen, below, above, naive);
        String rationale = rationale(demand, ip, level, chosen, rejected);
        return new OrderDecision(chosen.quantity, level, ip, alpha, chosen.cost, rejected, demand.description(),
                rationale);
    }

    private record Candidate(String label, long quantity, ExpectedCost cost) {}

    private Candidate candidate(DemandDistribution demand, double ip, String label, long quantity) {
        return new Candidate(label, quantity, Newsvendor.evaluate(demand, ip + quantity, tradeoff));
    }

    private static Candidate cheapest(List<Candidate> candidates) {
        Candidate best = candidates.get(0);
        for (Candidate c : candidates) {
            double diff = c.cost.total() - best.cost.total();
            if (diff < -1e-12 || (Math.abs(diff) <= 1e-12 && c.quantity < best.quantity)) best = c;
        }
        return best;
    }

    private List<Alternative> alternatives(DemandDistribution demand, double ip, Candidate chosen, long below,
            long above, OptionalLong naive) {
        long pack = tradeoff.packSize();
        List<Candidate> structural = new ArrayList<>();
        structural.add(candidate(demand, ip, "order nothing", 0));
        if (chosen.quantity - pack >= tradeoff.smallestPositiveOrder()) {
            structural.add(candidate(demand, ip, "one pack less", chosen.quantity - pack));
        }
        long more = chosen.quantity == 0 ? tradeoff.smallestPositiveOrder() : chosen.quantity + pack;
        structural.add(candidate(demand, ip, chosen.quantity == 0 ? "smallest order" : "one pack more", more));
        structural.add(candidate(demand, ip, "nearest feasible below", below));
        structural.add(candidate(demand, ip, "nearest feasible above", above));
        List<Alternative> out = new ArrayList<>();
        List<Long> seen = new ArrayList<>(List.of(chosen.quantity));
        for (Candidate c : structural) {
            if (seen.contains(c.quantity)) continue;
            seen.add(c.quantity);
            out.add(new Alternative(c.label, c.quantity, c.cost, c.cost.total() - chosen.cost.total(), true));
        }
        if (naive.isPresent() && naive.getAsLong() != chosen.quantity) {
            long q = naive.getAsLong();
            if (q < 0) throw new IllegalArgumentException("order-up-to policy: naive quantity was " + q + "; expected >= 0");
            ExpectedCost cost = Newsvendor.evaluate(demand, ip + q, tradeoff);
            out.add(new Alternative("naive", q, cost, cost.total() - chosen.cost.total(), tradeoff.isFeasible(q)));
        }
        out.sort(Comparator.comparingDouble(Alternative::extraCost));
        return out;
    }

    private String rationale(DemandDistribution demand, double ip, double level, Candidate chosen,
            List<Alternative> rejected) {
        String fractile = String.format(Locale.ROOT,
                "at a %s%% critical fractile (shortage cost %s%s vs holding %s%s per unit)",
                number(100 * tradeoff.criticalFractile()), currency, number(tradeoff.shortageCost()), currency,
                number(tradeoff.holdingCost()));
        String cover = String.format(Locale.ROOT, "%d %s%s of demand (mean %s)", tradeoff.protectionInterval(),
                period, tradeoff.protectionInterval() == 1 ? "" : "s", number(demand.mean()));
        String head;
        if (chosen.quantity > 0) {
            head = String.format(Locale.ROOT, "Order %d%s: brings stock to %s against an order-up-to level of %s, "
                    + "covering %s %s", chosen.quantity, packs(chosen.quantity), number(ip + chosen.quantity),
                    number(level), cover, fractile);
        } else {
            String why = level - ip <= 0 ? "already reaches" : "is close enough to";
            head = String.format(Locale.ROOT, "Order nothing: stock of %s %s the order-up-to level of %s for %s %s",
                    number(ip), why, number(level), cover, fractile);
        }
        return head + closest(chosen, rejected) + zeroDemand(demand) + ".";
    }

    private String closest(Candidate chosen, List<Alternative> rejected) {
        return rejected.stream().filter(Alternative::feasible).findFirst().map(a -> {
            double shortage = a.cost().shortageCost() - chosen.cost.shortageCost();
            double holding = a.cost().holdingCost() - chosen.cost.holdingCost();
            String part = shortage >= holding ? "expected stockouts" : "expected leftover stock";
            return String.format(Locale.ROOT, "; ordering %d would cost %s%.2f more, mostly in %s", a.quantity(),
                    currency, a.extraCost(), part);
        }).orElse("");
    }

    /** Slow movers: say how likely no demand at all is (DECISIONS §3). */
    private static String zeroDemand(DemandDistribution demand) {
        double zero = demand.isDiscrete() ? demand.cdf(0) : 0;
        if (zero < 0.05) return "";
        return String.format(Locale.ROOT, "; no demand at all is %.0f%% likely (%s)", 100 * zero, demand.description());
    }

    private String packs(long quantity) {
        if (tradeoff.packSize() == 1) return "";
        long n = quantity / tradeoff.packSize();
        return String.format(Locale.ROOT, " (%d pack%s of %d)", n, n == 1 ? "" : "s", tradeoff.packSize());
    }

    private static String number(double x) {
        if (Math.abs(x - Math.rint(x)) < 1e-9) return String.format(Locale.ROOT, "%d", (long) Math.rint(x));
        return String.format(Locale.ROOT, Math.abs(x) >= 100 ? "%.0f" : "%.1f", x);
    }
}
