package keel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import keel.app.demo.Demo;
import keel.app.workspace.Workspace;
import keel.core.planner.PlannerParameters;
import keel.store.jdbc.CycleRecord;
import keel.store.jdbc.StoreArchive;
import keel.store.jdbc.StoreConfig;
import keel.store.jdbc.StoredRecommendation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keel export} and {@code keel import} on a short demo replay: to an empty embedded home, to
 * PostgreSQL and back; every row, the review queue and the ledger come out the same. PostgreSQL is
 * the server named by {@code KEEL_TEST_PG_URL} (see {@code run-tests}); without it that part is
 * skipped, or fails when {@code CI=true}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreBackupTest {
    static final String ALL_STATUSES = "AWAITING_REVIEW,ESCALATED,ACCEPTED,OVERRIDDEN,EXPIRED,TOUCHLESS";
    @TempDir static Path dir;
    Path home;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    void replay() throws Exception {
        Demo.run(new Demo.Options(dir.resolve("demo"), 11, 2, 3, 12, PlannerParameters.defaults()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        home = dir.resolve("demo/home");
    }

    @Test
    void an_export_imported_into_an_empty_embedded_home_gives_the_same_rows_queue_and_ledger() throws IOException {
        Path archive = dir.resolve("embedded.zip");
        Path target = emptyHome("restored");
        assertThat(keel("export", "--home", home.toString(), "--out", archive.toString()).exitCode()).isZero();

        Run imported = keel("import", "--home", target.toString(), archive.toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("ledger verifies");
        assertThat(keel("verify", "--home", target.toString()).out()).startsWith("ledger intact");
        Path again = dir.resolve("restored.zip");
        assertThat(keel("export", "--home", target.toString(), "--out", again.toString()).exitCode()).isZero();
        assertThat(tables(again)).isEqualTo(tables(archive));
        assertThat(queue("--home", target.toString())).isEqualTo(queue("--home", home.toString()));
    }

    @Test
    void an_export_moves_to_postgresql_and_back_with_the_same_rows_queue_and_ledger_and_reruns_write_nothing()
            throws IOException {
        String url = freshPostgresSchema();
        Path archive = dir.resolve("to-postgres.zip");
        assertThat(keel("export", "--home", home.toString(), "--out", archive.toString()).exitCode()).isZero();

        Run imported = keel("import", "--home", home.toString(), "--db-url", url, archive.toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(keel("verify", "--db-url", url).out()).startsWith("ledger intact");
        assertThat(queue("--home", home.toString(), "--db-url", url)).isEqualTo(queue("--home", home.toString()));
        Path back = dir.resolve("from-postgres.zip");
        assertThat(keel("export", "--db-url", url, "--out", back.toString()).exitCode()).isZero();
        assertThat(tables(back)).isEqualTo(tables(archive));
        Path target = emptyHome("back-from-postgres");
        assertThat(keel("import", "--home", target.toString(), back.toString()).exitCode()).isZero();
        assertThat(keel("verify", "--home", target.toString()).exitCode()).isZero();

        try (Workspace ws = Workspace.open(home, new StoreConfig(url, "", ""), Clock.systemUTC())) {
            CycleRecord first = ws.store().cycles("replenish-online").get(0);
            Map<String, Long> before = ws.store().counts();
            List<String> stored = ws.store().recommendations(first.id()).stream().map(StoredRecommendation::toString).toList();

            Workspace.CycleRun again = ws.runCycle("replenish-online", first.asOf(), 2);

            assertThat(again.isNew()).isFalse();
            assertThat(ws.store().counts()).isEqualTo(before);
            assertThat(again.result().recommendations().stream().map(Object::toString).toList())
                    .isEqualTo(ws.store().recommendations(first.id()).stream().map(r -> r.recommendation().toString()).toList());
            assertThat(ws.store().recommendations(first.id()).stream().map(StoredRecommendation::toString).toList())
                    .isEqualTo(stored);
        }
    }

    @Test
    void keel_verify_names_the_first_deleted_entry_of_a_restored_home() throws Exception {
        Path archive = dir.resolve("tampered.zip");
        Path target = emptyHome("tampered");
        keel("export", "--home", home.toString(), "--out", archive.toString());
        keel("import", "--home", target.toString(), archive.toString());
        String url = StoreConfig.embedded(target.resolve("store")).jdbcUrl();
        try (Connection c = DriverManager.getConnection(url, "keel", ""); Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("delete from ledger where seq = 7")).isEqualTo(1);
            st.execute("SHUTDOWN");
        }

        Run verify = keel("verify", "--home", target.toString());

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.err()).contains("ledger broken: entry 7 is missing").contains("were deleted");
    }

    @Test
    void import_into_a_store_that_is_not_empty_is_refused_with_what_it_holds() {
        Path archive = dir.resolve("refused.zip");
        assertThat(keel("export", "--home", home.toString(), "--out", archive.toString()).exitCode()).isZero();

        Run refused = keel("import", "--home", home.toString(), archive.toString());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("is not empty").contains("expected an empty store");
    }

    private List<String> queue(String... store) {
        List<String> args = new ArrayList<>(List.of("review", "list", "--status", ALL_STATUSES, "--limit", "100000"));
        args.addAll(List.of(store));
        Run run = keel(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out().lines().toList();
    }

    private Path emptyHome(String name) throws IOException {
        Path target = dir.resolve(name);
        for (String folder : List.of("decision-types", "contracts")) {
            Files.createDirectories(target.resolve(folder));
            try (Stream<Path> files = Files.list(home.resolve(folder))) {
                for (Path f : files.toList()) Files.copy(f, target.resolve(folder).resolve(f.getFileName()));
            }
        }
        return target;
    }

    static Run keel(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            var cli = KeelCommand.commandLine();
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err + stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
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

    /** A new schema on the test server, as a URL carrying the schema, user and password. */
    static String freshPostgresSchema() {
        String url = System.getenv("KEEL_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            String why = "KEEL_TEST_PG_URL is not set, so the PostgreSQL part cannot run; ./run-tests starts a server";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException(why + " (CI=true: failing)");
            Assumptions.abort(why + " (skipped)");
        }
        String user = System.getenv().getOrDefault("KEEL_TEST_PG_USER", "");
        String password = System.getenv().getOrDefault("KEEL_TEST_PG_PASSWORD", "");
        String schema = "app" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000;
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " on " + url + ": " + e.getMessage(), e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&user=" + user + "&password=" + password;
    }
}
