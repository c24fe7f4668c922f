package keel.core.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keel.core.review.OnExpiry;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DecisionTypeTest {

    /** A valid decision type, as a YAML parser would yield it; tests change one thing each. */
    static Map<String, Object> valid() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "replenish-test");
        m.put("domain", "replenishment");
        m.put("stage", "pilot");
        m.put("owner", new LinkedHashMap<>(Map.of("id", "ana", "name", "Ana Lopez")));
        m.put("accountable", new LinkedHashMap<>(Map.of("id", "ben")));
        m.put("period", "week");
        m.put("inputs", new ArrayList<>(List.of(Map.of("name", "sales", "contract", "sales.yaml"))));
        Map<String, Object> tradeoff = new LinkedHashMap<>();
        tradeoff.put("unitCost", 4.2);
        tradeoff.put("holdingCostRate", 0.25);
        tradeoff.put("stockoutCost", 3);
        tradeoff.put("leadTime", 1);
        tradeoff.put("packSize", 6);
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("tradeoff", tradeoff);
        m.put("policy", policy);
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("reasonCodes", new ArrayList<>(List.of("promotion", "other")));
        review.put("rules", new ArrayList<>(List.of(Map.of("rule", "value-at-stake", "above", 20))));
        review.put("deadline", new LinkedHashMap<>(Map.of("hoursAfterAsOf", 48, "onExpiry", "hold")));
        m.put("review", review);
        return m;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> child(Map<String, Object> m, String... path) {
        Map<String, Object> c = m;
        for (String p : path) c = (Map<String, Object>) c.get(p);
        return c;
    }

    @Test
    void a_complete_file_loads_with_its_tradeoff_and_review_settings() {
        DecisionType t = DecisionType.from("test.yaml", valid(), "v1");

        assertThat(t.owner().orElseThrow().name()).isEqualTo("Ana Lopez");
        assertThat(t.tradeoff().protectionPeriods()).isEqualTo(2);
        assertThat(t.tradeoff().packSize()).isEqualTo(6);
        assertThat(t.tradeoff().lostSales()).isTrue();
        assertThat(t.review().onExpiry()).isEqualTo(OnExpiry.HOLD);
        assertThat(t.review().capacityPerCycle()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void a_pilot_without_an_owner_is_refused_no_owner_no_launch() {
        Map<String, Object> m = valid();
        m.remove("owner");

        assertThatThrownBy(() -> DecisionType.from("test.yaml", m, "v1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.yaml").hasMessageContaining("pilot").hasMessageContaining("no owner, no launch");
    }

    @Test
    void a_live_decision_type_without_an_accountable_person_is_refused() {
        Map<String, Object> m = valid();
        m.put("stage", "live");
        m.remove("accountable");

        assertThatThrownBy(() -> DecisionType.from("test.yaml", m, "v1")).hasMessageContaining("accountable");
    }

    @Test
    void a_shadow_decision_type_may_run_without_people() {
        Map<String, Object> m = valid();
        m.put("stage", "shadow");
        m.remove("owner");
        m.remove("accountable");

        assertThat(DecisionType.from("test.yaml", m, "v1").owner()).isEmpty();
    }

    @Test
    void a_misspelt_key_is_named_with_its_path() {
        Map<String, Object> m = valid();
        child(m, "policy", "tradeoff").put("holdingCostRat", 0.2);

        assertThatThrownBy(() -> DecisionType.from("test.yaml", m, "v1"))
                .hasMessageContaining("test.yaml: policy.tradeoff.holdingCostRat is not a known setting");
    }

    @Test
    void a_missing_cost_names_the_file_the_key_and_what_is_expected() {
        Map<String, Object> m = valid();
        child(m, "policy", "tradeoff").remove("holdingCostRate");

        assertThatThrownBy(() -> DecisionType.from("test.yaml", m, "v1"))
                .hasMessage("test.yaml: policy.tradeoff.holdingCostRate is missing; expected a yearly holding cost as a "
                        + "share of unit cost between 0 and 10, e.g. 0.25");
    }

    @Test
    void a_text_where_a_number_belongs_is_refused_with_the_value() {
        Map<String, Object> m = valid();
        child(m, "policy", "tradeoff").put("leadTime", "one week");

        assertThatThrownBy(() -> DecisionType.from("test.yaml", m, "v1"))
                .hasMessageContaining("policy.tradeoff.leadTime was \"one week\"");
    }

    @Test
    void declaring_both_a_stockout_cost_and_a_service_level_is_refused() {
        Map<String, Object> m = valid();
        child(m, "policy", "tradeoff").put("serviceLevel", 0.95);

        assertThatThrownBy(() -> DecisionType.from("test.yaml", m, "v1")).hasMessageContaining("serviceLevel");
    }

    @Test
    void an_unknown_review_rule_lists_the_known_ones() {
        Map<String, Object> m = valid();
        child(m, "review").put("rules", List.of(Map.of("rule", "gut-feeling")));

        assertThatThrownBy(() -> DecisionType.from("test.yaml", m, "v1"))
                .hasMessageContaining("review.rules[0].rule was \"gut-feeling\"").hasMessageContaining("value-at-stake");
    }

    @Test
    void reason_codes_are_required() {
        Map<String, Object> m = valid();
        child(m, "review").remove("reasonCodes");

        assertThatThrownBy(() -> DecisionType.from("test.yaml", m, "v1")).hasMessageContaining("review.reasonCodes");
    }

    @Test
    void an_unknown_selection_loss_is_refused_with_the_choices() {
        Map<String, Object> m = valid();
        m.put("forecast", new LinkedHashMap<>(Map.of("model", "auto", "selection", "mape")));

        assertThatThrownBy(() -> DecisionType.from("test.yaml", m, "v1"))
                .hasMessage("test.yaml: forecast.selection was \"mape\"; expected mae or rmse (of the backtest's "
                        + "protection-interval totals)");
    }

    @Test
    void a_file_that_is_not_a_mapping_is_refused() {
        assertThatThrownBy(() -> DecisionType.from("test.yaml", List.of("a"), "v1"))
                .hasMessageContaining("test.yaml").hasMessageContaining("expected a mapping");
    }
}
