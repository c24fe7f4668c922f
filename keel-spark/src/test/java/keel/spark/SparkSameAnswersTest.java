package keel.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import keel.app.workspace.Workspace;
import keel.core.cycle.Recommendation;
import keel.core.decision.DecisionType;
import keel.core.review.Review;
import keel.core.review.ReviewAction;
import keel.core.review.Status;
import keel.store.config.YamlFiles;
import keel.store.jdbc.Json;
import keel.store.jdbc.StoredRecommendation;
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
    static final LocalDate NEXT_WEEK = TestHome.AS_OF.plusDays(7);
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
        return cycle(ws, out, TestHome.AS_OF);
    }

    static SparkCycle cycle(Workspace ws, Path out, LocalDate asOf) {
        DecisionType type = ws.decisionType(TestHome.TYPE);
        Path file = ws.home().resolve("decision-types/" + TestHome.TYPE + ".yaml");
        return new SparkCycle(file.getFileName().toString(), YamlFiles.read(file), asOf,
                HomeSources.of(ws, type, asOf, Optional.empty()), out.toString(), 4, OptionalInt.empty());
    }

    /**
     * A second cycle a week later, after a first one the single machine ran and stored whole: both
     * engines read the first cycle's orders from the store, and the change-vs-last-order rule fires.
     */
    @Test
    void after_a_single_machine_cycle_both_engines_read_its_orders_for_the_change_vs_last_order_rule() {
        ws.runCycle(TestHome.TYPE, TestHome.AS_OF, 2);
        List<Recommendation> local = ws.runCycle(TestHome.TYPE, NEXT_WEEK, 2).result().recommendations();

        SparkCycleResult onSpark = new SparkCycleRunner(spark).run(cycle(ws, dir.resolve("out-next"), NEXT_WEEK));

        assertThat(ws.previousOrders(TestHome.TYPE, NEXT_WEEK).recommendations()).isEmpty();
        assertSameAnswers(local, onSpark);
        assertThat(changeReasons(local)).isGreaterThan(ITEMS / 100);
    }

    /**
     * A first cycle on Spark, recorded in the store with only its queued exceptions (one of them
     * overridden), then a second cycle a week later on both engines: the orders of the first come from
     * its Parquet file and the store's overrides, the same on both.
     */
    @Test
    void after_a_spark_cycle_both_engines_read_its_orders_from_its_files_and_the_stores_overrides() {
        try (Workspace second = TestHome.create(dir.resolve("second"), 600, 13)) {
            SparkCycleResult first = new SparkCycleRunner(spark).run(cycle(second, dir.resolve("second/out")));
            CycleLedger.record(spark, second.store(), second.decisionType(TestHome.TYPE), first, second.clock().instant());
            StoredRecommendation queued = second.store().queue(TestHome.TYPE, List.of(Status.AWAITING_REVIEW)).get(0);
            double overridden = queued.finalQuantity() * 3 + 10;
            second.store().review(new Review(queued.recommendation().id(), ReviewAction.OVERRIDE, "olivia", overridden,
                    Optional.of("promotion"), "", second.clock().instant(), false), queued.version());

            List<Recommendation> local = second.runCycle(TestHome.TYPE, NEXT_WEEK, 2).result().recommendations();
            SparkCycleResult onSpark = new SparkCycleRunner(spark).run(cycle(second, dir.resolve("second/out"), NEXT_WEEK));

            Workspace.PreviousOrders previous = second.previousOrders(TestHome.TYPE, NEXT_WEEK);
            assertThat(previous.cycleId()).contains(first.cycleId());
            assertThat(previous.recommendations()).contains(first.directory() + "/recommendations");
            assertThat(previous.stored()).hasSize((int) first.queued())
                    .containsEntry(queued.recommendation().item(), overridden);
            assertSameAnswers(local, onSpark);
            assertThat(changeReasons(local)).isGreaterThan(6);
            String item = queued.recommendation().item();
            local.stream().filter(r -> r.item().equals(item)).flatMap(r -> r.reviewReasons().stream())
                    .filter(reason -> reason.contains("vs last")).forEach(reason ->
                            assertThat(reason).contains(String.format(java.util.Locale.ROOT, "vs last %.0f", overridden)));
        }
    }

    static long changeReasons(List<Recommendation> recs) {
        return recs.stream().filter(r -> r.reviewReasons().stream().anyMatch(reason -> reason.contains(" vs last "))).count();
    }

    static void assertSameAnswers(List<Recommendation> local, SparkCycleResult onSpark) {
        Map<String, Row> byId = new HashMap<>();
        for (Row r : spark.read().parquet(onSpark.directory() + "/recommendations").collectAsList()) {
            byId.put(r.getAs("id"), r);
        }
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(local.stream().map(Recommendation::id).toList());
        for (Recommendation l : local) {
            Row s = byId.get(l.id());
            assertThat((double) s.getAs("quantity")).as(l.id()).isEqualTo(l.quantity());
            assertThat((boolean) s.getAs("needs_review")).as(l.id()).isEqualTo(l.needsReview());
            assertThat((String) s.getAs("review_reasons")).as(l.id()).isEqualTo(Json.write(l.reviewReasons()));
            assertRelativelyEqual(s.getAs("value_at_stake"), Workspace.valueAtStake(l), l.id());
        }
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
