package keel.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import keel.app.workspace.Workspace;
import keel.core.decision.DecisionType;
import keel.store.jdbc.BatchRecord;

/**
 * The batch files a cycle of a Keel home reads: the same choice as the single-machine cycle
 * ({@code Workspace.gather}) makes: every accepted sales batch with rows before the as-of date, the
 * latest catalog and calendar, the latest stock snapshot not after the as-of date, and the latest
 * blocked batch of an input, which makes every item fall back; and the orders of the cycle before
 * ({@code Workspace.previousOrders}), from the store and, for a cycle run on Spark, its Parquet files.
 */
final class HomeSources {
    private HomeSources() {
    }

    /** Batch file locations under {@code dataRoot} when given (the home's batches/ folder copied to a cluster file system). */
    static CycleSources of(Workspace ws, DecisionType type, LocalDate asOf, Optional<String> dataRoot) {
        List<String> batches = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        List<String> sales = new ArrayList<>();
        List<String> quarantines = new ArrayList<>();
        String salesSet = ws.contract(type.name(), "sales").input();
        List<BatchRecord> salesBatches = ws.store().batches(salesSet);
        for (BatchRecord b : salesBatches) {
            if (b.firstDate().isEmpty() || !b.firstDate().get().isBefore(asOf)) continue;
            batches.add(b.hash());
            sales.add(location(ws, b.dataPath().get(), dataRoot));
            b.quarantinePath().ifPresent(q -> quarantines.add(location(ws, q, dataRoot)));
        }
        if (!salesBatches.isEmpty() && salesBatches.get(salesBatches.size() - 1).dataPath().isEmpty()) {
            BatchRecord b = salesBatches.get(salesBatches.size() - 1);
            batches.add(b.hash());
            blocked.add("sales batch " + b.sourceFile() + ": " + b.reason().orElse("blocked"));
        }
        if (sales.isEmpty()) {
            throw new IllegalArgumentException("decision type " + type.name() + ": no accepted " + salesSet
                    + " batch has rows before " + asOf + "; ingest sales first");
        }
        Optional<String> catalog = input(ws, type, "catalog", null, batches, blocked).map(b -> location(ws, b.dataPath().get(), dataRoot));
        Optional<String> calendar = input(ws, type, "calendar", null, batches, blocked).map(b -> location(ws, b.dataPath().get(), dataRoot));
        Optional<BatchRecord> inv = input(ws, type, "inventory", asOf, batches, blocked);
        List<String> stockWarnings = new ArrayList<>();
        if (inv.isPresent() && inv.get().lastDate().map(d -> d.isBefore(asOf)).orElse(true)) {
            stockWarnings.add("stock snapshot " + inv.get().lastDate().map(LocalDate::toString).orElse("undated")
                    + " is older than the cycle's as-of date " + asOf);
        }
        return new CycleSources(sales, quarantines, catalog, inv.map(b -> location(ws, b.dataPath().get(), dataRoot)),
                calendar, batches, blocked, stockWarnings, ws.previousOrders(type.name(), asOf));
    }

    private static Optional<BatchRecord> input(Workspace ws, DecisionType type, String role, LocalDate asOf,
            List<String> batches, List<String> blocked) {
        if (type.inputs().stream().noneMatch(i -> i.name().equals(role))) return Optional.empty();
        String dataset = ws.contract(type.name(), role).input();
        List<BatchRecord> all = ws.store().batches(dataset);
        Optional<BatchRecord> latest = asOf == null ? all.stream().reduce((a, b) -> b)
                : all.stream().filter(b -> b.lastDate().map(d -> !d.isAfter(asOf)).orElse(true)).reduce((a, b) -> b);
        if (latest.isEmpty()) return Optional.empty();
        batches.add(latest.get().hash());
        if (latest.get().dataPath().isPresent()) return latest;
        blocked.add(role + " batch " + latest.get().sourceFile() + ": " + latest.get().reason().orElse("blocked"));
        for (int i = all.size() - 1; i >= 0; i--) if (all.get(i).dataPath().isPresent()) return Optional.of(all.get(i));
        return Optional.empty();
    }

    private static String location(Workspace ws, java.nio.file.Path file, Optional<String> dataRoot) {
        if (dataRoot.isEmpty()) return file.toAbsolutePath().toString();
        String relative = ws.home().resolve("batches").toAbsolutePath().relativize(file.toAbsolutePath()).toString();
        return dataRoot.get().replaceAll("/+$", "") + "/" + relative.replace('\\', '/');
    }
}
