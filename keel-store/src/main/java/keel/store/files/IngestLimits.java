package keel.store.files;

import java.util.Locale;

/**
 * How much an ingest may hold: quarantined rows in Java, and memory in DuckDB (beyond it DuckDB spills
 * to a staging directory under the data directory, so files larger than memory still go through).
 *
 * @param quarantineSample how many quarantined rows a returned batch carries, at least 0; all of them are
 *     in its quarantine file
 * @param memoryLimitMegabytes DuckDB's memory limit, at least 64
 */
public record IngestLimits(int quarantineSample, int memoryLimitMegabytes) {

    /** 1000 quarantined rows in memory, 2 GB for DuckDB: a 10M-row file stays under about 2.2 GB resident. */
    public static final IngestLimits DEFAULT = new IngestLimits(1000, 2048);

    public IngestLimits {
        if (quarantineSample < 0) {
            throw new IllegalArgumentException(
                    "quarantine sample was " + quarantineSample + "; expected a number of rows >= 0");
        }
        if (memoryLimitMegabytes < 64) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "memory limit was %d MB; expected at least 64 MB", memoryLimitMegabytes));
        }
    }

    /** The same limits with another quarantine sample size. */
    public IngestLimits withQuarantineSample(int rows) {
        return new IngestLimits(rows, memoryLimitMegabytes);
    }
}
