package keel.core.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import keel.core.review.ReviewSettings;

/**
 * A recurring decision, as declared in its YAML file and validated once at load.
 *
 * <p>"No owner, no launch": a decision type in the {@link Stage#PILOT pilot} or {@link Stage#LIVE live}
 * stage must name both an owner (who acts on it) and an accountable person (who answers for it).
 *
 * @param version content hash of the file it was loaded from; every recommendation records it
 */
public record DecisionType(String name, String version, String domain, String description, Stage stage,
        Optional<Person> owner, Optional<Person> accountable, Period period, String location,
        List<InputRef> inputs, ForecastSettings forecast, TradeoffSettings tradeoff, BaselineSettings baseline,
        ReviewSettings review) {

    public DecisionType {
        inputs = List.copyOf(inputs);
        if (stage.executes() && (owner.isEmpty() || accountable.isEmpty())) {
            throw new IllegalArgumentException("decision type " + name + " is in stage " + stage.name().toLowerCase()
                    + " without " + (owner.isEmpty() ? "an owner" : "an accountable person")
                    + "; no owner, no launch: name both, or keep it in shadow");
        }
    }

    /**
     * Reads and validates a decision type from a parsed YAML tree.
     *
     * @param source the file name, used in every error message
     * @param parsed what the YAML parser returned for the file
     * @param version the file's content hash
     * @throws IllegalArgumentException naming the file, the key and what was expected
     */
    public static DecisionType from(String source, Object parsed, String version) {
        ConfigNode root = ConfigNode.root(source, parsed);
        String name = root.string("name", "a decision type name, e.g. replenish-online");
        if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw root.error("name", "was \"" + name + "\"", "lower-case letters, digits and dashes, e.g. replenish-online");
        }
        String domain = root.string("domain", "replenishment");
        if (!domain.equals("replenishment")) {
            throw root.error("domain", "was \"" + domain + "\"", "replenishment (the only domain built so far)");
        }
        String description = root.optionalString("description", "a sentence").orElse("");
        Stage stage = root.choice("stage", Stage.class, "one of shadow, pilot, live, retired");
        Person owner = Person.from(root, "owner");
        Person accountable = Person.from(root, "accountable");
        Period period = root.choice("period", Period.class, "day, week or month");
        String location = root.optionalString("location", "a location id").orElse("ALL");
        List<InputRef> inputs = new ArrayList<>();
        for (ConfigNode in : root.children("inputs", "{name: sales, contract: contracts/sales.yaml}")) {
            inputs.add(new InputRef(in.string("name", "an input name such as sales"),
                    in.optionalString("contract", "a contract file name").orElse("")));
            in.rejectUnknownKeys();
        }
        if (inputs.stream().noneMatch(i -> i.name().equals("sales"))) {
            throw root.error("inputs", "has no input named sales", "a sales input: demand history is what is forecast");
        }
        ForecastSettings forecast = root.optionalChild("forecast", "a mapping")
                .map(ForecastSettings::from).orElse(new ForecastSettings("auto", List.of(), 12, 1));
        ConfigNode policy = root.child("policy", "{kind: order-up-to, tradeoff: {...}}");
        String kind = policy.optionalString("kind", "order-up-to").orElse("order-up-to");
        if (!kind.equals("order-up-to")) throw policy.error("kind", "was \"" + kind + "\"", "order-up-to");
        TradeoffSettings tradeoff = TradeoffSettings.from(policy.child("tradeoff",
                "the declared costs: unitCost, holdingCostRate, stockoutCost or serviceLevel, leadTime, ..."));
        BaselineSettings baseline = BaselineSettings.from(policy);
        policy.rejectUnknownKeys();
        ReviewSettings review = ReviewSettings.from(root.child("review",
                "{rules: [...], reasonCodes: [...], deadline: {hoursAfterAsOf: 48}}"));
        root.rejectUnknownKeys();
        try {
            return new DecisionType(name, version, domain, description, stage, Optional.ofNullable(owner),
                    Optional.ofNullable(accountable), period, location, inputs, forecast, tradeoff, baseline, review);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code person} may act on this decision type's recommendations. */
    public boolean isOwnedBy(String personId) {
        return owner.map(p -> p.id().equals(personId)).orElse(false);
    }
}
