package keel.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import keel.app.workspace.Workspace.PreviousOrders;
import keel.core.cycle.CycleRunner;
import keel.core.decision.DecisionType;
import keel.core.decision.Period;
import keel.store.config.DecisionTypeFiles;
import keel.store.series.DemandHistory;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;

/**
 * Runs one cycle of a replenishment decision type on Spark: reads the same Parquet batch files as
 * the single-machine cycle, groups the sales into one series per item, spreads the series over
 * partitions and calls keel-core's {@link CycleRunner#recommend} unchanged per series.
 *
 * <p>The output is committed once: everything is written under a temporary folder, then renamed in
 * one step to {@code outputRoot/<cycle id>} (see {@link CycleOutput}). A cycle whose folder exists
 * has run: running it again writes nothing. Spark's file commit protocol keeps only one attempt of
 * each task, so a retried task gives neither duplicate nor missing rows.
 */
public final class SparkCycleRunner {
    private final SparkSession spark;

    public SparkCycleRunner(SparkSession spark) {
        this.spark = spark;
    }

    /** Runs {@code cycle}, or returns what its earlier run committed. */
    public SparkCycleResult run(SparkCycle cycle) {
        DecisionType type = DecisionTypeFiles.parse(cycle.decisionTypeSource(), cycle.decisionTypeText());
        String cycleId = CycleRunner.cycleId(type, cycle.asOf(), cycle.sources().batches());
        CycleOutput output = new CycleOutput(spark, cycle.outputRoot(), cycleId);
        Optional<SparkCycleResult> done = output.committed();
        if (done.isPresent()) return done.get();

        long t0 = System.nanoTime();
        Dataset<Row> sales = sales(cycle.sources());
        LocalDate first = firstDate(sales, cycleId);
        LocalDate start = DemandHistory.periodStart(type.period(), first);
        LocalDate end = DemandHistory.periodStart(type.period(), cycle.asOf());
        Dataset<Row> series = series(sales, cycle.sources(), start, end).repartition(cycle.partitions(), col("item_id"));
        boolean[] closed = closedPeriods(cycle.sources(), type.period(), start, end);
        Dataset<Row> rows = spark.createDataFrame(series.javaRDD().mapPartitions(new SeriesTask(cycle, start, cycleId,
                closed)),
                OutputRows.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return output.write(rows, type, cycle, System.nanoTime() - t0);
        } finally {
            rows.unpersist();
        }
    }

    /** Periods without a trading day in the calendar, as {@code DemandHistory} marks them; none without a calendar. */
    private boolean[] closedPeriods(CycleSources sources, Period period, LocalDate start, LocalDate end) {
        int periods = (int) period.between(start, end);
        boolean[] closed = new boolean[Math.max(0, periods)];
        if (sources.calendar().isEmpty()) return closed;
        java.util.Arrays.fill(closed, true);
        List<Row> days = spark.read().parquet(sources.calendar().get()).selectExpr("unix_date(cast(date as date))")
                .collectAsList();
        if (days.isEmpty()) return new boolean[closed.length];
        for (Row d : days) {
            if (d.isNullAt(0)) continue;
            long i = period.between(start, DemandHistory.periodStart(period, LocalDate.ofEpochDay(d.getInt(0))));
            if (i >= 0 && i < periods) closed[(int) i] = false;
        }
        return closed;
    }

    private Dataset<Row> sales(CycleSources sources) {
        return spark.read().parquet(sources.sales().toArray(String[]::new))
                .select(col("item_id").cast("string").as("item_id"), col("date").cast("date").as("date"),
                        col("units").cast("double").as("units"));
    }

    private static LocalDate firstDate(Dataset<Row> sales, String cycleId) {
        Row r = sales.selectExpr("unix_date(min(date))").first();
        if (r.isNullAt(0)) throw new IllegalArgumentException("cycle " + cycleId + ": the sales batches hold no rows");
        return LocalDate.ofEpochDay(r.getInt(0));
    }

    /** One row per item: its daily totals, quarantined days, catalog attributes and stock position. */
    private Dataset<Row> series(Dataset<Row> sales, CycleSources sources, LocalDate start, LocalDate end) {
        Dataset<Row> days = sales
                .where(inPeriods("date", start, end))
                .groupBy("item_id", "date").agg(sum("units").as("units"))
                .groupBy("item_id").agg(collect_list(struct(expr("unix_date(date)").as("day"), col("units"))).as("days"));
        days = days.join(quarantinedDays(sources, start, end), days.col("item_id").equalTo(col("q_item")), "left")
                .drop("q_item");
        days = days.join(catalog(sources), days.col("item_id").equalTo(col("c_item")), sources.catalog().isPresent()
                ? "inner" : "left").drop("c_item");
        days = days.join(inventory(sources), days.col("item_id").equalTo(col("i_item")), "left").drop("i_item");
        return days.join(previousOrders(sources.previousOrders()), days.col("item_id").equalTo(col("o_item")), "left")
                .drop("o_item");
    }

