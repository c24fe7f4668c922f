package keel.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ContractChecksYamlTest {

    private static Map<String, Object> tree(List<Map<String, Object>> checks) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("input", "sales");
        tree.put("owner", "data-team@example.com");
        tree.put("columns", List.of(
                Map.of("name", "item_id", "type", "text", "pattern", "[A-Z]+"),
                Map.of("name", "date", "type", "date"),
                Map.of("name", "price", "type", "decimal", "decimals", 2)));
        tree.put("checks", checks);
        return tree;
    }

    @Test
    void dataset_checks_patterns_and_precision_are_read_from_the_contract() {
        Map<String, Object> tree = tree(List.of(
                Map.of("check", "volume", "severity", "block", "window", 6, "k", 3),
                Map.of("check", "freshness", "column", "date", "maxAgeDays", 2, "severity", "warn"),
                Map.of("check", "drift", "column", "price", "method", "psi", "threshold", 0.25, "severity", "warn")));

        InputContract contract = InputContract.fromMap("contracts/sales.yaml", tree);

        assertThat(contract.checks()).containsExactly(new DatasetCheck.Volume(6, 3, Severity.BLOCK),
                new DatasetCheck.Freshness("date", 2, Severity.WARN),
                new DatasetCheck.Distribution("price", DriftMethod.PSI, 0.25, 4, Severity.WARN));
        assertThat(contract.column("item_id").orElseThrow().pattern()).contains("[A-Z]+");
        assertThat(contract.column("price").orElseThrow().decimals()).contains(2);
    }

    @Test
    void a_mistake_names_the_file_the_line_and_the_key() {
        Map<String, Object> tree = tree(List.of(Map.of("check", "drift", "column", "price", "method", "ks",
                "threshold", 0.2, "severity", "warn")));
        KeyLines lines = path -> path.equals("checks[0].method") ? OptionalInt.of(12) : OptionalInt.empty();

        assertThatThrownBy(() -> InputContract.fromMap("contracts/sales.yaml", tree, lines))
                .hasMessage("contracts/sales.yaml line 12: checks[0].method was \"ks\"; expected one of psi, "
                        + "wasserstein, jensen-shannon, chi-square");
    }

    @Test
    void a_drift_check_of_categories_on_a_number_column_is_refused() {
        Map<String, Object> tree = tree(List.of(Map.of("check", "drift", "column", "price", "method",
                "jensen-shannon", "threshold", 0.2, "severity", "warn")));

        assertThatThrownBy(() -> InputContract.fromMap("contracts/sales.yaml", tree))
                .hasMessage("contracts/sales.yaml: checks[0]: check drift(price) needs a text column; price is decimal");
    }

    @Test
    void a_check_without_severity_is_refused() {
        Map<String, Object> tree = tree(List.of(Map.of("check", "volume")));

        assertThatThrownBy(() -> InputContract.fromMap("contracts/sales.yaml", tree))
                .hasMessage("contracts/sales.yaml: checks[0].severity is missing; expected a non-empty text");
    }
}
