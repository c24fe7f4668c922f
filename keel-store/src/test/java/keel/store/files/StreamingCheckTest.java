package keel.store.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import keel.core.contract.Column;
import keel.core.contract.ColumnType;
import keel.core.contract.InputContract;
import keel.core.contract.Metric;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming check ({@link Ingestion#check}: rows typed and checked as the file is read, text kept only for
 * failed rows) and the check over the whole file loaded as text ({@link Ingestion#checkAsText}) must give the same
 * batch: the same blocked reason or row counts, quarantined rows with their file row numbers and reasons, figures,
 * and accepted rows in the same order with the same typed values. Compared on the seeded damaged files of
 * {@link DamagedFiles}, which mix malformed lines (that shift the row numbers), values DuckDB's casts take but the
 * contract does not ({@code 0x10}, {@code 1e9999}), repeated keys and blank lines.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StreamingCheckTest {
    private static final int CASES = Integer.getInteger("keel.streamingCheck.cases", 200);

    @TempDir
    Path dir;

    @Test
    void the_streaming_check_and_the_text_check_agree_on_every_damaged_file() throws Exception {
        DamagedFiles damaged = new DamagedFiles(20261128L);
        int compared = 0;
        for (int i = 0; i < CASES; i++) {
            DamagedFiles.Case c = damaged.next();
            Path file = Files.write(dir.resolve("case-" + i + ".csv"), c.bytes());
            Checked streamed = check(file, "streamed-" + i, false, contract(), KnownKeys.none());
            Checked asText = check(file, "text-" + i, true, contract(), KnownKeys.none());
            String name = "case " + i + " " + c;
            assertThat(streamed.result().blocked()).as(name).isEqualTo(asText.result().blocked());
            assertThat(streamed.result().rows()).as(name).isEqualTo(asText.result().rows());
            assertThat(streamed.result().sample()).as(name).isEqualTo(asText.result().sample());
            assertThat(streamed.accepted()).as(name).isEqualTo(asText.accepted());
            assertSameFigures(name, streamed.result().figures().metrics(), asText.result().figures().metrics());
            compared += streamed.result().rows().quarantined() > 0 ? 1 : 0;
        }
        assertThat(compared).as("cases with quarantined rows").isGreaterThan(CASES / 10);
    }

    @Test
    void a_file_with_a_repeated_key_after_a_malformed_line_is_checked_exactly_with_its_row_numbers() throws Exception {
        List<String> lines = new ArrayList<>(List.of(Fixtures.HEADER));
        int good = 25_000; // past DuckDB's sniffing sample, which must not see the malformed line
        for (int day = 0; day < good; day++) {
            lines.add("B,S2," + java.time.LocalDate.of(1950, 1, 1).plusDays(day) + "," + day % 1000 + ",1.25");
        }
        lines.addAll(List.of("A,S1,2024-01-01,3,1.5", "A,S1,2024-01-02,3,1.5,extra", "B,S1,2024-01-01,-1,",
                "A,S1,2024-01-01,4,2.5", "C,S2,2024-01-03, 0x10 ,1"));
        Path file = Fixtures.csv(dir, "sales.csv", lines.toArray(String[]::new));
        Checked streamed = check(file, "streamed", false, contract(), KnownKeys.none());
        Checked asText = check(file, "text", true, contract(), KnownKeys.none());

        assertThat(streamed.result().blocked()).isEmpty();
        assertThat(streamed.result().rows()).isEqualTo(new keel.core.contract.RowCounts(good + 5, good, 5));
        assertThat(streamed.result().sample()).extracting(keel.core.contract.QuarantinedRow::row)
                .containsExactly(good + 1L, good + 2L, good + 3L, good + 4L, good + 5L);
        assertThat(streamed.result().sample()).isEqualTo(asText.result().sample());
        assertThat(streamed.accepted()).hasSize(good).isEqualTo(asText.accepted());
        assertSameFigures("repeated key", streamed.result().figures().metrics(), asText.result().figures().metrics());
    }

    @Test
    void with_a_reference_the_streaming_check_agrees_whether_every_item_is_known_or_some_are_not() throws Exception {
        // every item known: the reference is checked after the streaming pass; some unknown: the text check runs
        java.util.Set<String> letters = new java.util.HashSet<>();
        for (char ch = 'A'; ch <= 'Z'; ch++) letters.add(String.valueOf(ch));
        KnownKeys all = KnownKeys.none().with("catalog", letters);
        KnownKeys few = KnownKeys.none().with("catalog", java.util.Set.of("A", "B"));
        InputContract c = contract();
        InputContract referenced = new InputContract(c.input(), c.owner(), c.columns(), c.keyColumns(),
                List.of(new keel.core.contract.ReferenceCheck("item_id", "catalog", "item_id")), c.dateFormat());
        DamagedFiles damaged = new DamagedFiles(20261127L);
        int unknown = 0;
        for (int i = 0; i < CASES / 4; i++) {
            DamagedFiles.Case d = damaged.next();
            Path file = Files.write(dir.resolve("ref-" + i + ".csv"), d.bytes());
            KnownKeys known = i % 2 == 0 ? all : few;
            Checked streamed = check(file, "ref-streamed-" + i, false, referenced, known);
            Checked asText = check(file, "ref-text-" + i, true, referenced, known);
            String name = "case " + i + " " + d + (i % 2 == 0 ? " all known" : " A, B known");
            assertThat(streamed.result().blocked()).as(name).isEqualTo(asText.result().blocked());
            assertThat(streamed.result().rows()).as(name).isEqualTo(asText.result().rows());
            assertThat(streamed.result().sample()).as(name).isEqualTo(asText.result().sample());
            assertThat(streamed.accepted()).as(name).isEqualTo(asText.accepted());
            assertSameFigures(name, streamed.result().figures().metrics(), asText.result().figures().metrics());
            unknown += streamed.result().sample().stream().anyMatch(r -> r.failed(keel.core.contract.Check.REFERENCE))
                    ? 1 : 0;
        }
        assertThat(unknown).as("cases with an unknown item").isGreaterThan(CASES / 20);
    }

    /** Sales as in {@link Fixtures#salesContract()}, without the reference. */
    private static InputContract contract() {
        return new InputContract("sales", "data-team@example.com", List.of(
                Column.of("item_id", ColumnType.TEXT).asRequired().matching("[A-Z]"),
                Column.of("store_id", ColumnType.TEXT).allowing(List.of("S1", "S2")),
                Column.of("date", ColumnType.DATE),
                Column.of("units", ColumnType.INTEGER).asRequired().atLeast(0).atMost(1000),
                Column.of("price", ColumnType.DECIMAL).atLeast(0).withDecimals(2)),
                List.of("item_id", "store_id", "date"), List.of(), InputContract.ISO_DATE);
    }

    private Checked check(Path file, String staging, boolean asText, InputContract contract, KnownKeys known)
            throws Exception {
        Path stage = Files.createDirectories(dir.resolve(staging));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            Ingestion ingestion = new Ingestion(db, file, contract, stage, IngestLimits.DEFAULT);
            Optional<String> blocked = ingestion.open();
            if (blocked.isPresent()) {
                return new Checked(Ingestion.Result.blocked(blocked.get()), List.of());
            }
            Ingestion.Result result = asText
                    ? ingestion.checkAsText(known, 1000, true, Optional.empty())
                    : ingestion.check(known, 1000, true, Optional.empty());
            return new Checked(result, rows(db, result.stagedAccepted()));
        }
    }

    /** The accepted rows as written, in file order, each value with its type. */
    private static List<String> rows(Connection db, Optional<Path> parquet) throws SQLException {
        List<String> rows = new ArrayList<>();
        if (parquet.isEmpty()) {
            return rows;
        }
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM read_parquet(" + Sql.literal(parquet.get()) + ")")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(rs.getMetaData().getColumnTypeName(i)).append(':').append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** Equal figures, the sums of a parallel aggregation up to rounding. */
    private static void assertSameFigures(String name, List<Metric> streamed, List<Metric> asText) {
        assertThat(streamed).as(name).hasSameSizeAs(asText);
        for (int i = 0; i < streamed.size(); i++) {
            Metric s = streamed.get(i);
            Metric t = asText.get(i);
            assertThat(List.of(s.column(), s.name(), s.label())).as(name).isEqualTo(List.of(t.column(), t.name(), t.label()));
            assertThat(s.value()).as(name + " " + s).isCloseTo(t.value(), within(1e-9 * Math.max(1, Math.abs(t.value()))));
        }
    }

    private record Checked(Ingestion.Result result, List<String> accepted) {}
}
