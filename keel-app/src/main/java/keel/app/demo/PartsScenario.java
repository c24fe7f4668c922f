package keel.app.demo;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Car parts: monthly cycles on the first of each of the last 12 months of the data (months 40..51,
 * April 2001 to March 2002), trained on months 1..39.
 */
final class PartsScenario implements Scenario {
    static final int FIRST_T = 40;
    static final int CYCLES = 12;
    static final LocalDate MONTH_ONE = LocalDate.of(1998, 1, 1);

    private final DemoData data;
    private Map<String, double[]> demand;

    PartsScenario(DemoData data) {
        this.data = data;
    }

    public String decisionType() {
        return "replenish-carparts";
    }

    public List<LocalDate> cycleDates() {
        List<LocalDate> out = new ArrayList<>();
        for (int k = 0; k < CYCLES; k++) out.add(MONTH_ONE.plusMonths(FIRST_T - 1L + k));
        return out;
    }

    public List<Map.Entry<String, Path>> initialFiles() {
        return List.of(Map.entry("catalog", data.partsCatalog()),
                Map.entry("sales", data.partsSales(1, FIRST_T - 1, "parts-sales-history-1998-01-to-2001-03.csv")));
    }

    public Path salesBefore(int k) {
        int t = FIRST_T + k - 1;
        return data.partsSales(t, t, "parts-sales-" + MONTH_ONE.plusMonths(t - 1L).toString().substring(0, 7) + ".csv");
    }

    public int damagedCycle() {
        return 4;
    }

    public String unknownItem() {
        return "99999999";
    }

    /** Window demand; a missing month counts as no demand in the simulated world (it is unknown to Keel). */
    public Map<String, double[]> demand() {
        if (demand == null) {
            demand = new HashMap<>();
            data.partsMonthlyDemand().forEach((item, all) -> {
                double[] w = new double[CYCLES + 1];
                for (int k = 0; k < CYCLES; k++) {
                    double v = all[FIRST_T - 1 + k];
                    w[k] = Double.isNaN(v) ? 0 : v;
                }
                demand.put(item, w);
            });
        }
        return demand;
    }

    public int periodsWithData() {
        return CYCLES;
    }

    static double[] copy(double[] v) {
        return Arrays.copyOf(v, v.length);
    }
}
