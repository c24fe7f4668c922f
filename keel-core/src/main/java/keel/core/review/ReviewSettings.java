package keel.core.review;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import keel.core.decision.ConfigNode;

/**
 * How a decision type is reviewed: the rules that make exceptions, the reason codes an override
 * must carry, how many exceptions owners can clear per cycle, and the deadline.
 *
 * @param capacityPerCycle at most this many exceptions go to people per cycle, most valuable first;
 *     the rest are approved automatically with a note
 * @param deadline time after the cycle's as-of instant by which reviews must be done
 */
public record ReviewSettings(List<ReviewRule> rules, List<String> reasonCodes, int capacityPerCycle,
        Duration deadline, OnExpiry onExpiry) {

    public ReviewSettings {
        rules = List.copyOf(rules);
        reasonCodes = List.copyOf(reasonCodes);
        if (reasonCodes.isEmpty()) throw new IllegalArgumentException("no reason codes; expected at least one");
    }

    public static ReviewSettings from(ConfigNode r) {
        List<ReviewRule> rules = new ArrayList<>();
        for (ConfigNode rule : r.children("rules", "a rule such as {rule: value-at-stake, above: 50}")) {
            rules.add(rule(rule));
        }
        List<String> codes = r.strings("reasonCodes", "a list of reason codes, e.g. [promotion, local-knowledge]");
        if (codes.isEmpty()) {
            throw r.error("reasonCodes", "is missing or empty",
                    "the reason codes an override must carry, e.g. [promotion, supplier-issue, local-knowledge]");
        }
        int capacity = r.optionalInteger("capacityPerCycle", Integer.MAX_VALUE, 0, Integer.MAX_VALUE,
                "the number of exceptions owners can clear per cycle");
        ConfigNode d = r.child("deadline", "{hoursAfterAsOf: 48, onExpiry: accept}");
        int hours = d.integer("hoursAfterAsOf", 1, 24 * 366, "whole hours after the cycle's as-of time, 1 or more");
        OnExpiry onExpiry = d.has("onExpiry")
                ? d.choice("onExpiry", OnExpiry.class, "accept, fallback or hold") : OnExpiry.ACCEPT;
        d.rejectUnknownKeys();
        r.rejectUnknownKeys();
        return new ReviewSettings(rules, codes, capacity, Duration.ofHours(hours), onExpiry);
    }

    private static ReviewRule rule(ConfigNode n) {
        String name = n.string("rule", "a rule name: value-at-stake, change-vs-last-order, new-item, "
                + "uncertainty, stockout-risk, data-warnings, fallback-used");
        ReviewRule rule = switch (name) {
            case "value-at-stake" -> new ReviewRule.ValueAtStake(n.number("above", 0, 1e12, "money >= 0"));
            case "change-vs-last-order" -> new ReviewRule.ChangeVsLastOrder(
                    n.number("above", 0, 100, "a share of the last order, e.g. 0.5"),
                    n.optionalNumber("minUnits", 0, 0, 1e12, "units >= 0"));
            case "new-item" -> new ReviewRule.NewItem(n.integer("historyBelow", 1, 10_000, "periods >= 1"));
            case "uncertainty" -> new ReviewRule.Uncertainty(
                    n.number("scaledErrorAbove", 0, 100, "a share of mean demand, e.g. 1.0"));
            case "stockout-risk" -> new ReviewRule.StockoutRisk(n.number("above", 0, 1, "a probability in [0, 1]"));
            case "data-warnings" -> new ReviewRule.DataWarnings();
            case "fallback-used" -> new ReviewRule.FallbackUsed();
            default -> throw n.error("rule", "was \"" + name + "\"", "one of value-at-stake, change-vs-last-order, "
                    + "new-item, uncertainty, stockout-risk, data-warnings, fallback-used");
        };
        n.rejectUnknownKeys();
        return rule;
    }

    /**
     * Every reason the rules give for reviewing; empty means touchless. A fallback always needs a
     * person, whether or not the decision type lists the fallback-used rule.
     */
    public List<String> reasons(ReviewFacts facts) {
        List<String> out = new ArrayList<>();
        new ReviewRule.FallbackUsed().reason(facts).ifPresent(out::add);
        for (ReviewRule rule : rules) {
            if (!(rule instanceof ReviewRule.FallbackUsed)) rule.reason(facts).ifPresent(out::add);
        }
        return out;
    }

    public boolean knowsReasonCode(String code) {
        return reasonCodes.contains(code);
    }
}
