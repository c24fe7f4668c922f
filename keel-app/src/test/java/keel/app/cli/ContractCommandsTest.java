package keel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract and quarantine commands through the real command line, with their exit codes. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ContractCommandsTest {
    private static final String TYPE = "replenish-carparts";

    @TempDir
    Path home;

    private String out;
    private String err;

    private int keel(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(home.toString());
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            return KeelCommand.commandLine().execute(all.toArray(String[]::new));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    private void carpartsHome(String salesChecks) throws IOException {
        Files.createDirectories(home.resolve("decision-types"));
        Files.createDirectories(home.resolve("contracts"));
        for (String name : List.of("decision-types/replenish-carparts.yaml", "contracts/parts-catalog.yaml",
                "contracts/parts-inventory.yaml", "contracts/parts-sales.yaml")) {
            try (InputStream in = getClass().getResourceAsStream("/keel/demo/home/" + name)) {
                Files.copy(in, home.resolve(name));
            }
        }
        String sales = Files.readString(home.resolve("contracts/parts-sales.yaml"));
        Files.writeString(home.resolve("contracts/parts-sales.yaml"),
                sales.substring(0, sales.indexOf("checks:")) + salesChecks);
    }

    private Path file(String name, String... lines) throws IOException {
        return Files.writeString(home.resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    void quarantined_rows_are_listed_shown_exported_and_resubmitted() throws Exception {
        carpartsHome("");
        keel("ingest", file("catalog.csv", "item_id", "A", "B").toString(), "--as", "catalog", "--decision-type", TYPE);
        keel("ingest", file("sales.csv", "item_id,date,units", "A,2024-05-01,3", "B,2024-05-01,-3").toString(),
                "--as", "sales", "--decision-type", TYPE);

        int listed = keel("quarantine", "list");
        String list = out;
        String hash = list.substring(0, 12);
        int shown = keel("quarantine", "show", hash, "--export", home.resolve("fix.csv").toString());
        String show = out;
        Files.writeString(home.resolve("fix.csv"), Files.readString(home.resolve("fix.csv")).replace("-3", "3"));
        int resubmitted = keel("quarantine", "resubmit", home.resolve("fix.csv").toString(), "--batch", hash,
                "--decision-type", TYPE);

        assertThat(listed).isZero();
        assertThat(list).contains("parts-sales").contains("sales.csv").contains("1 of 2 rows quarantined");
        assertThat(shown).isZero();
        assertThat(show).contains("sales.csv row 2: units was \"-3\"; expected a whole number >= 0 [min]");
        assertThat(resubmitted).isZero();
        assertThat(out).contains("1 rows read, 1 accepted, 0 quarantined again");
        assertThat(keel("verify")).as("ledger of a home written through the command line").isZero();
    }

    @Test
    void a_contract_declaring_semicolons_in_latin_1_reads_exports_and_takes_back_its_rows_in_that_dialect()
            throws Exception {
        carpartsHome("");
        Path contract = home.resolve("contracts/parts-sales.yaml");
        Files.writeString(contract, Files.readString(contract).replace("columns:",
                "csv: {delimiter: \";\", encoding: latin-1}\ncolumns:"));
        keel("ingest", file("catalog.csv", "item_id", "A", "B").toString(), "--as", "catalog", "--decision-type", TYPE);
        Path sales = Files.writeString(home.resolve("sales.csv"), "item_id;date;units\nA;2024-05-01;3\nB;2024-05-01;dr\u00e9\n",
                StandardCharsets.ISO_8859_1);

        int ingested = keel("ingest", sales.toString(), "--as", "sales", "--decision-type", TYPE);
        String ingest = out;
        keel("quarantine", "list");
        String hash = out.substring(0, 12);
        int shown = keel("quarantine", "show", hash, "--export", home.resolve("fix.csv").toString());
        String show = out;
        String exported = Files.readString(home.resolve("fix.csv"), StandardCharsets.ISO_8859_1);
        Files.writeString(home.resolve("fix.csv"), exported.replace("dr\u00e9", "4"), StandardCharsets.ISO_8859_1);
        int resubmitted = keel("quarantine", "resubmit", home.resolve("fix.csv").toString(), "--batch", hash,
                "--decision-type", TYPE);

        assertThat(ingested).isZero();
        assertThat(ingest).contains("2 rows read, 1 accepted, 1 quarantined");
        assertThat(shown).isZero();
        assertThat(show).contains("sales.csv row 2: units was \"dr\u00e9\"");
        assertThat(exported).startsWith("item_id;date;units").contains("B;2024-05-01;dr\u00e9");
        assertThat(resubmitted).isZero();
        assertThat(out).contains("1 rows read, 1 accepted, 0 quarantined again");
    }

    @Test
    void a_dry_run_of_a_blocked_file_exits_3_with_one_line_and_stores_nothing() throws Exception {
        carpartsHome("checks:\n  - {check: freshness, column: date, maxAgeDays: 7, severity: block}\n");
        keel("ingest", file("catalog.csv", "item_id", "A").toString(), "--as", "catalog", "--decision-type", TYPE);
        Path stale = file("stale.csv", "item_id,date,units", "A,2024-01-01,3");

        int checked = keel("contract", "check", stale.toString(), "--as", "sales", "--decision-type", TYPE,
                "--as-of", "2024-03-01");
        String checkErr = err;
        int listed = keel("quarantine", "list");

        assertThat(checked).isEqualTo(3);
        assertThat(checkErr.strip()).doesNotContain("\n").startsWith("blocked: stale.csv: contract parts-sales failed "
                + "freshness(date) (block): latest date is 2024-01-01, 60 days before 2024-03-01; expected at most 7 days");
        assertThat(listed).isZero();
        assertThat(out).contains("no quarantined rows");
        assertThat(keel("contract", "report", "--as", "sales", "--decision-type", TYPE)).isZero();
        assertThat(out).contains("contract parts-sales (data owner dealer-systems@dealer.example): 1 checks, last 0 batches");
    }

    @Test
    void a_contract_mistake_names_the_file_line_and_key_and_exits_2() throws Exception {
        carpartsHome("checks:\n  - {check: drift, column: units, method: ks, threshold: 0.1, severity: warn}\n");

        int code = keel("contract", "report", "--as", "sales", "--decision-type", TYPE);

        assertThat(code).isEqualTo(2);
        assertThat(err).contains("contracts/parts-sales.yaml line 11: checks[0].method was \"ks\"; expected one of psi,");
    }
}
