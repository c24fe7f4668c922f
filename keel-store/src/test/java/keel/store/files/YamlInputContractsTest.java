package keel.store.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import keel.core.contract.ColumnType;
import keel.core.contract.InputContract;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class YamlInputContractsTest {

    @Test
    void a_contract_is_read_from_yaml() {
        String yaml = String.join("\n", "input: sales", "owner: data-team", "columns:",
                "  - {name: units, type: integer, required: true, min: 0, max: 1e6}",
                "  - {name: price, type: decimal, min: 0.01}", "key: [units]");

        InputContract contract = YamlInputContracts.parse("contracts/sales.yaml", yaml);

        assertThat(contract.column("units").orElseThrow().type()).isEqualTo(ColumnType.INTEGER);
        assertThat(contract.column("units").orElseThrow().max()).hasValueSatisfying(
                max -> assertThat(max).isEqualByComparingTo(BigDecimal.valueOf(1_000_000)));
        assertThat(contract.column("price").orElseThrow().min()).contains(BigDecimal.valueOf(0.01));
    }

    @Test
    void a_wrong_type_in_yaml_names_the_file_and_the_path() {
        String yaml = String.join("\n", "input: sales", "owner: data-team", "columns:",
                "  - {name: a, type: text}", "  - {name: b, type: text}", "  - {name: units, type: float}");

        assertThatThrownBy(() -> YamlInputContracts.parse("contracts/sales.yaml", yaml))
                .hasMessage("contracts/sales.yaml line 6: columns[2].type was \"float\"; expected one of integer, decimal, text, date");
    }

    @Test
    void the_csv_dialect_is_read_from_yaml_with_the_quote_as_escape_unless_told() {
        String yaml = String.join("\n", "input: sales", "owner: data-team",
                "csv: {delimiter: \"\\t\", quote: \"'\", encoding: ISO-8859-1}", "columns:", "  - {name: units, type: integer}");

        InputContract contract = YamlInputContracts.parse("contracts/sales.yaml", yaml);

        assertThat(contract.csv()).isEqualTo(new keel.core.contract.CsvDialect("\t", "'", "'", "latin-1"));
        assertThat(YamlInputContracts.parse("c.yaml", "input: s\nowner: o\ncolumns:\n  - {name: u, type: text}").csv())
                .isEqualTo(keel.core.contract.CsvDialect.DEFAULT);
    }

    @Test
    void a_mistake_in_the_csv_dialect_names_the_file_line_and_setting() {
        String base = String.join("\n", "input: sales", "owner: data-team", "columns:", "  - {name: units, type: integer}",
                "csv:");

        assertThatThrownBy(() -> YamlInputContracts.parse("contracts/sales.yaml", base + "\n  delimiter: \";;\""))
                .hasMessage("contracts/sales.yaml line 6: csv.delimiter was \";;\"; expected one character other than"
                        + " a line break, e.g. \",\" or \"\\t\"");
        assertThatThrownBy(() -> YamlInputContracts.parse("contracts/sales.yaml", base + "\n  encoding: cp1252"))
                .hasMessage("contracts/sales.yaml line 6: csv.encoding was \"cp1252\"; expected one of utf-8,"
                        + " latin-1 (iso-8859-1), utf-16");
        assertThatThrownBy(() -> YamlInputContracts.parse("contracts/sales.yaml", base + "\n  separator: \";\""))
                .hasMessage("contracts/sales.yaml line 6: csv.separator is not a setting; expected one of delimiter,"
                        + " quote, escape, encoding");
        assertThatThrownBy(() -> YamlInputContracts.parse("contracts/sales.yaml", base + "\n  delimiter: 5"))
                .hasMessageContaining("csv.delimiter was 5; expected a text in quotes");
    }

    @Test
    void text_that_is_not_yaml_is_refused_with_the_file_named() {
        assertThatThrownBy(() -> YamlInputContracts.parse("contracts/sales.yaml", "input: [unclosed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("contracts/sales.yaml: line ").hasMessageEndingWith("; expected valid YAML");
    }

    @Test
    void a_mistake_in_a_dataset_check_names_its_line() {
        String yaml = String.join("\n", "input: sales", "owner: data-team", "columns:",
                "  - {name: units, type: integer}", "checks:", "  - check: volume", "    severity: block",
                "  - check: drift", "    column: units", "    method: psi", "    threshold: high", "    severity: warn");

        assertThatThrownBy(() -> YamlInputContracts.parse("contracts/sales.yaml", yaml))
                .hasMessage("contracts/sales.yaml line 11: checks[1].threshold was \"high\"; expected a number");
    }

    @Test
    void a_yaml_list_is_not_a_contract() {
        assertThatThrownBy(() -> YamlInputContracts.parse("contracts/sales.yaml", "- a\n- b"))
                .hasMessage("contracts/sales.yaml: holds a list; expected a map of settings with input, owner and columns");
    }

    @Test
    void a_column_name_starting_with_keel_is_refused_at_ingest() {
        String yaml = String.join("\n", "input: sales", "owner: data-team", "columns:", "  - {name: keel_row, type: text}");
        InputContract contract = YamlInputContracts.parse("contracts/sales.yaml", yaml);

        assertThatThrownBy(() -> new CheckQuery(contract, "raw"))
                .hasMessage("contract sales: column keel_row starts with keel_; expected another name (keel_ is reserved)");
    }
}
