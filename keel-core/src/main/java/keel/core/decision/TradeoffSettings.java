package keel.core.decision;

import java.util.Optional;

/**
 * The declared costs and constraints an order-up-to policy trades off, as written in the decision
 * type. Per-item money values may come from the catalog.
 *
 * @param currency ISO code used in every money figure shown
 * @param unitCost purchase cost of one unit
 * @param holdingCostRate cost of holding one unit for a year, as a share of its unit cost (0.25 = 25 %/year)
 * @param stockoutCost cost of one unit of demand not met (lost margin plus goodwill); empty when a
 *     service level is declared instead
 * @param serviceLevel target cycle service level in (0, 1); empty when a stockout cost is declared
 * @param lostSales true when unmet demand is lost (retail), false when it is backordered
 * @param leadTime periods from order to arrival
 * @param reviewPeriod periods between orders
 * @param packSize orders are whole multiples of this
 * @param minimumOrder a non-zero order is at least this many units
 */
public record TradeoffSettings(String currency, PerItemValue unitCost, double holdingCostRate,
        Optional<PerItemValue> stockoutCost, Optional<Double> serviceLevel, boolean lostSales,
        int leadTime, int reviewPeriod, int packSize, int minimumOrder) {

    public TradeoffSettings {
        if (stockoutCost.isPresent() == serviceLevel.isPresent()) {
            throw new IllegalArgumentException("declare exactly one of stockoutCost and serviceLevel");
        }
    }

    static TradeoffSettings from(ConfigNode t) {
        String currency = t.optionalString("currency", "an ISO currency code, e.g. GBP").orElse("EUR");
        PerItemValue unitCost = PerItemValue.from(t, "unitCost",
                "a cost per unit >= 0, e.g. 4.20, or {catalogColumn: unit_price, factor: 0.6}");
        double holding = t.number("holdingCostRate", 0, 10,
                "a yearly holding cost as a share of unit cost between 0 and 10, e.g. 0.25");
        Optional<PerItemValue> stockout = t.has("stockoutCost")
                ? Optional.of(PerItemValue.from(t, "stockoutCost",
                        "a cost per unit of unmet demand >= 0, or {catalogColumn: unit_price, factor: 0.4}"))
                : Optional.empty();
        Optional<Double> service = t.has("serviceLevel")
                ? Optional.of(t.number("serviceLevel", 0.5, 0.9999, "a cycle service level between 0.5 and 0.9999"))
                : Optional.empty();
        if (stockout.isEmpty() && service.isEmpty()) {
            throw t.error("stockoutCost", "is missing (and so is serviceLevel)",
                    "a stockout cost per unit, or a target serviceLevel such as 0.95");
        }
        if (stockout.isPresent() && service.isPresent()) {
            throw t.error("serviceLevel", "was given together with stockoutCost",
                    "only one of them: the stockout cost implies the service level");
        }
        String unmet = t.optionalString("unmetDemand", "lost or backordered").orElse("lost");
        if (!unmet.equals("lost") && !unmet.equals("backordered")) {
            throw t.error("unmetDemand", "was \"" + unmet + "\"", "lost or backordered");
        }
        int lead = t.integer("leadTime", 0, 520, "whole periods from order to arrival, 0 or more");
        int review = t.optionalInteger("reviewPeriod", 1, 1, 520, "whole periods between orders, 1 or more");
        int pack = t.optionalInteger("packSize", 1, 1, 1_000_000, "a whole number of units >= 1");
        int moq = t.optionalInteger("minimumOrder", 0, 0, 1_000_000, "a whole number of units >= 0");
        t.rejectUnknownKeys();
        return new TradeoffSettings(currency, unitCost, holding, stockout, service, unmet.equals("lost"),
                lead, review, pack, moq);
    }

    /** Periods of demand one order must cover: review period plus lead time. */
    public int protectionPeriods() {
        return reviewPeriod + leadTime;
    }
}
