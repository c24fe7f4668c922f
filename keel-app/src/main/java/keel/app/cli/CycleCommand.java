package keel.app.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import keel.app.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code keel cycle --decision-type NAME --as-of DATE}. */
@Command(name = "cycle", mixinStandardHelpOptions = true,
        description = "Runs one cycle of a decision type on the batches ingested so far. Running the same cycle again "
                + "(same decision type version, as-of date and batches) writes nothing and shows the stored result.")
final class CycleCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Option(names = "--decision-type", required = true)
    String decisionType;

    @Option(names = "--as-of", required = true, description = "the cycle's date, e.g. 2011-06-06")
    LocalDate asOf;

    @Option(names = "--threads", description = "threads for forecasting: default all cores")
    Integer threads;

    @Option(names = "--engine", defaultValue = "local", description = "local (this machine) or spark (keel-spark, "
            + "run through the keel launcher or spark-submit)")
    String engine;

    @Option(names = "--master", description = "with --engine spark: the Spark master, e.g. local[2]")
    String master;

    @Override
    public Integer call() {
        if (!engine.equals("local")) {
            throw new IllegalArgumentException("--engine " + engine + " is not in this jar: keel-app does not depend on "
                    + "Spark. Run `./keel cycle --engine spark --master local[2] ...` (the launcher builds and uses "
                    + "keel-spark/target/keel-spark.jar) or spark-submit keel-spark.jar on a cluster; see README.md");
        }
        try (Workspace ws = home.open()) {
            int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            Workspace.CycleRun run = ws.runCycle(decisionType, asOf, t);
            var r = run.result();
            System.out.printf("cycle %s of %s as of %s: %s; %d recommendations, %d need review, %d by the fallback policy%n",
                    r.cycleId(), decisionType, asOf, run.isNew() ? "new" : "already run, nothing written",
                    r.recommendations().size(), r.exceptions(), r.fallbacks());
            return 0;
        }
    }
}
