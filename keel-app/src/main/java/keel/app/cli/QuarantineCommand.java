package keel.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import keel.app.workspace.Workspace;
import keel.core.contract.Batch;
import keel.core.contract.QuarantinedRow;
import keel.store.files.DuckDbBatchReader;
import keel.store.jdbc.BatchRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keel quarantine list|show|resubmit}. */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = "Lists batches with quarantined rows, shows the rows with every reason, and resubmits corrected rows.",
        subcommands = {QuarantineCommand.ListBatches.class, QuarantineCommand.Show.class, QuarantineCommand.Resubmit.class})
final class QuarantineCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** {@code keel quarantine list [--input NAME]}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the batches with quarantined rows, newest last, and their resubmissions.")
    static final class ListBatches implements Callable<Integer> {
        @Mixin HomeOption home;

        @Option(names = "--input", description = "only batches of this data set, e.g. online-sales")
        String input;

        @Override
        public Integer call() {
            try (Workspace ws = home.open()) {
                List<BatchRecord> batches = (input == null ? ws.store().batches() : ws.store().batches(input)).stream()
                        .filter(b -> b.rowsQuarantined() > 0 && b.quarantinePath().isPresent()).toList();
                if (batches.isEmpty()) System.out.println("no quarantined rows");
                for (BatchRecord b : batches) {
                    List<String> resubmitted = ws.contractMetrics().resubmissionsOf(b.hash());
                    System.out.printf(Locale.ROOT, "%s  %-16s %-28s %6d of %d rows quarantined%s%n",
                            b.hash().substring(0, 12), b.input(), b.sourceFile(), b.rowsQuarantined(), b.rowsRead(),
                            resubmitted.isEmpty() ? "" : "; resubmitted in " + String.join(", ",
                                    resubmitted.stream().map(h -> h.substring(0, 12)).toList()));
                }
                return 0;
            }
        }
    }

    /** {@code keel quarantine show BATCH [--limit N] [--export FILE]}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Shows a batch's quarantined rows, each with every reason (file, row, column, value, "
                    + "expectation); --export writes them as CSV in the contract's dialect, values as found, ready to correct "
                    + "and resubmit.")
    static final class Show implements Callable<Integer> {
        @Mixin HomeOption home;

        @Parameters(index = "0", description = "the batch's hash, or a unique prefix of it")
        String batch;

        @Option(names = "--limit", defaultValue = "50", description = "how many rows to show (default 50)")
        int limit;

        @Option(names = "--export", description = "write the quarantined rows to this CSV file")
        Path export;

        @Override
        public Integer call() {
            try (Workspace ws = home.open()) {
                BatchRecord b = ws.batchByPrefix(batch);
                System.out.printf("batch %s %s (%s): %s, %d rows read, %d quarantined%n", b.hash(), b.sourceFile(),
                        b.input(), b.status(), b.rowsRead(), b.rowsQuarantined());
                b.reason().ifPresent(r -> System.out.println("blocked: " + r));
                ws.contractMetrics().originalOf(b.hash())
                        .ifPresent(o -> System.out.println("resubmits quarantined rows of batch " + o));
                if (b.quarantinePath().isEmpty() || !Files.exists(b.quarantinePath().get())) return 0;
                DuckDbBatchReader reader = new DuckDbBatchReader();
                for (QuarantinedRow row : reader.quarantinedRows(b.quarantinePath().get(), b.sourceFile(), limit)) {
                    row.reasons().forEach(r -> System.out.println("  " + r.message() + " [" + r.check().id() + "]"));
                }
                if (b.rowsQuarantined() > limit) {
                    System.out.println("  ... " + (b.rowsQuarantined() - limit) + " more rows; --limit N shows more");
                }
                if (export != null) {
                    long rows = reader.exportQuarantinedRows(b.quarantinePath().get(), export, ws.dialectOf(b.input()));
                    System.out.println("wrote " + rows + " quarantined rows to " + export
                            + "; correct them and run `keel quarantine resubmit`");
                }
                return 0;
            }
        }
    }

    /** {@code keel quarantine resubmit FILE --batch BATCH --decision-type NAME}. */
    @Command(name = "resubmit", mixinStandardHelpOptions = true,
            description = {"Checks a corrected file of a batch's quarantined rows again under the same contract; its "
                    + "accepted rows become a new batch linked to the original, recorded in the ledger.",
                "Exit codes: 0 accepted (rows still failing are quarantined again), 3 blocked, 2 bad arguments."})
    static final class Resubmit implements Callable<Integer> {
        @Mixin HomeOption home;

        @Parameters(index = "0", description = "the corrected rows: CSV with the same header, or Parquet")
        Path file;

        @Option(names = "--batch", required = true, description = "the original batch's hash, or a unique prefix")
        String batch;

        @Option(names = "--decision-type", required = true, description = "the decision type whose contract applies")
        String decisionType;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + ": no such file; expected a file of corrected rows");
            }
            try (Workspace ws = home.open()) {
                Workspace.Ingested in = ws.resubmit(file, batch, decisionType);
                Batch b = in.batch();
                if (b.isBlocked()) {
                    System.err.println("blocked: " + b.blockedReason().orElse(""));
                    return 3;
                }
                System.out.printf("%s batch %s resubmits batch %s: %d rows read, %d accepted, %d quarantined again%n",
                        in.isNew() ? "new" : "known", b.contentHash(), ws.batchByPrefix(batch).hash(), b.rows().read(),
                        b.rows().accepted(), b.rows().quarantined());
                b.quarantineSample().stream().limit(20).forEach(r -> System.out.println("  " + r.message()
                        .replace("\n", "\n  ")));
                return 0;
            }
        }
    }
}
