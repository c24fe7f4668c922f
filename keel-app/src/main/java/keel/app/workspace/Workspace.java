package keel.app.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import keel.core.contract.Batch;
import keel.core.contract.CheckOutcome;
import keel.core.contract.CsvDialect;
import keel.core.contract.InputContract;
import keel.core.cycle.CycleResult;
import keel.core.cycle.CycleRunner;
import keel.core.cycle.ItemInput;
import keel.core.cycle.Recommendation;
import keel.core.decision.DecisionType;
import keel.core.decision.InputRef;
import keel.core.review.Status;
import keel.store.config.DecisionTypeFiles;
import keel.store.config.YamlFiles;
import keel.store.files.DuckDbBatchIngestor;
import keel.store.files.KnownKeys;
import keel.store.files.YamlInputContracts;
import keel.store.jdbc.ContractMetricsStore;
import keel.store.jdbc.BatchRecord;
import keel.store.jdbc.CycleRecord;
import keel.store.jdbc.Json;
import keel.store.jdbc.KeelStore;
import keel.store.jdbc.StoreConfig;
import keel.store.jdbc.StoredRecommendation;
import keel.store.series.DemandHistory;

/**
 * A Keel home: decision type files ({@code decision-types/*.yaml}) with their contracts, the batch
 * files, and the store. Every command works through one.
 *
 * <p>Inputs play roles in a decision type: {@code sales} (columns item_id, date, units),
 * {@code catalog} (item_id and numeric attributes such as unit_price), {@code inventory} (item_id,
 * as_of, on_hand, on_order, backorders) and the optional {@code calendar} (trading days, column date).
 */
public final class Workspace implements AutoCloseable {
    private final Path home;
    private final KeelStore store;
    private final DuckDbBatchIngestor ingestor;
    private final ContractMetricsStore contractMetrics;
    private final ContractJudge judge;
    private final Clock clock;
    private final Map<String, DecisionTypeFiles.Loaded> types = new TreeMap<>();
    private volatile DemandHistory lastHistory;

    private Workspace(Path home, KeelStore store, Clock clock) {
        this.home = home;
        this.store = store;
        this.clock = clock;
        this.ingestor = new DuckDbBatchIngestor(home.resolve("batches"), keel.store.files.IngestLimits.DEFAULT);
        this.contractMetrics = new ContractMetricsStore(store);
        this.judge = new ContractJudge(contractMetrics);
    }

