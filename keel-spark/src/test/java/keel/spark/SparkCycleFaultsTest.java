package keel.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SparkCycleFaultsTest {
    @TempDir
    static Path dir;
    static SparkSession spark;
    static CycleSources sources;
    static final AtomicInteger failedTasks = new AtomicInteger();

    @BeforeAll
    static void start() throws SQLException {
        spark = LocalSpark.get();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (!end.taskInfo().successful()) failedTasks.incrementAndGet();
            }
        });
        sources = writeFiles(dir);
    }

    /** 200 good items, one with a negative sales week, one whose stock on hand is NaN; written without contracts. */
    static CycleSources writeFiles(Path dir) throws SQLException {
        String sales = dir.resolve("sales.parquet").toString();
        String catalog = dir.resolve("catalog.parquet").toString();
        String stock = dir.resolve("stock.parquet").toString();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("create table s as select 'item-' || lpad(i::varchar, 3, '0') as item_id, DATE '2022-06-06' + d::int "
                    + "as date, ((i * 7 + d * 3) % 5)::bigint as units from range(0, 200) a(i), range(0, 570) b(d) "
                    + "where (i * 7 + d * 3) % 5 > 0 and (i % 3 > 0 or d % 11 = 0)");
            st.execute("insert into s select 'bad-negative', DATE '2023-06-01' + d::int, 3 from range(0, 200) b(d)");
            st.execute("insert into s values ('bad-negative', DATE '2023-09-01', -500)");
            st.execute("insert into s select 'bad-stock', DATE '2023-06-01' + d::int, 2 from range(0, 200) b(d)");
            st.execute("copy s to '" + sales + "' (format parquet)");
            st.execute("copy (select distinct item_id, 10.0::double as unit_price from s) to '" + catalog + "' (format parquet)");
            st.execute("copy (select item_id, case when item_id = 'bad-stock' then 'NaN'::double else 4.0 end as on_hand, "
                    + "1.0::double as on_order, 0.0::double as backorders from (select distinct item_id from s)) to '"
                    + stock + "' (format parquet)");
        }
        return new CycleSources(List.of(sales), List.of(), Optional.of(catalog), Optional.of(stock), Optional.empty(),
                List.of("sales-1", "catalog-1", "stock-1"), List.of(), List.of());
    }

    static SparkCycleResult run(String out, OptionalInt fail) {
        return new SparkCycleRunner(spark).run(new SparkCycle("replenish-test.yaml", TestHome.DECISION_TYPE,
                TestHome.AS_OF, sources, dir.resolve(out).toString(), 4, fail));
    }

    static Map<String, Row> rows(SparkCycleResult r, String part) {
        Map<String, Row> out = new TreeMap<>();
        for (Row row : spark.read().parquet(r.directory() + "/" + part).collectAsList()) out.put(row.getString(0), row);
        return out;
    }

    @Test
    void one_bad_series_is_quarantined_with_its_reason_and_the_others_are_planned() {
        SparkCycleResult r = run("bad-series", OptionalInt.empty());

        Map<String, Row> quarantined = rows(r, "quarantined");
        assertThat(quarantined).containsOnlyKeys("bad-negative", "bad-stock");
        assertThat(quarantined.get("bad-negative").getString(1))
                .contains("demand of the period starting 2023-08-28 was -479.0; expected a finite number of units >= 0");
        assertThat(quarantined.get("bad-stock").getString(1))
                .contains("inventory position was NaN; expected a finite number of units");
        assertThat(r.quarantined()).isEqualTo(2);
        assertThat(r.recommendations()).isEqualTo(200);
    }

    @Test
    void a_task_that_fails_half_way_once_is_retried_without_duplicate_or_missing_rows() {
        SparkCycleResult clean = run("clean", OptionalInt.empty());
        int failedBefore = failedTasks.get();

        SparkCycleResult retried = run("retried", OptionalInt.of(1));

        assertThat(failedTasks.get()).isGreaterThan(failedBefore);
        assertThat(retried.recommendations()).isEqualTo(clean.recommendations()).isEqualTo(200);
        assertThat(retried.merkleRoot()).isEqualTo(clean.merkleRoot());
        assertThat(rows(retried, "forecasts")).hasSize(200);
        assertThat(spark.read().parquet(retried.directory() + "/recommendations").select("id").distinct().count())
                .isEqualTo(200);
    }

    @Test
    void a_rerun_of_a_finished_cycle_writes_nothing() throws IOException {
        SparkCycleResult first = run("rerun", OptionalInt.empty());
        Map<String, Long> before = listing(Path.of(first.directory()));

        SparkCycleResult again = run("rerun", OptionalInt.of(0));

        assertThat(first.isNew()).isTrue();
        assertThat(again.isNew()).isFalse();
        assertThat(again.merkleRoot()).isEqualTo(first.merkleRoot());
        assertThat(listing(Path.of(first.directory()))).isEqualTo(before);
        assertThat(listing(dir.resolve("rerun/_tmp"))).isEmpty();
    }

    static Map<String, Long> listing(Path root) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        if (!Files.exists(root)) return out;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString(), Files.getLastModifiedTime(f).toMillis() ^ Files.size(f));
            }
        }
        return out;
    }
}
