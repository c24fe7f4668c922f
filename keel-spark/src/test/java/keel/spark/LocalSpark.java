package keel.spark;

import org.apache.spark.sql.SparkSession;

/** Local Spark for tests: loopback only, no UI, small shuffles, modest memory. */
final class LocalSpark {
    private LocalSpark() {
    }

    /** {@code local[2,maxFailures]}: two threads; a failed task is tried up to {@code maxFailures} times. */
    static SparkSession start(int maxFailures) {
        return SparkSession.builder().appName("keel-spark test").master("local[2," + maxFailures + "]")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.task.maxFailures", Integer.toString(maxFailures))
                .config("spark.sql.adaptive.enabled", "false")
                .getOrCreate();
    }
}
