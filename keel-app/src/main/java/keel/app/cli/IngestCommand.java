package keel.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import keel.app.workspace.Workspace;
import keel.core.contract.Batch;
import keel.core.contract.CheckOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keel ingest FILE --as INPUT --decision-type NAME}. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Checks a CSV, gzip'd CSV or Parquet file against its contract and keeps it as a batch named by "
                + "its content hash; rows that fail are quarantined with their reasons; the contract's dataset checks "
                + "(volume, freshness, completeness, nulls, drift) judge the batch against the input's history. "
                + "The same content twice is a no-op.",
            "Exit codes: 0 accepted (possibly with quarantined rows or warnings), 3 blocked (one line on stderr), "
                + "2 bad arguments."})
final class IngestCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(index = "0", description = "the file to ingest")
    Path file;

    @Option(names = "--as", required = true, description = "the input role: sales, catalog, inventory, calendar")
    String input;

    @Option(names = "--decision-type", required = true, description = "the decision type whose contract applies")
    String decisionType;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file + ": no such file; expected a data file");
        try (Workspace ws = home.open()) {
            Workspace.Ingested in;
            try (StageProgress progress = StageProgress.forFile(file)) {
                in = ws.ingest(file, input, decisionType, progress);
            }
            Batch b = in.batch();
            printChecks(in);
            if (b.isBlocked()) {
                System.err.println("blocked: " + b.blockedReason().orElse(""));
                return 3;
            }
            System.out.printf("%s batch %s: %d rows read, %d accepted, %d quarantined%n", in.isNew() ? "new" : "known",
                    b.contentHash(), b.rows().read(), b.rows().accepted(), b.rows().quarantined());
            for (String r : ws.store().quarantineReasons(b.contentHash(), 20)) System.out.println("  " + r);
            return 0;
        }
    }

    /** Prints each dataset check's outcome, one line each: {@code ok}, {@code WARN} or {@code BLOCK}. */
    static void printChecks(Workspace.Ingested in) {
        for (CheckOutcome c : in.checks()) {
            String mark = c.passed() ? "ok   " : c.blocks() ? "BLOCK" : "WARN ";
            System.out.println(mark + " " + c.check() + ": " + c.message());
        }
    }
}
