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
import keel.core.contract.CheckOutcome;
import keel.core.contract.DatasetCheck;
import keel.core.contract.InputContract;
import keel.store.files.DuckDbBatchIngestor;
import keel.store.files.IngestLimits;
import keel.store.files.KnownKeys;
import keel.store.files.YamlInputContracts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keel contract benchmark}: generates a daily sales CSV and, in one run, times DuckDB's bare
 * {@code read_csv} + {@code count(*)} of it, a dry-run contract check (row checks, figures and dataset checks;
 * nothing written) and a full ingest (the same plus the accepted rows to Parquet), printing rows/s, the ratio to the
 * bare read and each step's peak resident memory (JVM + DuckDB).
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Generates a daily sales CSV of --rows rows in --dir, and times DuckDB's bare read_csv + count(*) of "
                + "it, a dry-run check against a contract of about 20 checks, and a full ingest; prints rows/s, the ratio "
                + "to the bare read, CPU seconds and peak resident memory.")
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

    @Option(names = "--with-reference", description = "also check that every item_id is in a catalog of the "
            + "100,000 generated items (a reference, as real sales contracts have)")
    boolean withReference;

    @Option(names = "--rounds", defaultValue = "1", description = "rounds of bare read, dry-run check and ingest; "
            + "medians are reported (default 1)")
    int rounds;

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
        InputContract contract = YamlInputContracts.parse("bench-sales.yaml", withReference
                ? CONTRACT.replace("key: [item_id, store_id, date]", "key: [item_id, store_id, date]\nreferences:\n"
                        + "  - {column: item_id, input: catalog}") : CONTRACT);
        KnownKeys known = withReference ? KnownKeys.none().with("catalog", catalogItems()) : KnownKeys.none();
        System.out.printf(Locale.ROOT, "contract: %d columns, %d row checks, %d dataset checks; %d cores;"
                        + " DuckDB memory limit %d MB; load average before: %s%n",
                contract.columns().size(), rowChecks(contract), contract.checks().size(),
                Runtime.getRuntime().availableProcessors(), memoryMb, loadAverage());
        LocalDate asOf = LocalDate.of(2025, 1, 2).plusDays((rows - 1) / 2_000_000);
        IngestLimits limits = new IngestLimits(1000, memoryMb);
        List<Phase> phases = List.of(new Phase("bare read_csv + count(*)"), new Phase("contract check (dry run)"),
                new Phase("contract ingest (+ Parquet)"), new Phase("reference: read every value"),
                new Phase("reference: distinct key hashes"));
        for (int r = 0; r < rounds; r++) {
            int round = r;
            phases.get(0).time(() -> bareRead(csv));
            phases.get(3).time(() -> scalar(csv, "max(item_id), max(store_id), max(date), max(units), max(price)"));
            phases.get(4).time(() -> scalar(csv, "count(DISTINCT hash(item_id, store_id, date))"));
            Path data = dir.resolve("data-" + System.nanoTime());
            phases.get(1).time(() -> report(round, "check", judge(contract, asOf,
                    new DuckDbBatchIngestor(data, limits).dryRun(csv, contract, known, Optional.empty()))));
            phases.get(2).time(() -> report(round, "ingest", judge(contract, asOf,
                    new DuckDbBatchIngestor(data, limits).ingest(csv, contract, known, Optional.empty()))));
            deleteTree(data);
        }
        double bare = phases.get(0).median();
        double bareCpu = phases.get(0).medianCpu();
        System.out.printf(Locale.ROOT, "%-30s %9s %14s %9s %9s %9s %14s%n", "rows " + String.format(Locale.ROOT, "%,d",
                rows), "median s", "rows/s", "vs bare", "CPU s", "vs bare", "peak RSS");
        for (Phase phase : phases) {
            System.out.printf(Locale.ROOT, "%-30s %9.2f %,14.0f %8.0f%% %9.2f %8.0f%% %11.0f MB%n", phase.name,
                    phase.median(), rows / phase.median(), 100 * bare / phase.median(), phase.medianCpu(),
                    100 * bareCpu / phase.medianCpu(), phase.peakRssMb);
        }
        System.out.printf(Locale.ROOT, "%d round(s); JVM heap peak %.0f MB; load average after: %s%n", rounds,
                peakHeapMb(), loadAverage());
        System.out.println("The references bound any checker on DuckDB: reading every value as text (what count(*) skips)"
                + " and the exact distinct count of the key's hashes (the key-uniqueness check alone), on the same threads.");
        return 0;
    }

    /** The item ids the generator writes: I000000 to I099999. */
    private static java.util.Set<String> catalogItems() {
        java.util.Set<String> items = new java.util.HashSet<>();
        for (int i = 0; i < 100_000; i++) items.add(String.format(Locale.ROOT, "I%06d", i));
        return items;
    }

    /** The batch's dataset checks evaluated on its figures, as an ingest does (without history). */
    private static List<String> judge(InputContract contract, LocalDate asOf, DuckDbBatchIngestor.Checked checked) {
        List<String> lines = new ArrayList<>(List.of(checked.batch().summary()));
        for (DatasetCheck check : contract.checks()) {
            CheckOutcome o = check.evaluate(checked.figures(), List.of(), asOf);
            lines.add("  " + (o.passed() ? "ok " : "FAILED ") + o.line());
        }
        return lines;
    }

    private static void report(int round, String what, List<String> lines) {
        if (round == 0) {
            System.out.println(what + ": " + String.join(System.lineSeparator(), lines));
        }
    }

    /**
     * One measured step: its times, the CPU time of the process (JVM and DuckDB's threads) while it ran, which other
     * work on a shared machine disturbs less than the elapsed time, and the peak resident memory.
     */
    private static final class Phase {
        final String name;
        final List<Double> seconds = new ArrayList<>();
        final List<Double> cpuSeconds = new ArrayList<>();
        double peakRssMb;

        Phase(String name) {
            this.name = name;
        }

        void time(Step step) throws Exception {
            resetPeakResident();
            long t = System.nanoTime();
            double cpu = processCpuSeconds();
            step.run();
            seconds.add(seconds(t));
            cpuSeconds.add(processCpuSeconds() - cpu);
            peakRssMb = Math.max(peakRssMb, peakResidentMb());
        }

        double median() {
            return median(seconds);
        }

        double medianCpu() {
            return median(cpuSeconds);
        }

        private static double median(List<Double> values) {
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
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

    /** One aggregate over every line of the file read as text (a lower bound on checking every value). */
    private static void scalar(Path csv, String aggregates) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + aggregates + " FROM read_csv('" + csv.toAbsolutePath()
                        + "', header = true, all_varchar = true)")) {
            rs.next();
        }
    }

    private static void bareRead(Path csv) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM read_csv('" + csv.toAbsolutePath() + "')")) {
            rs.next();
            rs.getLong(1);
        }
    }

    private static int rowChecks(InputContract contract) {
        int n = (contract.keyColumns().isEmpty() ? 0 : 1) + contract.references().size();
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

    /** The CPU time of the whole process so far; NaN where the JVM does not tell. */
    private static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    private static double peakHeapMb() {
        double sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum / 1e6;
    }

    /** Resets the process's peak resident size (Linux: {@code clear_refs} 5); a no-op elsewhere. */
    private static void resetPeakResident() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // not Linux, or not allowed: the peak then covers the whole run so far
        }
    }

    private static double peakResidentMb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .mapToDouble(l -> Double.parseDouble(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).trim().split(" ")).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