    /** Opens the home at {@code home}, with its store, and loads and validates its decision types. */
    public static Workspace open(Path home, StoreConfig config, Clock clock) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new IllegalArgumentException(home + ": cannot create Keel's home folder (" + e.getMessage() + ")", e);
        }
        Workspace w = new Workspace(home, KeelStore.open(config), clock);
        w.loadDecisionTypes();
        return w;
    }

    public Path home() {
        return home;
    }

    public KeelStore store() {
        return store;
    }

    public Clock clock() {
        return clock;
    }

    /** The contract figures and check results of the batches. */
    public ContractMetricsStore contractMetrics() {
        return contractMetrics;
    }

    private void loadDecisionTypes() {
        Path dir = home.resolve("decision-types");
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                DecisionTypeFiles.Loaded loaded = DecisionTypeFiles.load(f);
                for (InputRef in : loaded.type().inputs()) contract(loaded, in.name());
                DecisionTypeFiles.Loaded before = types.put(loaded.type().name(), loaded);
                if (before != null) {
                    throw new IllegalArgumentException(f + ": decision type " + loaded.type().name()
                            + " is also defined in " + before.file() + "; expected one file per decision type");
                }
                store.recordDecisionType(loaded.type(), dir.relativize(f).toString(), loaded.content(), clock.instant());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + ": cannot list decision types (" + e.getMessage() + ")", e);
        }
    }

    public List<DecisionType> decisionTypes() {
        return types.values().stream().map(DecisionTypeFiles.Loaded::type).toList();
    }

    public DecisionType decisionType(String name) {
        DecisionTypeFiles.Loaded t = types.get(name);
        if (t == null) {
            throw new IllegalArgumentException("decision type \"" + name + "\" is not defined in "
                    + home.resolve("decision-types") + "; expected one of " + types.keySet());
        }
        return t.type();
    }

    /**
     * The CSV dialect of data set {@code dataset} (a contract's {@code input}) as the first decision type whose
     * contract reads it declares; the default dialect when none does.
     */
    public CsvDialect dialectOf(String dataset) {
        for (DecisionTypeFiles.Loaded t : types.values()) {
            for (InputRef ref : t.type().inputs()) {
                if (ref.contract().isEmpty()) continue;
                InputContract c = contract(t, ref.name());
                if (c.input().equals(dataset)) return c.csv();
            }
        }
        return CsvDialect.DEFAULT;
    }

    /** The contract of input role {@code input} of a decision type. */
    public InputContract contract(String decisionType, String input) {
        decisionType(decisionType);
        return contract(types.get(decisionType), input);
    }

    private InputContract contract(DecisionTypeFiles.Loaded t, String input) {
        InputRef ref = t.type().inputs().stream().filter(i -> i.name().equals(input)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("decision type " + t.type().name() + " has no input \""
                        + input + "\"; expected one of " + t.type().inputs().stream().map(InputRef::name).toList()));
        if (ref.contract().isEmpty()) {
            throw new IllegalArgumentException(t.file() + ": input " + input + " names no contract; expected "
                    + "contract: contracts/" + input + ".yaml");
        }
        Path file = t.file().getParent().resolve(ref.contract()).normalize();
        String source = file.startsWith(home) ? home.relativize(file).toString() : file.toString();
        return YamlInputContracts.parse(source, YamlFiles.read(file));
    }

    /**
     * A batch ingested (or checked in a dry run), whether it was new, and the outcomes of its contract's
     * dataset checks (empty when it was known before or could not be read).
     */
    public record Ingested(Batch batch, boolean isNew, List<CheckOutcome> checks) {
        public Ingested {
            checks = List.copyOf(checks);
        }
    }

    /** Reports the stage an ingest is in, e.g. for a progress bar. */
    @FunctionalInterface
    public interface Progress {
        /** No reporting. */
        Progress NONE = stage -> { };

        void stage(String stage);
    }

    /**
     * Checks {@code file} against the contract of input role {@code input} of {@code decisionType},
     * keeps its accepted and quarantined rows as a batch, runs the contract's dataset checks against the
     * input's history, and records the batch, its figures and check results with their ledger entries.
     * A failed {@code block} check blocks the batch. Ingesting the same content again is a no-op.
     */
    public Ingested ingest(Path file, String input, String decisionType) {
        return ingest(file, input, decisionType, Progress.NONE);
    }

    /** As {@link #ingest(Path, String, String)}, reporting each stage to {@code progress}. */
    public Ingested ingest(Path file, String input, String decisionType, Progress progress) {
        InputContract contract = contract(decisionType, input);
        progress.stage("checking rows");
        DuckDbBatchIngestor.Checked checked = ingestor.ingest(file, contract,
                knownKeys(file, contract, input, decisionType),
                latestUsable(contract.input()).flatMap(BatchRecord::dataPath));
        Batch batch = checked.batch();
        Optional<BatchRecord> known = store.batch(batch.contentHash());
        if (known.isPresent()) {
            return new Ingested(known.get().dataPath().isPresent() ? batch : Batch.blocked(batch.input(),
                    batch.contentHash(), batch.sourceFile(), known.get().reason().orElse("blocked")), false, List.of());
        }
        progress.stage("dataset checks");
        ContractJudge.Verdict verdict = judge.judge(batch, checked.figures(), contract, decisionType(decisionType),
                today());
        progress.stage("recording");
        Batch judged = verdict.batch();
        Optional<LocalDate[]> span = judged.acceptedRows().flatMap(p -> dateSpan(p, contract));
        Instant at = clock.instant();
        boolean isNew = store.recordBatch(judged, span.map(s -> s[0]), span.map(s -> s[1]), at);
        if (!judged.isBlocked() || !verdict.outcomes().isEmpty()) {
            contractMetrics.record(judged.contentHash(), contract.input(), verdict.metrics(), verdict.outcomes(), at);
        }
        return new Ingested(judged, isNew, verdict.outcomes());
    }

    /**
     * A dry run of {@link #ingest}: the same row and dataset checks against the same history, as of
     * {@code asOf}, but nothing is stored and no rows are written: the batch names files that do not exist.
     */
    public Ingested check(Path file, String input, String decisionType, LocalDate asOf, Progress progress) {
        InputContract contract = contract(decisionType, input);
        Path scratch;
        try {
            scratch = Files.createTempDirectory("keel-contract-check");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a scratch folder for a dry run: " + e.getMessage(), e);
        }
        try {
            progress.stage("checking rows");
            DuckDbBatchIngestor.Checked checked = new DuckDbBatchIngestor(scratch).dryRun(file, contract,
                    knownKeys(file, contract, input, decisionType),
                    latestUsable(contract.input()).flatMap(BatchRecord::dataPath));
            progress.stage("dataset checks");
            ContractJudge.Verdict verdict = judge.judge(checked.batch(), checked.figures(), contract,
                    decisionType(decisionType), asOf);
            return new Ingested(verdict.batch(), false, verdict.outcomes());
        } finally {
            deleteTree(scratch);
        }
    }

    /**
     * Checks a corrected file of quarantined rows of batch {@code original} (its hash, or a unique prefix of
     * it) again under the same contract; its accepted rows become a new batch linked to the original, with a
     * ledger entry. Dataset checks (volume, drift, ...) do not apply: the file holds a few corrected rows.
     */
    public Ingested resubmit(Path file, String original, String decisionType) {
        BatchRecord from = batchByPrefix(original);
        if (from.rowsQuarantined() == 0 || from.quarantinePath().isEmpty()) {
            throw new IllegalArgumentException("batch " + from.hash().substring(0, 12) + " (" + from.sourceFile()
                    + ") has no quarantined rows; expected a batch with quarantined rows to resubmit");
        }
        String role = roleOf(decisionType, from.input());
        InputContract contract = contract(decisionType, role);
        Batch batch = ingestor.ingest(file, contract, knownKeys(file, contract, role, decisionType));
        if (batch.contentHash().equals(from.hash())) {
            throw new IllegalArgumentException(file + " is the original file of batch " + from.hash().substring(0, 12)
                    + "; expected a file of corrected rows");
        }
        Optional<LocalDate[]> span = batch.acceptedRows().flatMap(p -> dateSpan(p, contract));
        Instant at = clock.instant();
        boolean isNew = store.recordBatch(batch, span.map(s -> s[0]), span.map(s -> s[1]), at);
        if (!batch.isBlocked()) {
            contractMetrics.linkResubmission(batch.contentHash(), from.hash(), batch.rows().accepted(), at);
        }
        return new Ingested(batch, isNew, List.of());
    }

    /** The batch whose hash is {@code prefix} or starts with it; refused when none or several match. */
    public BatchRecord batchByPrefix(String prefix) {
        List<BatchRecord> matches = store.batches().stream().filter(b -> b.hash().startsWith(prefix)).toList();
        if (matches.size() != 1 || prefix.isBlank()) {
            throw new IllegalArgumentException("batch \"" + prefix + "\" matches " + matches.size()
                    + " batches; expected the hash (or a unique prefix) of one batch, see `keel quarantine list`");
        }
        return matches.get(0);
    }

    /** The role of a decision type whose contract governs data set {@code dataset}, e.g. sales for online-sales. */
    private String roleOf(String decisionType, String dataset) {
        return decisionType(decisionType).inputs().stream().map(InputRef::name)
                .filter(role -> contract(decisionType, role).input().equals(dataset)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("decision type " + decisionType + " has no input whose "
                        + "contract is " + dataset + "; expected the decision type the batch was ingested for"));
    }

    private KnownKeys knownKeys(Path file, InputContract contract, String input, String decisionType) {
        KnownKeys known = KnownKeys.none();
        for (var ref : contract.references()) {
            String dataset = contract(decisionType, ref.input()).input();
            BatchRecord latest = latestUsable(dataset).orElseThrow(() -> new IllegalArgumentException(
                    file + ": input " + input + " refers to " + ref.input() + ", which has no accepted batch yet; "
                            + "ingest the " + ref.input() + " first"));
            known = known.with(ref.input(), latest.dataPath().orElseThrow());
        }
        return known;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove scratch folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Optional<LocalDate[]> dateSpan(Path parquet, InputContract contract) {
        Optional<String> dateColumn = contract.columns().stream()
                .filter(c -> c.type() == keel.core.contract.ColumnType.DATE).map(keel.core.contract.Column::name).findFirst();
        if (dateColumn.isEmpty()) return Optional.empty();
        String sql = "select min(\"" + dateColumn.get() + "\"), max(\"" + dateColumn.get() + "\") from read_parquet('"
                + parquet.toAbsolutePath().toString().replace("'", "''") + "')";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            LocalDate min = rs.getObject(1, LocalDate.class);
            return min == null ? Optional.empty() : Optional.of(new LocalDate[] {min, rs.getObject(2, LocalDate.class)});
        } catch (SQLException e) {
            throw new IllegalStateException("reading the date span of " + parquet + " failed: " + e.getMessage(), e);
        }
    }

    private Optional<BatchRecord> latestUsable(String dataset) {
        List<BatchRecord> all = store.batches(dataset);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).dataPath().isPresent()) return Optional.of(all.get(i));
        }
        return Optional.empty();
    }

    private Optional<BatchRecord> latest(String dataset) {
        List<BatchRecord> all = store.batches(dataset);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** A cycle's result and whether this run stored it (false: it had run before, nothing written). */
    public record CycleRun(CycleResult result, boolean isNew, long loadNanos, long storeNanos) {
    }

    /**
     * Runs one cycle of {@code decisionType} as of {@code asOf} on the batches ingested so far. A cycle
     * that already ran on the same decision type version, as-of date and batches writes nothing and
     * returns the stored recommendations.
     */
    public CycleRun runCycle(String decisionType, LocalDate asOf, int threads) {
        long t0 = System.nanoTime();
        DecisionType type = decisionType(decisionType);
        CycleInputs inputs = gather(type, asOf);
        String cycleId = CycleRunner.cycleId(type, asOf, inputs.batches());
        Optional<CycleRecord> before = store.cycle(cycleId);
        if (before.isPresent()) {
            List<Recommendation> recs = store.recommendations(cycleId).stream().map(StoredRecommendation::recommendation).toList();
            return new CycleRun(new CycleResult(cycleId, type.name(), asOf, inputs.batches(), recs, 0, 0, 0), false,
                    System.nanoTime() - t0, 0);
        }
        long t1 = System.nanoTime();
        CycleResult result = new CycleRunner(type, ForecasterCatalog.of(type.forecast()), threads)
                .run(asOf, inputs.items(), inputs.batches());
        long t2 = System.nanoTime();
        List<KeelStore.NewRecommendation> stored = initialStatuses(type, result.recommendations());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("decisionType", type.name());
        summary.put("decisionTypeVersion", type.version());
        summary.put("asOf", asOf.toString());
        summary.put("recommendations", result.recommendations().size());
        summary.put("exceptions", result.exceptions());
        summary.put("queued", stored.stream().filter(n -> n.status() == Status.AWAITING_REVIEW).count());
        summary.put("fallbacks", result.fallbacks());
        summary.put("batches", inputs.batches());
        summary.put("blockedInputs", inputs.blocked());
        Instant ranAt = clock.instant();
        CycleRecord record = new CycleRecord(cycleId, type.name(), asOf, inputs.batches(), result.recommendations().size(),
                (int) result.exceptions(), Json.write(summary), ranAt);
        Instant deadline = asOf.atStartOfDay().toInstant(ZoneOffset.UTC).plus(type.review().deadline());
        boolean isNew = store.saveCycle(record, stored, deadline);
        return new CycleRun(result, isNew, t1 - t0, System.nanoTime() - t2);
    }

    /**
     * Exceptions go to the owner's queue, most value at stake first, up to the decision type's
     * capacity per cycle; the rest are approved without a person.
     */
    private static List<KeelStore.NewRecommendation> initialStatuses(DecisionType type, List<Recommendation> recs) {
        List<Recommendation> exceptions = new ArrayList<>(recs.stream().filter(Recommendation::needsReview).toList());
        exceptions.sort(Comparator.comparingDouble((Recommendation r) -> -valueAtStake(r)).thenComparing(Recommendation::id));
        Set<String> queued = new HashSet<>();
        for (Recommendation r : exceptions) {
            if (queued.size() >= type.review().capacityPerCycle() && r.fallbackReason().isEmpty()) continue;
            queued.add(r.id());
        }
        List<KeelStore.NewRecommendation> out = new ArrayList<>();
        for (Recommendation r : recs) {
            out.add(new KeelStore.NewRecommendation(r, queued.contains(r.id()) ? Status.AWAITING_REVIEW : Status.TOUCHLESS,
                    valueAtStake(r)));
        }
        return out;
    }

    /** Expected cost gap between the naive policy's quantity and the recommendation. */
    public static double valueAtStake(Recommendation r) {
        return r.alternatives().stream().filter(a -> a.label().equals("naive") || a.label().equals("naive policy"))
                .mapToDouble(a -> Math.abs(a.expectedCost() - r.expectedCost())).findFirst().orElse(0);
    }

    /** The demand history the last cycle run (or re-run) by this workspace read. */
    public Optional<DemandHistory> lastHistory() {
        return Optional.ofNullable(lastHistory);
    }

    /** The demand history a cycle of {@code decisionType} at {@code asOf} would read, from the batches so far. */
    public DemandHistory history(String decisionType, LocalDate asOf) {
        gather(decisionType(decisionType), asOf);
        return lastHistory;
    }

    /** The accepted rows of the batches that resubmitted quarantined rows of {@code batch}, oldest first. */
    private List<Path> resubmitted(BatchRecord batch) {
        return contractMetrics.resubmissionsOf(batch.hash()).stream().map(store::batch).flatMap(Optional::stream)
                .map(BatchRecord::dataPath).flatMap(Optional::stream).toList();
    }

    /** What a cycle reads: the items' inputs and the batches they came from. */
    record CycleInputs(List<ItemInput> items, List<String> batches, List<String> blocked) {
    }

    CycleInputs gather(DecisionType type, LocalDate asOf) {
        String salesSet = contract(type.name(), "sales").input();
        List<String> batches = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        List<Path> sales = new ArrayList<>();
        List<DemandHistory.Quarantine> quarantines = new ArrayList<>();
        LocalDate first = null;
        List<BatchRecord> salesBatches = store.batches(salesSet);
        for (BatchRecord b : salesBatches) {
            if (b.firstDate().isEmpty() || !b.firstDate().get().isBefore(asOf)) continue;
            batches.add(b.hash());
            sales.add(b.dataPath().get());
            b.quarantinePath().ifPresent(q -> quarantines.add(new DemandHistory.Quarantine(q, resubmitted(b))));
            if (first == null || b.firstDate().get().isBefore(first)) first = b.firstDate().get();
        }
        if (!salesBatches.isEmpty() && salesBatches.get(salesBatches.size() - 1).dataPath().isEmpty()) {
            BatchRecord b = salesBatches.get(salesBatches.size() - 1);
            batches.add(b.hash());
            blocked.add("sales batch " + b.sourceFile() + ": " + b.reason().orElse("blocked"));
        }
        List<String> warned = new ArrayList<>();
        salesBatches.stream().filter(b -> batches.contains(b.hash()) && b.lastDate().isPresent())
                .max(Comparator.comparing((BatchRecord b) -> b.lastDate().get()).thenComparing(BatchRecord::ingestedAt))
                .ifPresent(b -> warned.add(b.hash()));
        int salesEnd = batches.size();
        if (first == null) {
            throw new IllegalArgumentException("decision type " + type.name() + ": no accepted " + salesSet
                    + " batch has rows before " + asOf + "; ingest sales first");
        }
        Map<String, Map<String, Double>> catalog = Map.of();
        Optional<BatchRecord> cat = optionalInput(type, "catalog", batches, blocked, null);
        if (cat.isPresent()) catalog = numericAttributes(cat.get().dataPath().get());
        Set<LocalDate> trading = Set.of();
        Optional<BatchRecord> cal = optionalInput(type, "calendar", batches, blocked, null);
        if (cal.isPresent()) trading = dates(cal.get().dataPath().get());
        Map<String, double[]> stock = Map.of();
        List<String> stockWarnings = new ArrayList<>();
        Optional<BatchRecord> inv = optionalInput(type, "inventory", batches, blocked, asOf);
        if (inv.isPresent()) {
            stock = inventory(inv.get().dataPath().get());
            if (inv.get().lastDate().map(d -> d.isBefore(asOf)).orElse(true)) {
                stockWarnings.add("stock snapshot " + inv.get().lastDate().map(LocalDate::toString).orElse("undated")
                        + " is older than the cycle's as-of date " + asOf);
            }
        }
        LocalDate start = DemandHistory.periodStart(type.period(), first);
        LocalDate end = DemandHistory.periodStart(type.period(), asOf);
        DemandHistory history = DemandHistory.loadResolved(sales, quarantines, type.period(), start, end, trading);
        lastHistory = history;
        Map<String, Double> lastOrders = lastOrders(type.name(), asOf);
        warned.addAll(batches.subList(salesEnd, batches.size()));
        List<String> contractWarnings = contractWarnings(warned);
        Optional<String> blockedReason = blocked.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", blocked));
        List<ItemInput> items = new ArrayList<>();
        for (String item : history.items()) {
            if (!catalog.isEmpty() && !catalog.containsKey(item)) continue;
            double[] s = stock.getOrDefault(item, new double[] {0, 0});
            List<String> warnings = new ArrayList<>(stockWarnings);
            warnings.addAll(contractWarnings);
            double[] h = history.of(item);
            int missing = 0;
            for (double v : h) if (Double.isNaN(v)) missing++;
            if (missing > 0 && quarantines.size() > 0 && hasRecentGap(h, type)) {
                warnings.add(missing + " period(s) of this item's demand are unknown (quarantined rows or closed)");
            }
            items.add(new ItemInput(item, h, catalog.getOrDefault(item, Map.of()), s[0] + s[1],
                    Optional.ofNullable(lastOrders.get(item)), warnings, blockedReason));
        }
        return new CycleInputs(items, batches, blocked);
    }

    /** The failed warn-level dataset checks of the given batches, each naming its batch's file. */
    private List<String> contractWarnings(List<String> hashes) {
        List<String> out = new ArrayList<>();
        for (String hash : hashes) {
            String file = store.batch(hash).map(BatchRecord::sourceFile).orElse(hash.substring(0, 12));
            contractMetrics.warnings(hash).forEach(w -> out.add("contract warning on " + file + ": " + w));
        }
        return out;
    }

    /** Whether an unknown period falls within the last protection interval's worth of periods. */
    private static boolean hasRecentGap(double[] h, DecisionType type) {
        int recent = Math.max(4, type.tradeoff().protectionPeriods());
        for (int i = Math.max(0, h.length - recent); i < h.length; i++) if (Double.isNaN(h[i])) return true;
        return false;
    }

    /**
     * The latest batch of an input role; for a snapshot input ({@code asOf} given), the latest whose
     * dates do not pass the cycle's as-of date, so that re-running a past cycle reads what it read then.
     */
    private Optional<BatchRecord> optionalInput(DecisionType type, String role, List<String> batches, List<String> blocked,
            LocalDate asOf) {
        if (type.inputs().stream().noneMatch(i -> i.name().equals(role))) return Optional.empty();
        String dataset = contract(type.name(), role).input();
        Optional<BatchRecord> latest = asOf == null ? latest(dataset) : store.batches(dataset).stream()
                .filter(b -> b.lastDate().map(d -> !d.isAfter(asOf)).orElse(true)).reduce((a, b) -> b);
        if (latest.isEmpty()) return Optional.empty();
        batches.add(latest.get().hash());
        if (latest.get().dataPath().isEmpty()) {
            blocked.add(role + " batch " + latest.get().sourceFile() + ": " + latest.get().reason().orElse("blocked"));
            return latestUsable(dataset);
        }
        return latest;
    }

    /**
     * The orders of the cycle before a cycle (the latest stored cycle of the decision type with an
     * earlier as-of date), for the change-vs-last-order review rule.
     *
     * @param cycleId the previous cycle, empty when there is none
     * @param recommendations the folder of the previous cycle's recommendations as Parquet (path or
     *     URI), when it ran on Spark: its rows not in the store were approved without a person and
     *     stand at their quantity
     * @param stored the quantity that stands now of each recommendation of the previous cycle in the
     *     store, by item: every one for a single-machine cycle, the queued exceptions (with their
     *     overrides) for a cycle run on Spark
     */
    public record PreviousOrders(Optional<String> cycleId, Optional<String> recommendations, Map<String, Double> stored) {
        public PreviousOrders {
            stored = Map.copyOf(stored);
        }
    }

    /** The orders of the cycle before a cycle of {@code decisionType} as of {@code asOf}. */
    public PreviousOrders previousOrders(String decisionType, LocalDate asOf) {
        Optional<CycleRecord> previous = store.cycles(decisionType).stream().filter(c -> c.asOf().isBefore(asOf))
                .reduce((a, b) -> b);
        if (previous.isEmpty()) return new PreviousOrders(Optional.empty(), Optional.empty(), Map.of());
        Map<?, ?> summary = Json.read(previous.get().summary(), Map.class);
        Optional<String> files = "spark".equals(summary.get("engine")) && summary.get("directory") instanceof String d
                ? Optional.of(d.replaceAll("/+$", "") + "/recommendations") : Optional.empty();
        return new PreviousOrders(Optional.of(previous.get().id()), files, store.finalQuantities(previous.get().id()));
    }

    private Map<String, Double> lastOrders(String decisionType, LocalDate asOf) {
        PreviousOrders previous = previousOrders(decisionType, asOf);
        Map<String, Double> out = new HashMap<>();
        previous.recommendations().ifPresent(dir -> {
            if (dir.contains("://") && !dir.startsWith("file:")) {
                throw new IllegalArgumentException("cycle " + previous.cycleId().get() + " ran on Spark with its output at "
                        + dir + ", which is not on this machine; expected its orders under a local folder (copy it, or run "
                        + "this cycle on Spark too)");
            }
            Path glob = Path.of(dir.replaceFirst("^file:", "")).resolve("*.parquet");
            query(glob, "select item, quantity from read_parquet(?)", rs -> out.put(rs.getString(1), rs.getDouble(2)));
        });
        out.putAll(previous.stored());
        return out;
    }

    private static Map<String, Map<String, Double>> numericAttributes(Path parquet) {
        Map<String, Map<String, Double>> out = new HashMap<>();
        query(parquet, "select * from read_parquet(?)", rs -> {
            ResultSetMetaData md = rs.getMetaData();
            Map<String, Double> attrs = new HashMap<>();
            for (int c = 1; c <= md.getColumnCount(); c++) {
                int t = md.getColumnType(c);
                if (t == Types.DOUBLE || t == Types.BIGINT || t == Types.INTEGER || t == Types.FLOAT || t == Types.DECIMAL) {
                    double v = rs.getDouble(c);
                    if (!rs.wasNull()) attrs.put(md.getColumnName(c), v);
                }
            }
            out.put(rs.getString("item_id"), attrs);
        });
        return out;
    }

    private static Set<LocalDate> dates(Path parquet) {
        Set<LocalDate> out = new HashSet<>();
        query(parquet, "select date from read_parquet(?)", rs -> out.add(rs.getObject(1, LocalDate.class)));
        return out;
    }

    private static Map<String, double[]> inventory(Path parquet) {
        Map<String, double[]> out = new HashMap<>();
        query(parquet, "select item_id, on_hand, on_order, backorders from read_parquet(?)",
                rs -> out.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3) - rs.getDouble(4)}));
        return out;
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private static void query(Path parquet, String sql, RowHandler handler) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                var ps = c.prepareStatement(sql)) {
            ps.setString(1, parquet.toAbsolutePath().toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) handler.row(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + parquet + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
