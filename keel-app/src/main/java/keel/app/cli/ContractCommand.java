package keel.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import keel.app.workspace.Workspace;
import keel.core.contract.Batch;
import keel.core.contract.InputContract;
import keel.store.jdbc.BatchRecord;
import keel.store.jdbc.ContractMetricsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keel contract check|report}: a dry run of a contract, and the trend of its figures. */
@Command(name = "contract", mixinStandardHelpOptions = true,
        description = "Dry-runs a contract on a file, or shows the trend of the figures its checks computed.",
        subcommands = {ContractCommand.Check.class, ContractCommand.Report.class, ContractBenchmark.class})
final class ContractCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** {@code keel contract check FILE --as INPUT --decision-type NAME}: nothing is stored. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Checks a file against its contract as `keel ingest` would, against the same history, "
                    + "but stores nothing.", "Exit codes: 0 accepted (possibly with quarantined rows or warnings), "
                    + "3 blocked (one line on stderr), 2 bad arguments."})
    static final class Check implements Callable<Integer> {
        @Mixin HomeOption home;

        @Parameters(index = "0", description = "the file to check")
        Path file;

        @Option(names = "--as", required = true, description = "the input role: sales, catalog, inventory, calendar")
        String input;

        @Option(names = "--decision-type", required = true, description = "the decision type whose contract applies")
        String decisionType;

        @Option(names = "--as-of", description = "the date freshness is judged at (default: today, UTC)")
        LocalDate asOf;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + ": no such file; expected a data file");
            }
            try (Workspace ws = home.open()) {
                LocalDate date = asOf != null ? asOf : LocalDate.ofInstant(ws.clock().instant(), ZoneOffset.UTC);
                Workspace.Ingested in;
                try (StageProgress progress = StageProgress.forFile(file)) {
                    in = ws.check(file, input, decisionType, date, progress);
                }
                Batch b = in.batch();
                IngestCommand.printChecks(in);
                if (b.isBlocked()) {
                    System.err.println("blocked: " + b.blockedReason().orElse(""));
                    return 3;
                }
                System.out.printf("dry run, nothing stored: %d rows read, %d would be accepted, %d quarantined%n",
                        b.rows().read(), b.rows().accepted(), b.rows().quarantined());
                b.quarantineSample().stream().limit(20).forEach(r -> System.out.println("  " + r.message()
                        .replace("\n", "\n  ")));
                return 0;
            }
        }
    }

    /** {@code keel contract report --as INPUT --decision-type NAME}. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Shows, per figure a contract computed (row counts, null shares, means, drift scores, ...), "
                    + "its trend over the input's last batches, and the checks each batch failed.")
    static final class Report implements Callable<Integer> {
        private static final String BARS = "▁▂▃▄▅▆▇█";

        @Mixin HomeOption home;

        @Option(names = "--as", required = true, description = "the input role: sales, catalog, inventory, calendar")
        String input;

        @Option(names = "--decision-type", required = true, description = "the decision type whose contract applies")
        String decisionType;

        @Option(names = "--last", defaultValue = "12", description = "how many of the latest batches (default 12)")
        int last;

        @Override
        public Integer call() {
            try (Workspace ws = home.open()) {
                InputContract contract = ws.contract(decisionType, input);
                List<BatchRecord> batches = ws.store().batches(contract.input());
                batches = batches.subList(Math.max(0, batches.size() - last), batches.size());
                System.out.printf("contract %s (data owner %s): %d checks, last %d batches, oldest first%n",
                        contract.input(), contract.owner(), contract.checks().size(), batches.size());
                printTrend(ws.contractMetrics(), contract.input(), batches);
                for (BatchRecord b : batches) {
                    List<String> failed = new ArrayList<>();
                    ws.contractMetrics().outcomes(b.hash()).stream().filter(o -> !o.passed())
                            .forEach(o -> failed.add(o.check() + " (" + o.severity().name().toLowerCase(Locale.ROOT)
                                    + "): " + o.message()));
                    if (!failed.isEmpty() || b.reason().isPresent()) {
                        System.out.printf("%s %s %s%n", b.hash().substring(0, 12), b.sourceFile(), b.status());
                        failed.forEach(f -> System.out.println("  " + f));
                    }
                }
                return 0;
            }
        }

        private static void printTrend(ContractMetricsStore store, String input, List<BatchRecord> batches) {
            List<String> hashes = batches.stream().map(BatchRecord::hash).toList();
            Map<String, Map<String, Double>> series = new LinkedHashMap<>();
            for (ContractMetricsStore.Point p : store.trend(input)) {
                if (!hashes.contains(p.batchHash())) continue;
                String name = p.column().isEmpty() ? p.metric() : p.column() + "." + p.metric();
                series.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(p.batchHash(), p.value());
            }
            for (Map.Entry<String, Map<String, Double>> s : series.entrySet()) {
                List<Double> values = hashes.stream().map(h -> s.getValue().getOrDefault(h, Double.NaN)).toList();
                double latest = values.stream().filter(v -> !v.isNaN()).reduce((a, b) -> b).orElse(Double.NaN);
                System.out.printf(Locale.ROOT, "  %-28s %s  latest %s%n", s.getKey(), spark(values), format(latest));
            }
        }

        private static String spark(List<Double> values) {
            double min = values.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).min().orElse(0);
            double max = values.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).max().orElse(0);
            StringBuilder out = new StringBuilder();
            for (double v : values) {
                if (Double.isNaN(v)) {
                    out.append(' ');
                } else {
                    int i = max > min ? (int) Math.round((v - min) / (max - min) * (BARS.length() - 1)) : 0;
                    out.append(BARS.charAt(i));
                }
            }
            return out.toString();
        }

        private static String format(double v) {
            if (Double.isNaN(v)) return "-";
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4g", v);
        }
    }
}
