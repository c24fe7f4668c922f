package keel.spark;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import keel.app.workspace.Workspace.PreviousOrders;

/**
 * The batch files one cycle reads, as paths or URIs Spark can open (local paths, hdfs://, s3a://),
 * and what the control plane knows about them.
 *
 * @param sales accepted rows of the sales batches (Parquet: item_id, date, units)
 * @param quarantines quarantined rows of the same batches (Parquet, raw text columns); periods of an
 *     item with a quarantined row are unknown (NaN), as in the single-machine cycle
 * @param catalog accepted rows of the catalog batch (item_id and numeric attributes); when given, only
 *     items in it are planned
 * @param inventory accepted rows of the stock snapshot (item_id, on_hand, on_order, backorders)
 * @param calendar accepted rows of the trading calendar (column date): periods without a trading day
 *     are unknown (NaN)
 * @param batches content hashes of every batch read: with the decision type and as-of date they make
 *     the cycle id
 * @param blocked inputs whose latest batch was blocked by its contract: every item falls back
 * @param inventoryWarnings warnings that apply to every item's stock (e.g. a stale snapshot)
 * @param previousOrders the orders of the cycle before, for the change-vs-last-order review rule
 */
public record CycleSources(List<String> sales, List<String> quarantines, Optional<String> catalog,
        Optional<String> inventory, Optional<String> calendar, List<String> batches, List<String> blocked,
        List<String> inventoryWarnings, PreviousOrders previousOrders) {

    /** No cycle before this one. */
    static final PreviousOrders NO_PREVIOUS_ORDERS = new PreviousOrders(Optional.empty(), Optional.empty(), Map.of());

    /** Without a cycle before. */
    public CycleSources(List<String> sales, List<String> quarantines, Optional<String> catalog, Optional<String> inventory,
            Optional<String> calendar, List<String> batches, List<String> blocked, List<String> inventoryWarnings) {
        this(sales, quarantines, catalog, inventory, calendar, batches, blocked, inventoryWarnings, NO_PREVIOUS_ORDERS);
    }

    public CycleSources {
        sales = List.copyOf(sales);
        quarantines = List.copyOf(quarantines);
        batches = List.copyOf(batches);
        blocked = List.copyOf(blocked);
        inventoryWarnings = List.copyOf(inventoryWarnings);
        if (sales.isEmpty()) throw new IllegalArgumentException("a cycle needs at least one sales batch file; none was given");
    }

    /** Only sales files, no catalog, stock or quarantine; the batch ids are the file names. */
    public static CycleSources ofSales(List<String> sales) {
        return new CycleSources(sales, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), sales, List.of(),
                List.of());
    }
}
