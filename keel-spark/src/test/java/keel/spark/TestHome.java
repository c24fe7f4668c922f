package keel.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.SplittableRandom;
import keel.app.workspace.Workspace;
import keel.store.jdbc.StoreConfig;

/**
 * A Keel home with generated data: a weekly replenishment decision type over {@code items} items with
 * two years of daily sales, half smooth (Poisson-like) and half intermittent (rare demand of random
 * size), a catalog with prices and a stock snapshot. Seeded: the same seed gives the same files.
 */
final class TestHome {
    static final LocalDate AS_OF = LocalDate.of(2024, 1, 1);
    static final int DAYS = 730;
    static final String TYPE = "replenish-test";

    private TestHome() {
    }

    static final String DECISION_TYPE = """
            name: replenish-test
            description: Weekly replenishment of generated items.
            domain: replenishment
            stage: pilot
            owner: {id: olivia, name: Olivia Grant}
            accountable: {id: marcus, name: Marcus Hale}
            period: week
            location: TEST
            inputs:
              - {name: catalog, contract: ../contracts/test-catalog.yaml}
              - {name: sales, contract: ../contracts/test-sales.yaml}
              - {name: inventory, contract: ../contracts/test-inventory.yaml}
            forecast:
              model: auto
              candidates: [naive, mean, ses, croston, sba, tsb]
              backtestOrigins: 4
            policy:
              kind: order-up-to
              tradeoff:
                currency: EUR
                unitCost: {catalogColumn: unit_price, factor: 0.55}
                holdingCostRate: 0.30
                stockoutCost: {catalogColumn: unit_price, factor: 0.45}
                unmetDemand: lost
                leadTime: 1
                reviewPeriod: 1
                packSize: 1
                minimumOrder: 0
              naiveWindow: 4
              naiveSafetyFactor: 1.2
              fallback: naive
            review:
              reasonCodes: [promotion, other]
              rules:
                - {rule: value-at-stake, above: 25}
                - {rule: change-vs-last-order, above: 0.3, minUnits: 2}
                - {rule: uncertainty, scaledErrorAbove: 2.5}
                - {rule: new-item, historyBelow: 8}
                - {rule: stockout-risk, above: 0.2}
                - {rule: fallback-used}
              capacityPerCycle: 60
              deadline: {hoursAfterAsOf: 48, onExpiry: accept}
            """;

    static final String SALES = """
            input: test-sales
            owner: data@example.org
            columns:
              - {name: item_id, type: text, required: true}
              - {name: date, type: date, required: true}
              - {name: units, type: integer, required: true, min: 0, max: 100000}
            key: [item_id, date]
            references:
              - {column: item_id, input: catalog, key: item_id}
            """;
    static final String CATALOG = """
            input: test-catalog
            owner: data@example.org
            columns:
              - {name: item_id, type: text, required: true}
              - {name: unit_price, type: decimal, required: true, min: 0.01, max: 10000}
            key: [item_id]
            """;
    static final String INVENTORY = """
            input: test-inventory
            owner: data@example.org
            columns:
              - {name: item_id, type: text, required: true}
              - {name: as_of, type: date, required: true}
              - {name: on_hand, type: integer, required: true, min: 0}
              - {name: on_order, type: integer, required: true, min: 0}
              - {name: backorders, type: integer, required: true, min: 0}
            key: [item_id]
            references:
              - {column: item_id, input: catalog, key: item_id}
            """;

    /** Writes the home's files and generated data under {@code dir}, ingests them and returns the open home. */
    static Workspace create(Path dir, int items, long seed) {
        return create(dir, items, seed, "week");
    }

    /** As {@link #create(Path, int, long)}, with the decision type's period ({@code day}, {@code week}, {@code month}). */
    static Workspace create(Path dir, int items, long seed, String period) {
        try {
            Path home = dir.resolve("home");
            Files.createDirectories(home.resolve("decision-types"));
            Files.createDirectories(home.resolve("contracts"));
            Files.writeString(home.resolve("decision-types/" + TYPE + ".yaml"),
                    DECISION_TYPE.replace("period: week", "period: " + period));
            Files.writeString(home.resolve("contracts/test-sales.yaml"), SALES);
            Files.writeString(home.resolve("contracts/test-catalog.yaml"), CATALOG);
            Files.writeString(home.resolve("contracts/test-inventory.yaml"), INVENTORY);
            Path data = Files.createDirectories(dir.resolve("data"));
            generate(data, items, seed);
            Workspace ws = open(home);
            ws.ingest(data.resolve("catalog.csv"), "catalog", TYPE);
            ws.ingest(data.resolve("sales.csv"), "sales", TYPE);
            ws.ingest(data.resolve("inventory.csv"), "inventory", TYPE);
            return ws;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Workspace open(Path home) {
        return Workspace.open(home, StoreConfig.embedded(home.resolve("store")),
                Clock.fixed(Instant.parse("2024-01-01T06:00:00Z"), ZoneOffset.UTC));
    }

    /** Sales (only days with demand, as shops record them), catalog and stock of {@code items} items. */
    static void generate(Path dir, int items, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        LocalDate first = AS_OF.minusDays(DAYS);
        try (Writer sales = Files.newBufferedWriter(dir.resolve("sales.csv"));
                Writer catalog = Files.newBufferedWriter(dir.resolve("catalog.csv"));
                Writer stock = Files.newBufferedWriter(dir.resolve("inventory.csv"))) {
            sales.write("item_id,date,units\n");
            catalog.write("item_id,unit_price\n");
            stock.write("item_id,as_of,on_hand,on_order,backorders\n");
            for (int i = 0; i < items; i++) {
                String item = String.format(Locale.ROOT, "item-%06d", i);
                boolean intermittent = i % 2 == 1;
                double level = intermittent ? 0.03 + 0.2 * r.nextDouble() : 0.5 + 8 * r.nextDouble();
                int start = r.nextInt(DAYS / 3);
                double weekly = 0;
                for (int d = start; d < DAYS; d++) {
                    long units = intermittent ? (r.nextDouble() < level ? 1 + (long) (-3 * Math.log(1 - r.nextDouble())) : 0)
                            : poisson(r, level * (1 + 0.3 * Math.sin(2 * Math.PI * d / 7)));
                    if (units > 0) sales.write(item + "," + first.plusDays(d) + "," + units + "\n");
                    weekly += units / 104.0;
                }
                catalog.write(item + "," + String.format(Locale.ROOT, "%.2f", 1 + 99 * r.nextDouble()) + "\n");
                stock.write(item + "," + AS_OF.minusDays(1) + "," + (long) (weekly * 3 * r.nextDouble()) + ","
                        + (long) (weekly * r.nextDouble()) + ",0\n");
            }
        }
    }

    private static long poisson(SplittableRandom r, double mean) {
        double l = Math.exp(-mean);
        double p = 1;
        long k = 0;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
