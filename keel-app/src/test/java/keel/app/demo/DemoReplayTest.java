package keel.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import keel.app.cli.KeelCommand;
import keel.app.workspace.Workspace;
import keel.core.outcome.StairstepRow;
import keel.core.planner.PlannerParameters;
import keel.core.review.Status;
import keel.store.jdbc.CycleRecord;
import keel.store.jdbc.OutcomeRecord;
import keel.store.jdbc.StoreConfig;
import keel.store.jdbc.StoredRecommendation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short replay of the demo (a few cycles, a few dozen items per data set), checked against
 * computations made here independently from what the store holds.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoReplayTest {
    @TempDir static Path dir;
    Demo.Result result;
    String console;

    @BeforeAll
    void replay() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        result = Demo.run(options(dir.resolve("demo"), 7), new PrintStream(buffer, true, StandardCharsets.UTF_8));
        console = buffer.toString(StandardCharsets.UTF_8);
    }

    static Demo.Options options(Path out, long seed) {
        return new Demo.Options(out, seed, 2, 8, 40, PlannerParameters.defaults());
    }

    Workspace open() {
        Path home = dir.resolve("demo/home");
        return Workspace.open(home, StoreConfig.embedded(home.resolve("store")), Clock.systemUTC());
    }

    ScenarioResult scenario(String name) {
        return result.scenarios().stream().filter(s -> s.decisionType().equals(name)).findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    void the_replay_runs_both_decision_types_and_the_ledger_verifies() throws Exception {
        assertThat(result.scenarios()).extracting(ScenarioResult::decisionType)
                .containsExactly("replenish-carparts", "replenish-online");
        assertThat(result.ledger().intact()).isTrue();
        assertThat(console).contains("SIMULATED planner").contains("ledger intact").contains("touchless");
        assertThat(result.report()).exists();
        assertThat(Files.readString(result.report())).contains("simulated planner").contains("uPlot");
    }

    @Test
    @Order(2)
    void the_damaged_file_is_quarantined_row_by_row_with_reasons() {
        ScenarioResult online = scenario("replenish-online");

        assertThat(online.defects()).hasSize(5);
        // 5 defects: -3, words, bad date, a duplicated row (both copies), an unknown item = 6 rows
        assertThat(online.rowsQuarantined()).isEqualTo(6);
        assertThat(online.quarantineExamples()).anySatisfy(e -> assertThat(e).contains("units was \"-3\""));
    }

    @Test
    @Order(3)
    void review_counts_match_the_statuses_in_the_store() {
        try (Workspace ws = open()) {
            for (ScenarioResult s : result.scenarios()) {
                Map<Status, Integer> counts = new HashMap<>();
                int n = 0;
                for (CycleRecord c : ws.store().cycles(s.decisionType())) {
                    for (StoredRecommendation r : ws.store().recommendations(c.id())) {
                        counts.merge(r.status(), 1, Integer::sum);
                        n++;
                    }
                }
                assertThat(s.recommendations()).isEqualTo(n);
                assertThat(s.touchless()).isEqualTo(counts.getOrDefault(Status.TOUCHLESS, 0));
                assertThat(s.overridden()).isEqualTo(counts.getOrDefault(Status.OVERRIDDEN, 0));
                assertThat(s.expired()).isEqualTo(counts.getOrDefault(Status.EXPIRED, 0));
                assertThat(counts).doesNotContainKeys(Status.AWAITING_REVIEW, Status.ESCALATED);
            }
        }
    }

    @Test
    @Order(4)
    void decision_value_added_equals_the_stored_outcomes_of_overridden_decisions() {
        try (Workspace ws = open()) {
            for (ScenarioResult s : result.scenarios()) {
                double dva = 0;
                for (OutcomeRecord o : ws.store().outcomes(s.decisionType())) {
                    StoredRecommendation r = ws.store().recommendation(o.recommendationId()).orElseThrow();
                    if (r.status() == Status.OVERRIDDEN && r.finalQuantity() != r.recommendation().quantity()) {
                        dva += o.costSystem() - o.costFinal();
                    }
                }
                assertThat(s.dvaTotal()).isCloseTo(dva, within(1e-6));
                assertThat(s.outcomes()).isEqualTo(ws.store().outcomes(s.decisionType()).size());
            }
        }
    }

    @Test
    @Order(5)
    void the_statistical_forecasts_error_equals_wape_recomputed_from_stored_outcomes() {
        try (Workspace ws = open()) {
            for (ScenarioResult s : result.scenarios()) {
                double absError = 0;
                double actual = 0;
                for (OutcomeRecord o : ws.store().outcomes(s.decisionType())) {
                    double f = ws.store().recommendation(o.recommendationId()).orElseThrow().recommendation().forecast().meanTotal();
                    absError += Math.abs(o.actualDemand() - f);
                    actual += o.actualDemand();
                }
                StairstepRow statistical = s.stairstep().stream().filter(r -> r.step().equals("statistical")).findFirst().orElseThrow();
                assertThat(statistical.wape()).isCloseTo(absError / actual, within(1e-9));
            }
        }
    }

    @Test
    @Order(6)
    void every_decision_whose_actuals_arrived_is_scored_and_the_rest_are_pending() {
        for (ScenarioResult s : result.scenarios()) {
            assertThat(s.outcomes() + s.pending()).isLessThanOrEqualTo(s.recommendations());
            assertThat(s.outcomes()).isPositive();
            assertThat(s.pending()).isPositive();
        }
    }

    @Test
    @Order(7)
    void re_running_a_past_cycle_writes_nothing_and_returns_the_same_recommendations() {
        try (Workspace ws = open()) {
            CycleRecord first = ws.store().cycles("replenish-online").get(1);
            Map<String, Long> before = ws.store().counts();
            List<StoredRecommendation> stored = ws.store().recommendations(first.id());

            Workspace.CycleRun again = ws.runCycle("replenish-online", first.asOf(), 2);

            assertThat(again.isNew()).isFalse();
            assertThat(again.result().cycleId()).isEqualTo(first.id());
            assertThat(again.result().recommendations()).containsExactlyElementsOf(
                    stored.stream().map(StoredRecommendation::recommendation).toList());
            assertThat(ws.store().counts()).isEqualTo(before);
        }
    }

    @Test
    @Order(8)
    void the_same_seed_gives_the_same_figures() throws Exception {
        Demo.Result again = Demo.run(options(dir.resolve("again"), 7), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));

        for (int i = 0; i < result.scenarios().size(); i++) {
            ScenarioResult a = result.scenarios().get(i);
            ScenarioResult b = again.scenarios().get(i);
            assertThat(b.pathCosts()).isEqualTo(a.pathCosts());
            assertThat(b.dvaTotal()).isEqualTo(a.dvaTotal());
            assertThat(b.touchless()).isEqualTo(a.touchless());
            assertThat(b.overridden()).isEqualTo(a.overridden());
        }
    }

    @Test
    @Order(20)
    void a_tampered_ledger_fails_keel_verify_naming_the_entry() throws Exception {
        Path home = dir.resolve("demo/home");
        assertThat(KeelCommand.commandLine().execute("verify", "--home", home.toString())).isZero();

        String url = StoreConfig.embedded(home.resolve("store")).jdbcUrl();
        try (Connection c = DriverManager.getConnection(url, "keel", ""); Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("update ledger set payload = payload || ' ' where seq = 5")).isEqualTo(1);
            st.execute("SHUTDOWN");
        }

        assertThat(KeelCommand.commandLine().execute("verify", "--home", home.toString())).isEqualTo(1);
    }

    @Test
    @Order(21)
    void an_unknown_reason_code_is_refused_with_the_list_of_known_ones() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var cli = KeelCommand.commandLine();
        cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));

        int code = cli.execute("review", "override", "no-such/item", "--home", dir.resolve("demo/home").toString(),
                "--as", "olivia", "--quantity", "3", "--reason", "hunch");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no-such/item").contains("does not exist");
    }

    static long rows(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static LocalDate date(String s) {
        return LocalDate.parse(s);
    }
}
