package keel.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import keel.app.cli.KeelCommand;
import keel.app.workspace.Workspace;
import keel.core.decision.DecisionType;
import keel.core.ledger.EventType;
import keel.core.ledger.InclusionProof;
import keel.core.ledger.LedgerEntry;
import keel.core.review.Review;
import keel.core.review.ReviewAction;
import keel.core.review.Status;
import keel.store.files.CycleFile;
import keel.store.jdbc.Json;
import keel.store.jdbc.StoredRecommendation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SparkCycleLedgerTest {
    @TempDir
    static Path dir;
    static Path home;
    static SparkCycleResult result;
    static boolean recordedAgain;
    static List<LedgerEntry> cycleEntries = new ArrayList<>();
    static long recommendationEntries;
    static Map<String, Long> countsAfterFirst;
    static Map<String, Long> countsAfterSecond;
    static List<StoredRecommendation> queue;

    @BeforeAll
    static void runOneCycle() {
        SparkSession spark = LocalSpark.get();
        try (Workspace ws = TestHome.create(dir, 300, 11)) {
            home = ws.home();
            result = new SparkCycleRunner(spark).run(SparkSameAnswersTest.cycle(ws, dir.resolve("out")));
            DecisionType type = ws.decisionType(TestHome.TYPE);
            CycleLedger.record(spark, ws.store(), type, result, ws.clock().instant());
            countsAfterFirst = ws.store().counts();
            recordedAgain = CycleLedger.record(spark, ws.store(), type, result, ws.clock().instant());
            countsAfterSecond = ws.store().counts();
            queue = ws.store().queue(TestHome.TYPE, List.of(Status.AWAITING_REVIEW));
            AtomicLong recs = new AtomicLong();
            ws.store().ledger().forEach(e -> {
                if (e.type() == EventType.CYCLE_RUN) cycleEntries.add(e);
                if (e.type() == EventType.RECOMMENDATION) recs.incrementAndGet();
            });
            recommendationEntries = recs.get();
        }
    }

    static int keel(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(home.toString());
        return KeelCommand.commandLine().execute(all.toArray(String[]::new));
    }

    @Test
    void a_spark_cycle_is_one_ledger_entry_carrying_its_merkle_root_and_is_recorded_once() {
        assertThat(cycleEntries).hasSize(1);
        assertThat(cycleEntries.get(0).subject()).isEqualTo(result.cycleId());
        assertThat(Json.read(cycleEntries.get(0).payload(), java.util.Map.class))
                .containsEntry("merkleRoot", result.merkleRoot())
                .containsEntry("recommendations", (int) result.recommendations());
    }

    @Test
    void the_queued_exceptions_are_in_the_review_queue_most_value_at_stake_first_without_an_entry_each() {
        List<Row> exceptions = spark().read().parquet(result.directory() + "/exceptions").where("queued")
                .orderBy("rank").collectAsList();

        assertThat(result.queued()).isPositive();
        assertThat(queue).hasSize((int) result.queued());
        assertThat(queue.stream().map(r -> r.recommendation().id()).toList())
                .isEqualTo(exceptions.stream().map(r -> r.getString(0)).toList());
        assertThat(queue).allSatisfy(r -> assertThat(r.recommendation().reviewReasons()).isNotEmpty());
        assertThat(queue.get(0).recommendation().quantity()).isEqualTo(exceptions.get(0).getDouble(2));
        assertThat(countsAfterFirst).containsEntry("cycle", 1L).containsEntry("recommendation", result.queued());
        assertThat(recommendationEntries).isZero();
        assertThat(Json.read(cycleEntries.get(0).payload(), java.util.Map.class))
                .containsEntry("stored", (int) result.queued());
    }

    @Test
    void recording_the_cycle_again_writes_nothing() {
        assertThat(recordedAgain).isFalse();
        assertThat(countsAfterSecond).isEqualTo(countsAfterFirst);
    }

    @Test
    void a_review_of_a_queued_exception_appends_its_review_entry_and_verify_still_passes() {
        try (Workspace ws = TestHome.open(home)) {
            StoredRecommendation first = ws.store().queue(TestHome.TYPE, List.of(Status.AWAITING_REVIEW)).get(0);
            long before = ws.store().ledger().size();
            ws.store().review(new Review(first.recommendation().id(), ReviewAction.OVERRIDE, "olivia",
                    first.finalQuantity() + 3, Optional.of("promotion"), "", ws.clock().instant(), false), first.version());

            assertThat(ws.store().ledger().size()).isEqualTo(before + 1);
            assertThat(ws.store().recommendation(first.recommendation().id()).orElseThrow().status())
                    .isEqualTo(Status.OVERRIDDEN);
        }
        assertThat(keel("verify")).isZero();
    }

    @Test
    void verify_fails_when_a_stored_exception_differs_from_its_row_under_the_merkle_root() {
        String id = queue.get(queue.size() - 1).recommendation().id();
        String payload;
        try (Workspace ws = TestHome.open(home)) {
            payload = ws.store().payloads(result.cycleId()).get(id);
            setPayload(ws, id, payload.replaceFirst("\"quantity\":", "\"quantity\":1"));
        }
        try {
            assertThat(keel("verify")).isEqualTo(1);
        } finally {
            try (Workspace ws = TestHome.open(home)) {
                setPayload(ws, id, payload);
            }
        }
        assertThat(keel("verify")).isZero();
    }

    static void setPayload(Workspace ws, String id, String payload) {
        ws.store().inTransaction(h -> h.createUpdate("update recommendation set payload = :p where id = :id")
                .bind("p", payload).bind("id", id).execute());
    }

    static SparkSession spark() {
        return LocalSpark.get();
    }

    @Test
    void every_recommendation_is_proven_to_belong_to_its_cycle_by_the_root_in_the_ledger() {
        CycleFile file = CycleFile.read(Path.of(result.directory()));
        String root = (String) Json.read(cycleEntries.get(0).payload(), java.util.Map.class).get("merkleRoot");

        assertThat(file.root()).isEqualTo(root);
        for (int i = 0; i < 300; i += 17) {
            String id = result.cycleId() + "/" + String.format(java.util.Locale.ROOT, "item-%06d", i);
            if (file.leaf(id).isEmpty()) continue;
            InclusionProof proof = file.proof(id).orElseThrow();
            assertThat(proof.proves(file.leaf(id).get(), root)).as(id).isTrue();
        }
        String some = result.cycleId() + "/item-000002";
        assertThat(keel("verify", "--cycle-file", result.directory(), "--prove", some)).isZero();
    }

    @Test
    void verify_passes_on_the_written_files_and_fails_on_a_changed_or_missing_row() throws Exception {
        Path copy = copyOf(Path.of(result.directory()), dir.resolve("copies/changed"));
        Path shorter = copyOf(Path.of(result.directory()), dir.resolve("copies/shorter"));
        changeOneQuantity(copy);
        deleteOneRow(shorter);

        assertThat(keel("verify")).isZero();
        assertThat(keel("verify", "--cycle-file", result.directory())).isZero();
        assertThat(keel("verify", "--cycle-file", copy.toString())).isEqualTo(1);
        assertThat(keel("verify", "--cycle-file", shorter.toString())).isEqualTo(1);
    }

    static Path copyOf(Path cycle, Path under) throws IOException {
        Path to = under.resolve(cycle.getFileName());
        try (Stream<Path> files = Files.walk(cycle)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(cycle.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
        return to;
    }

    static Path onePart(Path cycle) throws IOException {
        try (Stream<Path> files = Files.list(cycle.resolve("recommendations"))) {
            return files.filter(f -> f.toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
        }
    }

    static void changeOneQuantity(Path cycle) throws IOException, SQLException {
        rewrite(onePart(cycle), "select * replace (case when row_number() over () = 1 then quantity + 1 else quantity end "
                + "as quantity) from read_parquet('%s')");
    }

    static void deleteOneRow(Path cycle) throws IOException, SQLException {
        rewrite(onePart(cycle), "select * from read_parquet('%s') offset 1");
    }

    static void rewrite(Path part, String select) throws IOException, SQLException {
        Path tmp = part.resolveSibling("rewritten.tmp");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("copy (" + String.format(select, part) + ") to '" + tmp + "' (format parquet)");
        }
        Files.move(tmp, part, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
