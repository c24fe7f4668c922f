package keel.spark;

import java.time.LocalDate;
import java.util.OptionalInt;

/**
 * One cycle to run on Spark.
 *
 * @param decisionTypeSource the decision type file's name, for messages
 * @param decisionTypeText the decision type file's YAML text: executors parse it themselves, and its
 *     hash is the decision type's version, as on one machine
 * @param outputRoot folder (path or URI) under which each cycle's output lands in a folder named by its id
 * @param partitions how many partitions the series are spread over (tasks per stage)
 * @param failOnceInPartition fault injection for tests: the first attempt of this partition fails
 *     half-way through its series
 */
public record SparkCycle(String decisionTypeSource, String decisionTypeText, LocalDate asOf, CycleSources sources,
        String outputRoot, int partitions, OptionalInt failOnceInPartition) {

    public SparkCycle {
        if (partitions < 1) throw new IllegalArgumentException("partitions was " + partitions + "; expected >= 1");
    }
}
