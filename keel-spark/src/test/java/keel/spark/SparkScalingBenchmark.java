package keel.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import keel.app.workspace.Workspace;
import keel.core.decision.DecisionType;
import keel.store.config.YamlFiles;
import keel.spark.BenchProbes.PeakHeap;
import org.apache.spark.sql.SparkSession;

/**
 * Scaling benchmark (not a test): for each size, generates a home of daily series (two years, half
 * smooth, half intermittent), runs the single-machine cycle (2 threads) and the Spark cycle
 * ({@code local[2]}) on the same batch files, and prints wall time, series per second and peak heap
 * of each. Run by {@code keel-spark/bench/scaling.sh}.
 *
 * <p>Arguments: period (day|week|month), then sizes, e.g. {@code day 10000 100000}.
 */
public final class SparkScalingBenchmark {
    private SparkScalingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String period = args[0];
        Path root = Files.createTempDirectory("keel-spark-bench");
        SparkSession spark = SparkSession.builder().appName("keel-spark scaling").master("local[2]")
                .config("spark.driver.host", "127.0.0.1").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "8").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        System.out.printf(Locale.ROOT, "%-8s %-7s %10s %10s %10s %12s %12s %14s%n", "series", "engine", "planned",
                "wall s", "cpu s", "series/s", "peak heap MB", "generate+ingest s");
        for (int i = 1; i < args.length; i++) {
            int n = Integer.parseInt(args[i]);
            Path dir = Files.createDirectories(root.resolve("n" + n));
            long g0 = System.nanoTime();
            try (Workspace ws = TestHome.create(dir, n, 42, period)) {
                double ingest = (System.nanoTime() - g0) / 1e9;
                PeakHeap peak = PeakHeap.start();
                long t0 = System.nanoTime();
                long c0 = BenchProbes.cpuNanos();
                int local = ws.runCycle(TestHome.TYPE, TestHome.AS_OF, 2).result().recommendations().size();
                report(n, "single", local, System.nanoTime() - t0, BenchProbes.cpuNanos() - c0, peak.stop(), ingest);
                System.gc();
                peak = PeakHeap.start();
                t0 = System.nanoTime();
                c0 = BenchProbes.cpuNanos();
                DecisionType type = ws.decisionType(TestHome.TYPE);
                Path file = ws.home().resolve("decision-types/" + TestHome.TYPE + ".yaml");
                SparkCycleResult r = new SparkCycleRunner(spark).run(new SparkCycle(file.getFileName().toString(),
                        YamlFiles.read(file), TestHome.AS_OF, HomeSources.of(ws, type, TestHome.AS_OF, Optional.empty()),
                        dir.resolve("out").toString(), 8, OptionalInt.empty()));
                report(n, "spark", r.recommendations(), System.nanoTime() - t0, BenchProbes.cpuNanos() - c0, peak.stop(), ingest);
            }
            System.gc();
        }
        spark.stop();
    }

    private static void report(int n, String engine, long planned, long nanos, long cpu, long peakBytes, double ingest) {
        double s = nanos / 1e9;
        System.out.printf(Locale.ROOT, "%-8d %-7s %10d %10.1f %10.1f %12.1f %12d %14.1f%n", n, engine, planned, s,
                cpu / 1e9, planned / s, peakBytes >> 20, ingest);
    }
}
