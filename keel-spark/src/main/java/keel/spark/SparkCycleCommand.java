package keel.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import keel.app.workspace.Workspace;
import keel.core.decision.DecisionType;
import keel.store.config.YamlFiles;
import keel.store.jdbc.StoreConfig;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keel cycle --engine spark}: runs one cycle of a Keel home's decision type on Spark, loads
 * the cycle and its queued exceptions into the home's store (the review queue) and records it in the
 * ledger by its Merkle root (see {@link CycleLedger}). The main class of {@code keel-spark.jar}, for
 * the {@code keel} launcher and for {@code spark-submit}.
 */
@Command(name = "cycle", mixinStandardHelpOptions = true,
        description = "Runs one cycle of a decision type on Apache Spark over the home's batch files, writes "
                + "recommendations, forecasts, exceptions and quarantined series as Parquet, puts the queued exceptions in "
                + "the review queue and records the cycle in the ledger by the Merkle root of its recommendations. "
                + "Running it again writes nothing.")
public final class SparkCycleCommand implements Callable<Integer> {
    @Option(names = "--home", description = "Keel home (default: $KEEL_HOME, else keel-out/demo/home)")
    Path home;

    @Option(names = "--decision-type", required = true)
    String decisionType;

    @Option(names = "--as-of", required = true, description = "the cycle's date, e.g. 2011-06-06")
    LocalDate asOf;

    @Option(names = "--engine", defaultValue = "spark", description = "spark (this jar runs only the Spark engine)")
    String engine;

    @Option(names = "--master", description = "Spark master, e.g. local[2]; omit under spark-submit, which sets it")
    String master;

    @Option(names = "--out", description = "output root (path or URI); default: HOME/spark-cycles")
    String out;

    @Option(names = "--data-root", description = "where executors read the home's batches/ folder, when copied to "
            + "a cluster file system (e.g. hdfs:///keel/batches); default: the home's own folder")
    String dataRoot;

    @Option(names = "--partitions", description = "partitions of series (tasks); default: 2 x default parallelism")
    Integer partitions;

    @Override
    public Integer call() throws java.io.IOException {
        if (!engine.equals("spark")) {
            throw new IllegalArgumentException("--engine was " + engine + "; keel-spark.jar runs only --engine spark");
        }
        Path h = home != null ? home : Path.of(Optional.ofNullable(System.getenv("KEEL_HOME")).orElse("keel-out/demo/home"));
        if (!Files.isDirectory(h.resolve("decision-types"))) {
            throw new IllegalArgumentException(h + " is not a Keel home (no decision-types folder)");
        }
        // Ledger times to the microsecond: the store keeps no finer, and the entry's hash covers its time.
        Clock clock = Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1000));
        // A session already running in this JVM (a notebook, a test) is used and left running; one made here is stopped.
        boolean running = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
        SparkSession spark = session();
        try (Workspace ws = Workspace.open(h, StoreConfig.fromEnvironment(System.getenv(), h), clock)) {
            DecisionType type = ws.decisionType(decisionType);
            Path file = typeFile(h, type);
            SparkCycle cycle = new SparkCycle(file.getFileName().toString(), YamlFiles.read(file), asOf,
                    HomeSources.of(ws, type, asOf, Optional.ofNullable(dataRoot)),
                    out != null ? out : h.resolve("spark-cycles").toAbsolutePath().toString(),
                    partitions != null ? partitions : 2 * spark.sparkContext().defaultParallelism(), OptionalInt.empty());
            SparkCycleResult r = new SparkCycleRunner(spark).run(cycle);
            boolean recorded = CycleLedger.record(spark, ws.store(), type, r, ws.clock().instant());
            System.out.printf("cycle %s of %s as of %s on Spark: %s; %d recommendations, %d need review (%d queued), "
                    + "%d by the fallback policy, %d series quarantined%n  output %s%n  Merkle root %s%n  %s%n",
                    r.cycleId(), decisionType, asOf, r.isNew() ? "new" : "already run, nothing written",
                    r.recommendations(), r.exceptions(), r.queued(), r.fallbacks(), r.quarantined(), r.directory(),
                    r.merkleRoot(), recorded ? "recorded in the ledger; " + r.queued() + " exceptions in the review queue"
                            : "already in the store and the ledger, nothing written");
            return 0;
        } finally {
            if (!running) spark.stop();
        }
    }

    /** The decision type's file: its text is shipped to the executors and its hash is the version. */
    private static Path typeFile(Path home, DecisionType type) {
        try (var files = Files.list(home.resolve("decision-types"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList()) {
                if (keel.store.config.DecisionTypeFiles.load(f).type().name().equals(type.name())) return f;
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(home + ": cannot list decision types (" + e.getMessage() + ")", e);
        }
        throw new IllegalStateException("decision type " + type.name() + " was loaded but its file is gone");
    }

    private SparkSession session() {
        SparkSession.Builder b = SparkSession.builder().appName("keel cycle " + decisionType + " " + asOf);
        if (master != null) {
            b.master(master);
            if (master.startsWith("local")) b.config("spark.driver.host", "127.0.0.1").config("spark.ui.enabled", "false");
        }
        return b.getOrCreate();
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command as {@code keel cycle --engine spark ARGS} does; the exit code: 0 done, 2 a wrong argument. */
    static int execute(String... args) {
        CommandLine cli = new CommandLine(new SparkCycleCommand());
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                command.getErr().println("keel: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
