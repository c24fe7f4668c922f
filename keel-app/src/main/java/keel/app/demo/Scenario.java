package keel.app.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One decision type replayed by the demo: its cycle dates, the files that arrive before each cycle,
 * and the true demand of each replayed period (the simulated world's demand).
 */
interface Scenario {

    /** The decision type's name in the demo home. */
    String decisionType();

    /** As-of date of every cycle, in order; period k of the window starts at cycle k. */
    List<LocalDate> cycleDates();

    /** Files ingested before the first cycle: input role and file, in order. */
    List<Map.Entry<String, Path>> initialFiles() throws IOException;

    /** The sales file covering the period that ends when cycle {@code k} starts (k >= 1). */
    Path salesBefore(int k) throws IOException;

    /** The cycle before which the damaged sales file arrives. */
    int damagedCycle();

    /** An item id that is not in the catalog, for the damaged file. */
    String unknownItem();

    /** True demand per item for window periods 0..K (one more than cycles, to close the last window where data exist). */
    Map<String, double[]> demand();

    /** How many window periods have demand data (the rest are after the data ends). */
    int periodsWithData();
}
