package keel.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import keel.core.review.Review;
import keel.core.review.ReviewAction;
import keel.store.config.DecisionTypeFiles;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StoreArchiveTest {
    static final Instant NOW = Instant.parse("2011-07-01T00:00:00Z");
    static final String DECISION_TYPE = """
            name: replenish-test
            description: Monthly replenishment of car parts.
            domain: replenishment
            stage: live
            owner: {id: sam, name: Sam Okafor}
            accountable: {id: priya, name: Priya Raman}
            period: month
            inputs:
              - {name: sales, contract: ../contracts/parts-sales.yaml}
            forecast:
              model: auto
              candidates: [naive, mean, ses, croston]
              backtestOrigins: 4
            policy:
              kind: order-up-to
              tradeoff:
                currency: EUR
                unitCost: 40
                holdingCostRate: 0.24
                stockoutCost: 12
                unmetDemand: backordered
                leadTime: 1
                reviewPeriod: 1
                packSize: 1
                minimumOrder: 2
              naiveWindow: 6
              naiveSafetyFactor: 1.3
              fallback: naive
            review:
              reasonCodes: [supplier-issue, local-knowledge, other]
              rules:
                - {rule: fallback-used}
                - {rule: value-at-stake, above: 15}
              capacityPerCycle: 40
              deadline: {hoursAfterAsOf: 72, onExpiry: accept}
            """;

    @TempDir Path dir;

    @Test
    void an_archive_of_the_embedded_store_restores_into_postgresql_with_every_row_equal() throws IOException {
        roundTrip(StoreKind.EMBEDDED, StoreKind.POSTGRES);
    }

    @Test
    void an_archive_of_postgresql_restores_into_the_embedded_store_with_every_row_equal() throws IOException {
        roundTrip(StoreKind.POSTGRES, StoreKind.EMBEDDED);
    }

    @Test
    void import_refuses_a_store_that_is_not_empty() {
        Path archive = dir.resolve("backup.zip");
        try (KeelStore source = StoreKind.EMBEDDED.open(dir)) {
            fill(source);
            StoreArchive.export(source, archive, NOW);
        }

        try (KeelStore target = StoreKind.EMBEDDED.open(dir)) {
            target.saveCycle(SampleCycles.cycle("other"), SampleCycles.recommendations("other", 1), SampleCycles.T0);

            assertThatThrownBy(() -> StoreArchive.restore(target, archive)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not empty").hasMessageContaining("cycle=1").hasMessageContaining("expected an empty store");
        }
    }

    @Test
    void a_damaged_archive_is_refused_and_leaves_the_store_empty() throws IOException {
        Path archive = dir.resolve("backup.zip");
        try (KeelStore source = StoreKind.EMBEDDED.open(dir)) {
            fill(source);
            StoreArchive.export(source, archive, NOW);
        }
        Path damaged = dir.resolve("damaged.zip");
        rewrite(archive, damaged, "recommendation.jsonl", text -> text.replaceFirst("\"status\":\"TOUCHLESS\"", "\"status\":\"ACCEPTED\""));

        try (KeelStore target = StoreKind.EMBEDDED.open(dir)) {
            assertThatThrownBy(() -> StoreArchive.restore(target, damaged)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("damaged.zip: recommendation.jsonl has SHA-256");
            assertThat(target.counts().values()).containsOnly(0L);
            assertThat(target.ledger().size()).isZero();
        }
    }

    private void roundTrip(StoreKind from, StoreKind to) throws IOException {
        Path archive = dir.resolve("backup.zip");
        Path again = dir.resolve("again.zip");
        Map<String, Long> counts;
        List<String> recommendations;
        try (KeelStore source = from.open(dir)) {
            fill(source);
            counts = source.counts();
            recommendations = source.recommendations("c1").stream().map(Object::toString).toList();
            StoreArchive.export(source, archive, NOW);
        }

        try (KeelStore target = to.open(dir)) {
            StoreArchive.Manifest m = StoreArchive.restore(target, archive);
            StoreArchive.export(target, again, NOW);

            assertThat(target.counts()).isEqualTo(counts);
            assertThat(m.rows()).containsEntry("ledger", counts.get("ledger"));
            assertThat(target.ledger().verify().intact()).isTrue();
            assertThat(target.recommendations("c1").stream().map(Object::toString).toList()).isEqualTo(recommendations);
            assertThat(tables(again)).isEqualTo(tables(archive));
            target.review(new Review("c1/item-00003", ReviewAction.ACCEPT, "sam", 22, Optional.empty(), "after restore",
                    SampleCycles.T0.plusSeconds(600), false), 0);
            assertThat(target.reviews("c1/item-00003")).hasSize(1);
            assertThat(target.ledger().verify().intact()).isTrue();
        }
    }

    static void fill(KeelStore store) {
        var type = DecisionTypeFiles.parse("replenish-test.yaml", DECISION_TYPE);
        store.recordDecisionType(type, "replenish-test.yaml", DECISION_TYPE, SampleCycles.T0.minusSeconds(3600));
        store.recordBatch(SampleBatches.salesWithOneBadRow(), Optional.of(LocalDate.of(2011, 1, 3)),
                Optional.of(LocalDate.of(2011, 5, 30)), SampleCycles.T0.minusSeconds(600));
        store.recordBatch(SampleBatches.blockedCatalog(), Optional.empty(), Optional.empty(), SampleCycles.T0.minusSeconds(300));
        store.saveCycle(SampleCycles.cycle("c1"), SampleCycles.recommendations("c1", 20), SampleCycles.T0.plusSeconds(86_400));
        store.review(new Review("c1/item-00000", ReviewAction.OVERRIDE, "sam", 12.5, Optional.of("supplier-issue"),
                "two weeks late, \"again\"", SampleCycles.T0.plusSeconds(60), false), 0);
        store.review(new Review("c1/item-00006", ReviewAction.ESCALATE, "sam", 43, Optional.empty(), "",
                SampleCycles.T0.plusSeconds(61), true), 0);
        store.recordOutcomes(List.of(new OutcomeRecord("c1/item-00000", 9, 10.5, 12.25, Double.NaN, "{\"span\":1}"),
                new OutcomeRecord("c1/item-00001", 0, 0, 1.5, 3, "{}")), NOW);
    }

    /** Every table file's lines, sorted (engines may order text differently). */
    static Map<String, List<String>> tables(Path archive) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (String file : StoreArchive.tableFiles()) {
                try (InputStream in = zip.getInputStream(zip.getEntry(file))) {
                    List<String> lines = new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
                    lines.sort(null);
                    out.put(file, lines);
                }
            }
        }
        return out;
    }

    static void rewrite(Path from, Path to, String entry, java.util.function.UnaryOperator<String> edit) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (var e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry z = e.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(z)) {
                    bytes = in.readAllBytes();
                }
                if (z.getName().equals(entry)) {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    String edited = edit.apply(text);
                    assertThat(edited).as("the edit changed %s", entry).isNotEqualTo(text);
                    bytes = edited.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(z.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }
}
