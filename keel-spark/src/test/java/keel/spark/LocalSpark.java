package keel.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The local Spark of the tests: loopback only, no UI, small shuffles, modest memory; started once per
 * test JVM and shared by the test classes (starting Spark costs seconds), stopped when the JVM exits.
 * {@code local[2,2]}: two threads, and a failed task is tried twice (spark.task.maxFailures does not
 * apply in local mode; the second number of the master does).
 */
final class LocalSpark {
    private static SparkSession spark;

    private LocalSpark() {
    }

    static synchronized SparkSession get() {
        if (spark == null) {
            spark = SparkSession.builder().appName("keel-spark test").master("local[2,2]")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.task.maxFailures", "2")
                    .config("spark.sql.adaptive.enabled", "false")
                    .getOrCreate();
            SparkSession started = spark;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return spark;
    }
}