    /**
     * The quantity that stands of each item's order in the cycle before: from the store, and for a
     * cycle run on Spark from its recommendations file, where the store holds only its queued
     * exceptions (their reviewed quantity wins over the file's).
     */
    private Dataset<Row> previousOrders(PreviousOrders previous) {
        List<Row> stored = new ArrayList<>(previous.stored().size());
        previous.stored().forEach((item, q) -> stored.add(RowFactory.create(item, q)));
        Dataset<Row> fromStore = spark.createDataFrame(stored, DataTypes.createStructType(List.of(
                DataTypes.createStructField("s_item", DataTypes.StringType, false),
                DataTypes.createStructField("s_quantity", DataTypes.DoubleType, false))));
        if (previous.recommendations().isEmpty()) {
            return fromStore.select(col("s_item").as("o_item"), col("s_quantity").as("last_order"));
        }
        Dataset<Row> file = spark.read().parquet(previous.recommendations().get())
                .select(col("item").as("o_item"), col("quantity").as("f_quantity"));
        return file.join(broadcast(fromStore), file.col("o_item").equalTo(col("s_item")), "left")
                .select(col("o_item"), coalesce(col("s_quantity"), col("f_quantity")).as("last_order"));
    }

    /**
     * {@code start <= date < end}, compared as epoch days: a filter on a date literal is pushed down to
     * the Parquet reader through java.sql.Date, which needs {@code --add-opens} on Java 17.
     */
    private static Column inPeriods(String date, LocalDate start, LocalDate end) {
        Column day = expr("unix_date(`" + date + "`)");
        return day.geq(lit((int) start.toEpochDay())).and(day.lt(lit((int) end.toEpochDay())));
    }

    private Dataset<Row> quarantinedDays(CycleSources sources, LocalDate start, LocalDate end) {
        if (sources.quarantines().isEmpty()) {
            return spark.sql("select cast(null as string) as q_item, cast(null as array<int>) as qdays where false");
        }
        return spark.read().option("mergeSchema", "true").parquet(sources.quarantines().toArray(String[]::new))
                .select(col("item_id").cast("string").as("q_item"), expr("try_to_date(cast(`date` as string))").as("d"))
                .where(inPeriods("d", start, end))
                .groupBy("q_item").agg(collect_set(expr("unix_date(d)")).as("qdays"));
    }

    /** Numeric catalog columns, as the single-machine cycle reads them (integers, decimals, floats). */
    private Dataset<Row> catalog(CycleSources sources) {
        if (sources.catalog().isEmpty()) {
            return spark.sql("select cast(null as string) as c_item, cast(null as struct<none:double>) as attrs where false");
        }
        Dataset<Row> c = spark.read().parquet(sources.catalog().get());
        List<Column> numeric = new ArrayList<>();
        for (StructField f : c.schema().fields()) {
            if (isNumeric(f.dataType())) numeric.add(col(f.name()).cast("double").as(f.name()));
        }
        Column attrs = numeric.isEmpty() ? lit(null).cast("struct<none:double>") : struct(numeric.toArray(Column[]::new));
        return c.select(col("item_id").cast("string").as("c_item"), attrs.as("attrs"));
    }

    private static boolean isNumeric(DataType t) {
        return t.equals(DataTypes.DoubleType) || t.equals(DataTypes.LongType) || t.equals(DataTypes.IntegerType)
                || t.equals(DataTypes.FloatType) || t instanceof DecimalType;
    }

    /** On hand plus (on order minus backorders), missing values as 0, as the single-machine cycle adds them. */
    private Dataset<Row> inventory(CycleSources sources) {
        if (sources.inventory().isEmpty()) {
            return spark.sql("select cast(null as string) as i_item, cast(null as double) as position where false");
        }
        Column zero = lit(0.0);
        return spark.read().parquet(sources.inventory().get()).select(col("item_id").cast("string").as("i_item"),
                coalesce(col("on_hand").cast("double"), zero).plus(coalesce(col("on_order").cast("double"), zero)
                        .minus(coalesce(col("backorders").cast("double"), zero))).as("position"));
    }
}
