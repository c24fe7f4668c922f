package keel.app.demo;

import java.util.List;
import java.util.Map;
import keel.core.outcome.StairstepRow;
import keel.core.outcome.ValueGroup;

/**
 * What the replay of one decision type produced: every figure the demo prints and reports.
 *
 * @param pathCosts realised cost of each policy path ("recorded finals", "always system", "always naive") over the window
 * @param pathCostByPeriod the same per window period, for the cost-over-cycles chart
 * @param stageNanos wall time per stage
 */
record ScenarioResult(String decisionType, String owner, String accountable, String currency, int cycles, int items,
        int recommendations, int touchless, int accepted, int overridden, int escalated, int expired, int fallbacks,
        long rowsQuarantined, List<String> quarantineExamples, List<String> defects, int outcomes, int pending,
        List<StairstepRow> stairstep, List<ValueGroup> dvaOverall, Map<String, List<ValueGroup>> dvaBy,
        double dvaTotal, Map<String, Double> pathCosts, Map<String, double[]> pathCostByPeriod,
        List<SampleItem> samples, Map<String, Long> stageNanos) {

    double touchlessRate() {
        return recommendations == 0 ? 0 : (double) touchless / recommendations;
    }

    /** Forecast and actual of one item over the replay, for the report's chart. */
    record SampleItem(String item, String model, double[] actual, double[] forecast, double[] low, double[] high,
            double[] finals, double[] system) {
    }
}
