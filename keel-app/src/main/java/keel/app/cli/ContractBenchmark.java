package keel.app.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import keel.core.contract.Batch;
import keel.core.contract.BatchMetrics;
import keel.core.contract.CheckOutcome;
import keel.core.contract.DatasetCheck;
import keel.core.contract.InputContract;
import keel.store.files.ContractMetrics;
import keel.store.files.DuckDbBatchIngestor;
import keel.store.files.IngestLimits;
import keel.store.files.YamlInputContracts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keel contract benchmark}: generates a daily sales CSV, validates it with a typical contract and prints
 * rows/s next to DuckDB's bare {@code read_csv} + {@code count(*)} of the same file, and peak memory.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Generates a daily sales CSV of --rows rows in --dir, checks it against a contract of about 20 "
                + "checks, and prints rows/s next to DuckDB's bare read_csv + count(*) of the same file, and peak memory.")
final class ContractBenchmark implements Callable<Integer> {
    static final String CONTRACT = String.join("\n",
            "input: bench-sales",
            "owner: sales-data@example.com",
            "columns:",
            "  - {name: item_id, type: text, required: true, pattern: 'I[0-9]{6}'}",
            "  - {name: store_id, type: text, required: true, allowed: [S00, S01, S02, S03, S04, S05, S06, S07, S08,"
                    + " S09, S10, S11, S12, S13, S14, S15, S16, S17, S18, S19]}",
            "  - {name: date, type: date, required: true}",
            "  - {name: units, type: integer, required: true, min: 0, max: 100000}",
            "  - {name: price, type: decimal, min: 0, max: 10000, decimals: 2}",
            "key: [item_id, store_id, date]",
            "checks:",
            "  - {check: volume, window: 8, k: 4, severity: block}",
            "  - {check: freshness, column: date, maxAgeDays: 2, severity: block}",
            "  - {check: nulls, column: price, maxShare: 0.05, severity: warn}",
            "  - {check: drift, column: units, method: psi, threshold: 0.25, severity: warn}",
            "  - {check: drift, column: store_id, method: jensen-shannon, threshold: 0.05, severity: warn}");

    @Option(names = "--rows", defaultValue = "10000000", description = "rows to generate (default 10,000,000)")
    long rows;

    @Option(names = "--dir", defaultValue = "/tmp/keel-contract-bench", description = "scratch folder (default ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--memory-mb", defaultValue = "2048", description = "DuckDB memory limit for checking (default 2048)")
    int memoryMb;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dir);
        Path csv = dir.resolve("sales-" + rows + ".csv");
        if (!Files.exists(csv)) {
            long t = System.nanoTime();
            generate(csv, rows);
            System.out.printf(Locale.ROOT, "generated %s (%,d rows, %.2f GB) in %.1f s%n", csv, rows,
                    Files.size(csv) / 1e9, seconds(t));
        }
        InputContract contract = YamlInputContracts.parse("bench-sales.yaml", CONTRACT);
        System.out.printf(Locale.ROOT, "contract: %d columns, %d row checks, %d dataset checks; %d cores%n",
                contract.columns().size(), rowChecks(contract), contract.checks().size(),
                Runtime.getRuntime().availableProcessors());
        double bare = bareRead(csv, "read_csv(%s)");
        double bareText = bareRead(csv, "read_csv(%s, all_varchar = true)");
        Path data = dir.resolve("data-" + System.nanoTime());
        long t = System.nanoTime();
        Batch batch = new DuckDbBatchIngestor(data, new IngestLimits(1000, memoryMb)).ingest(csv, contract);
        double rowSeconds = seconds(t);
        long t2 = System.nanoTime();
        BatchMetrics metrics = ContractMetrics.of(batch, contract, Optional.empty());
        List<CheckOutcome> outcomes = new ArrayList<>();
        LocalDate asOf = LocalDate.of(2025, 1, 2).plusDays((rows - 1) / 2_000_000);
        for (DatasetCheck check : contract.checks()) outcomes.add(check.evaluate(metrics, List.of(), asOf));
        double datasetSeconds = seconds(t2);
        double total = rowSeconds + datasetSeconds;
        System.out.println(batch.summary());
        outcomes.forEach(o -> System.out.println("  " + (o.passed() ? "ok " : "FAILED ") + o.line()));
        System.out.printf(Locale.ROOT, "bare read_csv + count(*):               %6.1f s  %,12.0f rows/s%n", bare, rows / bare);
        System.out.printf(Locale.ROOT, "bare read_csv(all_varchar) + count(*):  %6.1f s  %,12.0f rows/s%n", bareText,
                rows / bareText);
        System.out.printf(Locale.ROOT, "contract check (hash, rows, files):     %6.1f s  %,12.0f rows/s%n", rowSeconds,
                rows / rowSeconds);
        System.out.printf(Locale.ROOT, "  + figures and dataset checks:         %6.1f s%n", datasetSeconds);
        System.out.printf(Locale.ROOT, "contract check, all:                    %6.1f s  %,12.0f rows/s = %.0f %% of bare read%n",
                total, rows / total, 100 * bare / total);
        System.out.printf(Locale.ROOT, "peak memory: JVM heap %.0f MB, process resident (JVM + DuckDB) %s%n",
                peakHeapMb(), peakResident());
        deleteTree(data);
        return 0;
    }

    /** Sales of 100,000 items × 20 stores per day, unique keys; about 1 row in 100,000 carries a defect. */
    static void generate(Path csv, long rows) throws SQLException {
        String sql = "COPY (SELECT 'I' || lpad(CAST(i % 100000 AS VARCHAR), 6, '0') AS item_id,"
                + " 'S' || lpad(CAST((i // 100000) % 20 AS VARCHAR), 2, '0') AS store_id,"
                + " CAST(DATE '2025-01-01' + CAST(i // 2000000 AS INTEGER) AS VARCHAR) AS date,"
                + " CASE WHEN i % 100003 = 7 THEN '-1' WHEN i % 100019 = 11 THEN 'three' ELSE"
                + " CAST(CAST(hash(i) % 40 AS BIGINT) AS VARCHAR) END AS units,"
                + " CASE WHEN i % 50 = 0 THEN '' ELSE CAST(round(1 + (hash(i * 7) % 2000) / 100.0, 2) AS VARCHAR)"
                + " END AS price FROM range(" + rows + ") t(i)) TO '" + csv.toAbsolutePath() + "' (HEADER, DELIMITER ',')";
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute(sql);
        }
    }

    private static double bareRead(Path csv, String scan) throws SQLException {
        long t = System.nanoTime();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM "
                        + String.format(scan, "'" + csv.toAbsolutePath() + "'"))) {
            rs.next();
            rs.getLong(1);
        }
        return seconds(t);
    }

    private static int rowChecks(InputContract contract) {
        int n = contract.keyColumns().isEmpty() ? 0 : 1;
        for (var c : contract.columns()) {
            n += (c.required() ? 1 : 0) + (c.type().word().equals("text") ? 0 : 1) + (c.min().isPresent() ? 1 : 0)
                    + (c.max().isPresent() ? 1 : 0) + (c.allowedValues().isEmpty() ? 0 : 1)
                    + (c.pattern().isPresent() ? 1 : 0) + (c.decimals().isPresent() ? 1 : 0);
        }
        return n;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double peakHeapMb() {
        double sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum / 1e6;
    }

    private static String peakResident() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("\\s+", " ").substring(6).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
