package keel.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import keel.app.workspace.Workspace;
import keel.core.cycle.Recommendation;
import keel.store.jdbc.Json;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The rows the per-series task emits: one per item, either a recommendation (with its forecast) or
 * a quarantined series with its reason. {@link #RECOMMENDATION_COLUMNS} is what the recommendations
 * file holds, in order; its canonical bytes are the Merkle leaves, so the file holds only text,
 * doubles and booleans.
 */
final class OutputRows {
    static final String RECOMMENDATION = "recommendation";
    static final String QUARANTINED = "quarantined";

    static final List<String> RECOMMENDATION_COLUMNS = List.of("id", "cycle_id", "decision_type", "item", "location",
            "as_of", "quantity", "order_up_to", "inventory_position", "expected_cost", "stockout_probability",
            "expected_leftover", "expected_shortage", "naive_quantity", "value_at_stake", "needs_review",
            "review_reasons", "fallback_reason", "model", "detail");
    static final List<String> FORECAST_COLUMNS = List.of("item", "model", "history_periods", "mean_total", "step_means",
            "levels", "total_quantiles", "backtest_scaled_error");

    static final StructType SCHEMA = schema();

    private OutputRows() {
    }

    private static StructType schema() {
        List<StructField> f = new ArrayList<>();
        f.add(field("kind", DataTypes.StringType));
        for (String c : RECOMMENDATION_COLUMNS) f.add(field(c, typeOf(c)));
        f.add(field("history_periods", DataTypes.IntegerType));
        f.add(field("mean_total", DataTypes.DoubleType));
        f.add(field("step_means", DataTypes.createArrayType(DataTypes.DoubleType)));
        f.add(field("levels", DataTypes.createArrayType(DataTypes.DoubleType)));
        f.add(field("total_quantiles", DataTypes.createArrayType(DataTypes.DoubleType)));
        f.add(field("backtest_scaled_error", DataTypes.DoubleType));
        f.add(field("reason", DataTypes.StringType));
        return DataTypes.createStructType(f);
    }

    private static DataType typeOf(String column) {
        return switch (column) {
            case "quantity", "order_up_to", "inventory_position", "expected_cost", "stockout_probability",
                    "expected_leftover", "expected_shortage", "naive_quantity", "value_at_stake" -> DataTypes.DoubleType;
            case "needs_review" -> DataTypes.BooleanType;
            default -> DataTypes.StringType;
        };
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    static Row recommendation(Recommendation r) {
        var f = r.forecast();
        return RowFactory.create(RECOMMENDATION, r.id(), r.cycleId(), r.decisionType(), r.item(), r.location(),
                r.asOf().toString(), r.quantity(), r.orderUpTo(), r.inventoryPosition(), r.expectedCost(),
                r.stockoutProbability(), r.expectedLeftover(), r.expectedShortage(), r.naiveQuantity(),
                Workspace.valueAtStake(r), r.needsReview(), Json.write(r.reviewReasons()), r.fallbackReason().orElse(null),
                f.model(), Json.write(r), f.historyPeriods(), f.meanTotal(), toArray(f.stepMeans()), toArray(f.levels()),
                toArray(f.totalQuantiles()), f.backtestScaledError(), null);
    }

    static Row quarantined(String cycleId, String item, String reason) {
        Object[] v = new Object[SCHEMA.size()];
        v[0] = QUARANTINED;
        v[1] = cycleId + "/" + item;
        v[2] = cycleId;
        v[4] = item;
        v[SCHEMA.size() - 1] = reason;
        return RowFactory.create(v);
    }

    private static double[] toArray(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = values.get(i);
        return out;
    }

    static Optional<String> text(Row row, String column) {
        int i = row.fieldIndex(column);
        return row.isNullAt(i) ? Optional.empty() : Optional.of(row.getString(i));
    }
}
