package keel.store.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import keel.core.contract.Batch;
import keel.core.contract.BatchStatus;
import keel.core.contract.InputContract;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real demo data ingests cleanly: 275,504 rows, none quarantined (README: 3,803 items, 1,878 returns-only rows). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OnlineRetailSmokeTest {
    private static final Path DATA = Path.of("/work/shared/data/retail");

    @TempDir
    Path dir;

    private static InputContract contract(String name) throws Exception {
        return YamlInputContracts.read(Path.of(OnlineRetailSmokeTest.class.getResource("/contracts/" + name).toURI()));
    }

    @Test
    void the_online_retail_daily_sales_ingest_with_no_row_quarantined() throws Exception {
        assumeTrue(Files.isDirectory(DATA), "the shared retail data is not on this machine");
        DuckDbBatchIngestor ingestor = new DuckDbBatchIngestor(dir.resolve("data"));
        Batch catalog = ingestor.ingest(DATA.resolve("online_retail_items.csv"), contract("online_retail_items.yaml"));

        long start = System.nanoTime();
        Batch sales = ingestor.ingest(DATA.resolve("online_retail_daily.csv.gz"), contract("online_retail_daily.yaml"),
                KnownKeys.none().with("catalog", catalog));
        long ingestMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        Batch again = ingestor.ingest(DATA.resolve("online_retail_daily.csv.gz"), contract("online_retail_daily.yaml"),
                KnownKeys.none().with("catalog", catalog));
        long againMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("ingest of online_retail_daily.csv.gz: %d ms; again (no-op): %d ms%n", ingestMillis, againMillis);

        assertThat(catalog.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(catalog.rows().accepted()).isEqualTo(3805);
        assertThat(sales.status()).as(sales.summary()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(sales.rows().read()).isEqualTo(275_504);
        assertThat(sales.rows().quarantined()).isZero();
        assertThat(sales.contentHash()).isEqualTo("39e7b8475454c9aa45e64fd69c038e0c551127156b541b4c70a53c78d50a787b");
        assertThat(again).isEqualTo(sales);
    }

    @Test
    void the_online_retail_series_read_back_with_all_units() throws Exception {
        assumeTrue(Files.isDirectory(DATA), "the shared retail data is not on this machine");
        DuckDbBatchIngestor ingestor = new DuckDbBatchIngestor(dir.resolve("data"));
        Batch catalog = ingestor.ingest(DATA.resolve("online_retail_items.csv"), contract("online_retail_items.yaml"));
        Batch sales = ingestor.ingest(DATA.resolve("online_retail_daily.csv.gz"), contract("online_retail_daily.yaml"),
                KnownKeys.none().with("catalog", catalog));
        AtomicLong series = new AtomicLong();
        double[] units = new double[1];

        long start = System.nanoTime();
        new DuckDbBatchReader().forEachSeries(sales, SeriesQuery.of(List.of("item_id"), "date", "units"), s -> {
            series.incrementAndGet();
            for (double v : s.values()) {
                units[0] += v;
            }
        });
        System.out.printf("read back %d series: %d ms%n", series.get(), (System.nanoTime() - start) / 1_000_000);

        assertThat(series.get()).isEqualTo(3803);
        assertThat(units[0]).isEqualTo(5_373_832.0);
    }
}
