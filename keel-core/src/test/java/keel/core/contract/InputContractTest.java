package keel.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InputContractTest {

    private static Map<String, Object> salesTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("input", "sales");
        tree.put("owner", "data-team@example.com");
        tree.put("columns", List.of(
                Map.of("name", "item_id", "type", "text"),
                Map.of("name", "date", "type", "date", "required", true),
                new LinkedHashMap<>(Map.of("name", "units", "type", "integer", "required", true, "min", 0)),
                Map.of("name", "price", "type", "decimal", "min", 0.0, "max", 1000),
                Map.of("name", "store_id", "type", "text", "allowed", List.of("ONLINE_UK"))));
        tree.put("key", List.of("item_id", "date"));
        tree.put("references", List.of(Map.of("column", "item_id", "input", "catalog")));
        return tree;
    }

    @Test
    void a_contract_is_built_from_a_yaml_like_tree() {
        Map<String, Object> tree = salesTree();

        InputContract contract = InputContract.fromMap("contracts/sales.yaml", tree);

        assertThat(contract.input()).isEqualTo("sales");
        assertThat(contract.columnNames()).containsExactly("item_id", "date", "units", "price", "store_id");
        assertThat(contract.column("units").orElseThrow().min()).contains(BigDecimal.ZERO);
        assertThat(contract.column("price").orElseThrow().max()).contains(BigDecimal.valueOf(1000));
        assertThat(contract.keyColumns()).containsExactly("item_id", "date");
        assertThat(contract.references()).containsExactly(new ReferenceCheck("item_id", "catalog", "item_id"));
        assertThat(contract.dateFormat()).isEqualTo("%Y-%m-%d");
    }

    @Test
    void key_columns_are_required_even_when_not_declared_so() {
        Map<String, Object> tree = salesTree();

        InputContract contract = InputContract.fromMap("contracts/sales.yaml", tree);

        assertThat(contract.column("item_id").orElseThrow().required()).isTrue();
    }

    @Test
    void an_unknown_type_names_the_file_the_path_and_the_expected_types() {
        Map<String, Object> tree = salesTree();
        tree.put("columns", List.of(Map.of("name", "a", "type", "text"), Map.of("name", "b", "type", "text"),
                Map.of("name", "units", "type", "float")));

        assertThatThrownBy(() -> InputContract.fromMap("contracts/sales.yaml", tree))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("contracts/sales.yaml: columns[2].type was \"float\"; expected one of integer, decimal, text, date");
    }

    @Test
    void a_misspelt_setting_is_named_with_the_settings_allowed() {
        Map<String, Object> tree = salesTree();
        tree.put("columns", List.of(Map.of("name", "units", "type", "integer", "requird", true)));

        assertThatThrownBy(() -> InputContract.fromMap("contracts/sales.yaml", tree))
                .hasMessage("contracts/sales.yaml: columns[0].requird is not a setting; "
                        + "expected one of name, type, required, min, max, allowed, pattern, decimals");
    }

    @Test
    void a_missing_owner_is_named() {
        Map<String, Object> tree = salesTree();
        tree.remove("owner");

        assertThatThrownBy(() -> InputContract.fromMap("contracts/sales.yaml", tree))
                .hasMessage("contracts/sales.yaml: owner is missing; expected a non-empty text");
    }

    @Test
    void a_min_on_a_text_column_is_refused_with_its_path() {
        Map<String, Object> tree = salesTree();
        tree.put("columns", List.of(Map.of("name", "item_id", "type", "text", "min", 3)));

        assertThatThrownBy(() -> InputContract.fromMap("contracts/sales.yaml", tree))
                .hasMessage("contracts/sales.yaml: columns[0]: column item_id: min/max set on a text column; "
                        + "expected them only on integer or decimal columns");
    }

    @Test
    void a_key_column_that_is_not_declared_is_refused() {
        Map<String, Object> tree = salesTree();
        tree.put("key", List.of("item_id", "day"));

        assertThatThrownBy(() -> InputContract.fromMap("contracts/sales.yaml", tree))
                .hasMessage("contracts/sales.yaml: key column day is not a declared column; "
                        + "expected one of item_id, date, units, price, store_id");
    }

    @Test
    void a_non_numeric_min_is_refused() {
        Map<String, Object> tree = salesTree();
        tree.put("columns", List.of(Map.of("name", "units", "type", "integer", "min", "zero")));

        assertThatThrownBy(() -> InputContract.fromMap("contracts/sales.yaml", tree))
                .hasMessage("contracts/sales.yaml: columns[0].min was \"zero\"; expected a number");
    }

    @Test
    void an_empty_column_list_is_refused() {
        Map<String, Object> tree = salesTree();
        tree.put("columns", List.of());

        assertThatThrownBy(() -> InputContract.fromMap("contracts/sales.yaml", tree))
                .hasMessage("contracts/sales.yaml: columns was []; expected a list with at least one entry");
    }
}
