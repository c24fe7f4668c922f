package keel.app.demo;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The online retailer: weekly cycles every Monday of the last 26 weeks of the data, trained on the
 * weeks before (from 6 December 2010; the first, partial week is left out).
 */
final class RetailScenario implements Scenario {
    static final LocalDate HISTORY_START = LocalDate.of(2010, 12, 6);
    static final LocalDate FIRST_CYCLE = LocalDate.of(2011, 6, 6);
    static final int CYCLES = 26;

    private final DemoData data;
    private Map<String, double[]> demand;

    RetailScenario(DemoData data) {
        this.data = data;
    }

    public String decisionType() {
        return "replenish-online";
    }

    public List<LocalDate> cycleDates() {
        List<LocalDate> out = new ArrayList<>();
        for (int k = 0; k < CYCLES; k++) out.add(FIRST_CYCLE.plusWeeks(k));
        return out;
    }

    public List<Map.Entry<String, Path>> initialFiles() {
        return List.of(Map.entry("catalog", data.retailCatalog()), Map.entry("calendar", data.retailCalendar()),
                Map.entry("sales", data.retailSales(HISTORY_START, FIRST_CYCLE,
                        "online-sales-history-" + HISTORY_START + "-to-" + FIRST_CYCLE.minusDays(1) + ".csv")));
    }

    public Path salesBefore(int k) {
        LocalDate from = FIRST_CYCLE.plusWeeks(k - 1L);
        return data.retailSales(from, from.plusWeeks(1), "online-sales-week-" + from + ".csv");
    }

    public int damagedCycle() {
        return 6;
    }

    public String unknownItem() {
        return "99999Z";
    }

    public Map<String, double[]> demand() {
        if (demand == null) demand = data.retailWeeklyDemand(FIRST_CYCLE, CYCLES + 1);
        return demand;
    }

    public int periodsWithData() {
        // The data end on Friday 9 December 2011: the week of 5 December is incomplete and not scored.
        return CYCLES;
    }
}
