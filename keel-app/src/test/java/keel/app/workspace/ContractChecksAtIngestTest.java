package keel.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import keel.core.contract.BatchStatus;
import keel.core.contract.RowCounts;
import keel.core.cycle.ItemInput;
import keel.store.jdbc.StoreConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ContractChecksAtIngestTest {
    private static final String TYPE = "replenish-carparts";
    private static final String SALES_CONTRACT = String.join("\n",
            "input: parts-sales",
            "owner: dealer-systems@dealer.example",
            "columns:",
            "  - {name: item_id, type: text, required: true}",
            "  - {name: date, type: date, required: true}",
            "  - {name: units, type: integer, required: true, min: 0}",
            "key: [item_id, date]",
            "references:",
            "  - {column: item_id, input: catalog, key: item_id}",
            "checks:",
            "  - {check: volume, window: 8, k: 4, severity: block}",
            "  - {check: freshness, column: date, maxAgeDays: 60, severity: warn}",
            "  - {check: drift, column: units, method: psi, threshold: 0.25, window: 4, severity: warn}",
            "");

    @TempDir
    Path home;

    private final Random random = new Random(4);
    private final Clock clock = new Ticking(Instant.parse("2024-06-01T06:00:00Z"));

    /** A clock a second later at each reading, so batches have an order in time. */
    private static final class Ticking extends Clock {
        private Instant now;

        Ticking(Instant start) {
            now = start;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @BeforeEach
    void a_home_with_the_carparts_decision_type_and_a_sales_contract_with_dataset_checks() throws IOException {
        Files.createDirectories(home.resolve("decision-types"));
        Files.createDirectories(home.resolve("contracts"));
        copy("decision-types/replenish-carparts.yaml");
        copy("contracts/parts-catalog.yaml");
        copy("contracts/parts-inventory.yaml");
        Files.writeString(home.resolve("contracts/parts-sales.yaml"), SALES_CONTRACT);
    }

    private void copy(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/keel/demo/home/" + name)) {
            Files.copy(in, home.resolve(name));
        }
    }

    private Workspace open() {
        return Workspace.open(home, StoreConfig.embedded(home.resolve("store")), clock);
    }

    private Path catalog() throws IOException {
        return Files.writeString(home.resolve("catalog.csv"), "item_id\nA\nB\nC\nD\nE\n", StandardCharsets.UTF_8);
    }

    /** A month of daily sales of items A to E, units between {@code low} and {@code low + 20}. */
    private Path sales(int month, int days, int low) throws IOException {
        List<String> lines = new ArrayList<>(List.of("item_id,date,units"));
        for (String item : List.of("A", "B", "C", "D", "E")) {
            for (int d = 1; d <= days; d++) {
                lines.add(item + "," + LocalDate.of(2024, month, d) + "," + (low + random.nextInt(21)));
            }
        }
        return Files.write(home.resolve("sales-" + month + "-" + days + "-" + low + ".csv"), lines);
    }

    private void history(Workspace ws) throws IOException {
        ws.ingest(catalog(), "catalog", TYPE);
        for (int month = 1; month <= 4; month++) {
            assertThat(ws.ingest(sales(month, 20, 0), "sales", TYPE).batch().isBlocked()).isFalse();
        }
    }

    @Test
    void a_batch_far_below_the_usual_volume_is_blocked_naming_the_data_owner_and_the_decision_owner() throws Exception {
        try (Workspace ws = open()) {
            history(ws);

            Workspace.Ingested thin = ws.ingest(sales(5, 1, 0), "sales", TYPE);

            assertThat(thin.batch().status()).isEqualTo(BatchStatus.BLOCKED);
            assertThat(thin.batch().blockedReason().orElseThrow())
                    .startsWith("sales-5-1-0.csv: contract parts-sales failed volume (block): 5 rows; expected 96 to 104 (median 100 ± 4 × MAD 1.0 over the last 4 batches)")
                    .endsWith("data owner dealer-systems@dealer.example, decision owner Sam Okafor (sam)")
                    .doesNotContain("\n");
            assertThat(ws.store().batch(thin.batch().contentHash()).orElseThrow().status()).isEqualTo(BatchStatus.BLOCKED);
            assertThat(ws.contractMetrics().metrics(thin.batch().contentHash()).rows()).contains(5.0);
            assertThat(thin.batch().rows()).isEqualTo(new RowCounts(5, 5, 0));
            assertThat(ws.store().batch(thin.batch().contentHash()).orElseThrow().rowsRead()).isEqualTo(5);
        }
    }

    @Test
    void a_drifted_batch_is_accepted_and_its_warning_travels_with_every_item() throws Exception {
        try (Workspace ws = open()) {
            history(ws);

            Workspace.Ingested drifted = ws.ingest(sales(5, 20, 100), "sales", TYPE);
            List<ItemInput> items = ws.gather(ws.decisionType(TYPE), LocalDate.of(2024, 6, 1)).items();

            assertThat(drifted.batch().isBlocked()).isFalse();
            assertThat(drifted.checks()).anySatisfy(c -> {
                assertThat(c.check()).isEqualTo("drift(units)");
                assertThat(c.warns()).isTrue();
            });
            assertThat(items).isNotEmpty().allSatisfy(i -> assertThat(i.warnings())
                    .anySatisfy(w -> assertThat(w).startsWith("contract warning on sales-5-20-100.csv: drift(units) (warn): psi units")));
            assertThat(ws.contractMetrics().metrics(drifted.batch().contentHash()).value("units", "drift_psi")).isPresent();
        }
    }

    @Test
    void a_dry_run_stores_nothing_and_gives_the_same_verdict() throws Exception {
        try (Workspace ws = open()) {
            history(ws);
            Map<String, Long> before = ws.store().counts();
            List<Path> files = files(home.resolve("batches"));

            Workspace.Ingested dry = ws.check(sales(5, 1, 0), "sales", TYPE, LocalDate.of(2024, 6, 1),
                    Workspace.Progress.NONE);

            assertThat(dry.batch().isBlocked()).isTrue();
            assertThat(ws.store().counts()).isEqualTo(before);
            assertThat(files(home.resolve("batches"))).isEqualTo(files);
        }
    }

    @Test
    void corrected_quarantined_rows_become_a_new_batch_linked_to_the_original() throws Exception {
        try (Workspace ws = open()) {
            ws.ingest(catalog(), "catalog", TYPE);
            Path damaged = Files.writeString(home.resolve("damaged.csv"),
                    "item_id,date,units\nA,2024-05-01,3\nB,2024-05-01,-3\nC,2024-05-01,three\n");
            String original = ws.ingest(damaged, "sales", TYPE).batch().contentHash();
            Path corrected = Files.writeString(home.resolve("corrected.csv"),
                    "item_id,date,units\nB,2024-05-01,3\nC,2024-05-01,tree\n");
            LocalDate asOf = LocalDate.of(2024, 6, 1);
            assertThat(ws.history(TYPE, asOf).items()).as("B's only period is unknown").doesNotContain("B");

            Workspace.Ingested again = ws.resubmit(corrected, original.substring(0, 10), TYPE);

            assertThat(ws.history(TYPE, asOf).of("B")[0]).as("the corrected row makes B's period known").isEqualTo(3);
            assertThat(ws.history(TYPE, asOf).items()).as("C's row is still quarantined").doesNotContain("C");

            assertThat(again.batch().rows().accepted()).isEqualTo(1);
            assertThat(again.batch().rows().quarantined()).isEqualTo(1);
            assertThat(ws.contractMetrics().resubmissionsOf(original)).containsExactly(again.batch().contentHash());
            assertThat(ws.store().ledger().verify().intact()).isTrue();
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
