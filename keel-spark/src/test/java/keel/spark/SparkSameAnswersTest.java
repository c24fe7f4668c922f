package keel.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import keel.app.workspace.Workspace;
import keel.core.cycle.Recommendation;
import keel.core.decision.DecisionType;
import keel.store.config.YamlFiles;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SparkSameAnswersTest {
    static final int ITEMS = 2000;
    @TempDir
    static Path dir;
    static SparkSession spark;
    static Workspace ws;

    @BeforeAll
    static void start() {
        long t0 = System.nanoTime();
        spark = LocalSpark.get();
        long t1 = System.nanoTime();
        ws = TestHome.create(dir, ITEMS, 7);
        System.out.printf("spark start %.1f s, home %.1f s%n", (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
    }

    @AfterAll
    static void stop() {
        if (ws != null) ws.close();
    }

    static SparkCycle cycle(Workspace ws, Path out) {
        DecisionType type = ws.decisionType(TestHome.TYPE);
        Path file = ws.home().resolve("decision-types/" + TestHome.TYPE + ".yaml");
        return new SparkCycle(file.getFileName().toString(), YamlFiles.read(file), TestHome.AS_OF,
                HomeSources.of(ws, type, TestHome.AS_OF, Optional.empty()), out.toString(), 4, OptionalInt.empty());
    }

    @Test
    void spark_and_the_single_machine_make_the_same_recommendations() {
        long t0 = System.nanoTime();
        List<Recommendation> local = ws.runCycle(TestHome.TYPE, TestHome.AS_OF, 2).result().recommendations();
        long t1 = System.nanoTime();

        SparkCycleResult onSpark = new SparkCycleRunner(spark).run(cycle(ws, dir.resolve("out")));
        System.out.printf("single machine %.1f s, spark %.1f s%n", (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);

        Map<String, Row> byId = new HashMap<>();
        for (Row r : spark.read().parquet(onSpark.directory() + "/recommendations").collectAsList()) {
            byId.put(r.getAs("id"), r);
        }
        assertThat(local).hasSizeGreaterThan(ITEMS * 9 / 10);
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(local.stream().map(Recommendation::id).toList());
        assertThat(onSpark.cycleId()).isEqualTo(local.get(0).cycleId());
        assertThat(onSpark.quarantined()).isZero();
        for (Recommendation l : local) {
            Row s = byId.get(l.id());
            assertThat((double) s.getAs("quantity")).as(l.id()).isEqualTo(l.quantity());
            assertThat((double) s.getAs("naive_quantity")).as(l.id()).isEqualTo(l.naiveQuantity());
            assertThat((String) s.getAs("model")).as(l.id()).isEqualTo(l.forecast().model());
            assertThat((boolean) s.getAs("needs_review")).as(l.id()).isEqualTo(l.needsReview());
            assertRelativelyEqual(s.getAs("expected_cost"), l.expectedCost(), l.id());
            assertRelativelyEqual(s.getAs("order_up_to"), l.orderUpTo(), l.id());
            assertRelativelyEqual(s.getAs("stockout_probability"), l.stockoutProbability(), l.id());
            assertRelativelyEqual(s.getAs("value_at_stake"), Workspace.valueAtStake(l), l.id());
        }
    }

    static void assertRelativelyEqual(double spark, double local, String id) {
        if (Double.isNaN(local)) {
            assertThat(spark).as(id).isNaN();
            return;
        }
        assertThat(Math.abs(spark - local)).as(id + ": spark " + spark + " vs local " + local)
                .isLessThanOrEqualTo(1e-9 * Math.max(1e-300, Math.abs(local)));
    }
}
