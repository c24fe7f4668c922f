package keel.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import keel.app.cli.KeelCommand;
import keel.app.workspace.Workspace;
import keel.core.ledger.EventType;
import keel.core.ledger.LedgerEntry;
import keel.core.review.Status;
import keel.store.jdbc.Json;
import keel.store.jdbc.StoredRecommendation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keel cycle --engine spark} as a user runs it: the command class with its arguments on a
 * small home, then the home's store, ledger and review queue as the other commands see them.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SparkCycleCommandTest {
    @TempDir
    static Path dir;
    static Path home;
    static Run first;
    static Run again;
    static Map<String, Long> countsAfterFirst;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void runTheCommandTwice() {
        LocalSpark.get();
        try (Workspace ws = TestHome.create(dir, 250, 5)) {
            home = ws.home();
        }
        first = run("--engine", "spark", "--master", "local[2]", "--decision-type", TestHome.TYPE, "--as-of",
                TestHome.AS_OF.toString(), "--home", home.toString(), "--partitions", "3");
        try (Workspace ws = TestHome.open(home)) {
            countsAfterFirst = ws.store().counts();
        }
        again = run("--engine", "spark", "--master", "local[2]", "--decision-type", TestHome.TYPE, "--as-of",
                TestHome.AS_OF.toString(), "--home", home.toString());
    }

    static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = SparkCycleCommand.execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static List<LedgerEntry> cycleEntries(Workspace ws) {
        List<LedgerEntry> out = new ArrayList<>();
        ws.store().ledger().forEach(e -> {
            if (e.type() == EventType.CYCLE_RUN) out.add(e);
        });
        return out;
    }

    static String cycleId() {
        try (Workspace ws = TestHome.open(home)) {
            return cycleEntries(ws).get(0).subject();
        }
    }

    @Test
    void the_command_exits_0_and_writes_the_cycle_folder_under_the_home() throws Exception {
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path folder = home.resolve("spark-cycles").resolve(cycleId());
        assertThat(first.out()).contains("on Spark: new; ").contains("output " + folder.toAbsolutePath())
                .contains("exceptions in the review queue");
        for (String part : List.of("recommendations", "forecasts", "exceptions", "quarantined")) {
            try (Stream<Path> files = Files.list(folder.resolve(part))) {
                assertThat(files.filter(f -> f.toString().endsWith(".parquet"))).as(part).isNotEmpty();
            }
        }
        Map<?, ?> summary = Json.read(Files.readString(folder.resolve("summary.json")), Map.class);
        assertThat(summary.get("cycleId")).isEqualTo(cycleId());
        assertThat(((Number) summary.get("partitions")).intValue()).isEqualTo(3);
        assertThat(((Number) summary.get("recommendations")).intValue()).isGreaterThan(200);
        try (Stream<Path> tmp = Files.list(home.resolve("spark-cycles/_tmp"))) {
            assertThat(tmp).isEmpty();
        }
    }

    @Test
    void the_ledger_holds_one_cycle_entry_with_the_merkle_root_and_verify_passes() {
        try (Workspace ws = TestHome.open(home)) {
            List<LedgerEntry> entries = cycleEntries(ws);
            assertThat(entries).hasSize(1);
            Map<?, ?> payload = Json.read(entries.get(0).payload(), Map.class);
            assertThat(payload.get("engine")).isEqualTo("spark");
            assertThat(first.out()).contains("Merkle root " + payload.get("merkleRoot"));
            assertThat(ws.store().cycle(cycleId())).isPresent()
                    .hasValueSatisfying(c -> assertThat(c.recommendations()).isEqualTo(payload.get("recommendations")));
        }
        assertThat(KeelCommand.commandLine().execute("verify", "--home", home.toString())).isZero();
    }

    @Test
    void the_exceptions_are_in_the_review_queue_as_keel_review_list_shows_it() {
        List<StoredRecommendation> queue;
        try (Workspace ws = TestHome.open(home)) {
            queue = ws.store().queue(TestHome.TYPE, List.of(Status.AWAITING_REVIEW, Status.ESCALATED));
        }
        assertThat(queue).isNotEmpty();
        assertThat(first.out()).contains(queue.size() + " exceptions in the review queue");

        PrintStream out = System.out;
        ByteArrayOutputStream listed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(listed, true, StandardCharsets.UTF_8));
            assertThat(KeelCommand.commandLine().execute("review", "list", "--home", home.toString(), "--limit", "1000"))
                    .isZero();
        } finally {
            System.setOut(out);
        }
        String text = listed.toString(StandardCharsets.UTF_8);
        assertThat(text).contains(TestHome.TYPE + " (owner olivia): " + queue.size() + " in queue");
        for (StoredRecommendation r : queue) assertThat(text).contains(r.recommendation().id());
    }

    @Test
    void running_the_command_again_writes_nothing() {
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("already run, nothing written").contains("already in the store and the ledger");
        try (Workspace ws = TestHome.open(home)) {
            assertThat(ws.store().counts()).isEqualTo(countsAfterFirst);
        }
    }

    @Test
    void an_unknown_decision_type_exits_2_and_names_the_known_ones() {
        Run r = run("--master", "local[2]", "--decision-type", "nope", "--as-of", "2024-01-01", "--home", home.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("decision type \"nope\" is not defined").contains(TestHome.TYPE);
    }
}
