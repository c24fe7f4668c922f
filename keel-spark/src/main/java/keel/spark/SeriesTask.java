package keel.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import keel.app.workspace.ForecasterCatalog;
import keel.core.cycle.CycleRunner;
import keel.core.cycle.ItemInput;
import keel.core.decision.DecisionType;
import keel.core.decision.Period;
import keel.store.config.DecisionTypeFiles;
import keel.store.series.DemandHistory;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * The work of one partition: for each series, build the item's input exactly as the single-machine
 * cycle does (keel-app's {@code Workspace.gather} over {@code DemandHistory}) and call
 * {@link CycleRunner#recommend} unchanged. A series whose data cannot make an input (non-finite or
 * negative demand, a non-finite stock position) is quarantined with its reason instead of failing
 * the task.
 *
 * <p>Input rows: item_id, days (array of struct day: epoch day, units: summed units), qdays (array of
 * epoch days with quarantined rows, or null), attrs (struct of numeric catalog columns, or null),
 * position (inventory position, or null), last_order (the quantity that stands of the item's order in
 * the cycle before, or null).
 */
final class SeriesTask implements FlatMapFunction<Iterator<Row>, Row>, Serializable {
    private static final long serialVersionUID = 1L;

    private final String typeSource;
    private final String typeText;
    private final LocalDate asOf;
    private final LocalDate start;
    private final ArrayList<String> batches;
    private final ArrayList<String> inventoryWarnings;
    private final String blockedReason;
    private final boolean hasQuarantines;
    private final String cycleId;
    private final int failOnceInPartition;
    private final boolean[] closed;

    SeriesTask(SparkCycle cycle, LocalDate start, String cycleId, boolean[] closed) {
        this.closed = closed.clone();
        this.typeSource = cycle.decisionTypeSource();
        this.typeText = cycle.decisionTypeText();
        this.asOf = cycle.asOf();
        this.start = start;
        CycleSources sources = cycle.sources();
        this.batches = new ArrayList<>(sources.batches());
        this.inventoryWarnings = new ArrayList<>(sources.inventoryWarnings());
        this.blockedReason = sources.blocked().isEmpty() ? null : String.join("; ", sources.blocked());
        this.hasQuarantines = !sources.quarantines().isEmpty();
        this.cycleId = cycleId;
        OptionalInt fail = cycle.failOnceInPartition();
        this.failOnceInPartition = fail.isPresent() ? fail.getAsInt() : -1;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> series) {
        DecisionType type = DecisionTypeFiles.parse(typeSource, typeText);
        CycleRunner runner = new CycleRunner(type, ForecasterCatalog.of(type.forecast()), 1);
        List<Row> rows = new ArrayList<>();
        series.forEachRemaining(rows::add);
        boolean failHalfWay = failHalfWay();
        return new Iterator<>() {
            int next = 0;

            @Override
            public boolean hasNext() {
                while (next < rows.size() && skip(rows.get(next), type)) next++;
                return next < rows.size();
            }

            @Override
            public Row next() {
                if (!hasNext()) throw new NoSuchElementException();
                if (failHalfWay && next >= rows.size() / 2) {
                    throw new IllegalStateException("injected fault: first attempt of partition " + failOnceInPartition
                            + " fails after " + next + " of " + rows.size() + " series");
                }
                return recommend(rows.get(next++), type, runner);
            }
        };
    }

    private boolean failHalfWay() {
        TaskContext task = TaskContext.get();
        return task != null && task.partitionId() == failOnceInPartition && task.attemptNumber() == 0;
    }

    /** The single-machine history holds only items with some demand before the as-of date. */
    private boolean skip(Row row, DecisionType type) {
        for (double v : history(row, type.period())) if (v > 0) return false;
        return true;
    }

    Row recommend(Row row, DecisionType type, CycleRunner runner) {
        String item = row.getString(row.fieldIndex("item_id"));
        try {
            double[] h = trimmed(history(row, type.period()));
            Optional<String> bad = badValue(h, type.period());
            if (bad.isPresent()) return OutputRows.quarantined(cycleId, item, bad.get());
            ItemInput input = new ItemInput(item, h, attributes(row), position(row), lastOrder(row),
                    warnings(h, type), Optional.ofNullable(blockedReason));
            return OutputRows.recommendation(runner.recommend(cycleId, asOf, input, batches));
        } catch (RuntimeException e) {
            return OutputRows.quarantined(cycleId, item, "series " + item + " could not be planned: " + e.getMessage());
        }
    }

    /** Demand per period from {@code start} to the as-of period, NaN where a row was quarantined. */
    private double[] history(Row row, Period period) {
        int periods = (int) period.between(start, DemandHistory.periodStart(period, asOf));
        double[] v = new double[periods];
        for (Row day : row.<Row>getList(row.fieldIndex("days"))) {
            int i = index(period, day.getInt(0));
            if (i >= 0 && i < periods) v[i] += day.getDouble(1);
        }
        int q = row.fieldIndex("qdays");
        if (!row.isNullAt(q)) {
            for (Integer d : row.<Integer>getList(q)) {
                int i = index(period, d);
                if (i >= 0 && i < periods) v[i] = Double.NaN;
            }
        }
        for (int i = 0; i < periods && i < closed.length; i++) if (closed[i]) v[i] = Double.NaN;
        return v;
    }

    private int index(Period period, int epochDay) {
        return (int) period.between(start, DemandHistory.periodStart(period, LocalDate.ofEpochDay(epochDay)));
    }

    /** From the first period with demand, as {@code DemandHistory} keeps it. */
    private static double[] trimmed(double[] v) {
        int first = 0;
        while (first < v.length && !(v[first] > 0)) first++;
        return java.util.Arrays.copyOfRange(v, first, v.length);
    }

    private Optional<String> badValue(double[] h, Period period) {
        LocalDate end = DemandHistory.periodStart(period, asOf);
        for (int i = 0; i < h.length; i++) {
            if (Double.isNaN(h[i]) || (h[i] >= 0 && h[i] < Double.POSITIVE_INFINITY)) continue;
            LocalDate at = period.plus(end, i - (long) h.length);
            return Optional.of(String.format(Locale.ROOT, "demand of the period starting %s was %s; expected a finite "
                    + "number of units >= 0 (a sales row that should not have passed its contract)", at, h[i]));
        }
        return Optional.empty();
    }

    private static Map<String, Double> attributes(Row row) {
        int a = row.fieldIndex("attrs");
        if (row.isNullAt(a)) return Map.of();
        Row attrs = row.getStruct(a);
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < attrs.size(); i++) {
            if (!attrs.isNullAt(i)) out.put(attrs.schema().fields()[i].name(), attrs.getDouble(i));
        }
        return out;
    }

    /** The quantity that stands of the item's order in the cycle before, if it had one. */
    private static Optional<Double> lastOrder(Row row) {
        int o = row.fieldIndex("last_order");
        return row.isNullAt(o) ? Optional.empty() : Optional.of(row.getDouble(o));
    }

    private static double position(Row row) {
        int p = row.fieldIndex("position");
        return row.isNullAt(p) ? 0 : row.getDouble(p);
    }

    /** The same warnings as the single-machine cycle: a stale stock snapshot, recent unknown periods. */
    private List<String> warnings(double[] h, DecisionType type) {
        List<String> warnings = new ArrayList<>(inventoryWarnings);
        int missing = 0;
        for (double v : h) if (Double.isNaN(v)) missing++;
        if (missing > 0 && hasQuarantines && hasRecentGap(h, type)) {
            warnings.add(missing + " period(s) of this item's demand are unknown (quarantined rows or closed)");
        }
        return warnings;
    }

    private static boolean hasRecentGap(double[] h, DecisionType type) {
        int recent = Math.max(4, type.tradeoff().protectionPeriods());
        for (int i = Math.max(0, h.length - recent); i < h.length; i++) if (Double.isNaN(h[i])) return true;
        return false;
    }
}
