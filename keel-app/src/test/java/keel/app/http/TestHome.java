package keel.app.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import keel.app.workspace.Workspace;
import keel.core.cycle.Alternative;
import keel.core.cycle.CostFigures;
import keel.core.cycle.ForecastSummary;
import keel.core.cycle.Lineage;
import keel.core.cycle.Recommendation;
import keel.core.review.Review;
import keel.core.review.ReviewAction;
import keel.core.review.Status;
import keel.store.jdbc.CycleRecord;
import keel.store.jdbc.KeelStore;
import keel.store.jdbc.StoreConfig;

/**
 * A small Keel home for server tests: the demo's two decision types, the demo's people (each also
 * with an API token {@code token-<id>}), and one cycle per decision type with {@link #AWAITING}
 * recommendations awaiting review, {@link #ESCALATED} escalated ones and a touchless one. Starts the
 * real server on a free loopback port.
 */
final class TestHome implements AutoCloseable {
    static final int AWAITING = 40;
    static final int ESCALATED = 10;
    static final LocalDate AS_OF = LocalDate.of(2011, 6, 6);
    static final String ONLINE = "replenish-online";
    static final String PARTS = "replenish-carparts";
    private static String cachedPeople;
    final Workspace ws;
    final KeelServer server;
    final ByteArrayOutputStream refusals = new ByteArrayOutputStream();

    TestHome(Path dir) throws IOException {
        this(dir, AWAITING, AWAITING);
    }

    /** A home with {@code online} and {@code parts} recommendations awaiting review in the two decision types. */
    TestHome(Path dir, int online, int parts) throws IOException {
        Path home = dir.resolve("home");
        for (String f : List.of("decision-types/replenish-online.yaml", "decision-types/replenish-carparts.yaml",
                "contracts/online-catalog.yaml", "contracts/online-calendar.yaml", "contracts/online-sales.yaml",
                "contracts/online-inventory.yaml", "contracts/parts-catalog.yaml", "contracts/parts-sales.yaml",
                "contracts/parts-inventory.yaml")) {
            copy("/keel/demo/home/" + f, home.resolve(f));
        }
        Files.writeString(home.resolve("people.yaml"), people());
        Instant ran = AS_OF.atTime(5, 0).toInstant(ZoneOffset.UTC);
        ws = Workspace.open(home, StoreConfig.embedded(home.resolve("store")), Clock.fixed(ran, ZoneOffset.UTC));
        fill(ws.store(), ONLINE, "olivia", ran, online);
        fill(ws.store(), PARTS, "sam", ran, parts);
        Clock clock = Clock.offset(Clock.systemUTC(), java.time.Duration.between(Instant.now(), ran.plusSeconds(3600)));
        server = KeelServer.start(ws, People.load(home.resolve("people.yaml")), clock, new KeelServer.Settings("127.0.0.1", 0),
                new PrintStream(refusals, true, StandardCharsets.UTF_8));
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    static String cycleId(String type) {
        return "cycle-" + type;
    }

    static String awaiting(String type, int i) {
        return cycleId(type) + "/item-" + String.format("%02d", i);
    }

    static String escalated(String type, int i) {
        return cycleId(type) + "/esc-" + String.format("%02d", i);
    }

    /** people.yaml: the demo's people with their demo passwords, plus token-<id> for each. */
    private static synchronized String people() {
        if (cachedPeople != null) return cachedPeople;
        StringBuilder sb = new StringBuilder("people:\n");
        for (DemoPeople.Login l : DemoPeople.LOGINS) {
            sb.append("  - {id: ").append(l.id()).append(", name: ").append(l.name()).append(", role: ").append(l.role().label())
                    .append(", passwordHash: '").append(People.hashPassword(l.password())).append("', tokenSha256: ['")
                    .append(People.sha256("token-" + l.id())).append("']}\n");
        }
        cachedPeople = sb.toString();
        return cachedPeople;
    }

    private static void fill(KeelStore store, String type, String owner, Instant ran, int awaiting) {
        List<KeelStore.NewRecommendation> recs = new ArrayList<>();
        for (int i = 0; i < awaiting; i++) {
            recs.add(new KeelStore.NewRecommendation(recommendation(type, "item-" + String.format("%02d", i), 100 - i),
                    Status.AWAITING_REVIEW, 100 - i));
        }
        for (int i = 0; i < ESCALATED; i++) {
            recs.add(new KeelStore.NewRecommendation(recommendation(type, "esc-" + String.format("%02d", i), 50),
                    Status.AWAITING_REVIEW, 50));
        }
        recs.add(new KeelStore.NewRecommendation(recommendation(type, "quiet", 0), Status.TOUCHLESS, 0));
        store.saveCycle(new CycleRecord(cycleId(type), type, AS_OF, List.of("batch-1"), recs.size(), awaiting + ESCALATED, "{}",
                ran), recs, AS_OF.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(48 * 3600));
        for (int i = 0; i < ESCALATED; i++) {
            store.review(new Review(escalated(type, i), ReviewAction.ESCALATE, owner, 12, Optional.empty(), "second look",
                    ran.plusSeconds(60), false), 0);
        }
    }

    static Recommendation recommendation(String type, String item, double valueAtStake) {
        return recommendation(cycleId(type), type, item, valueAtStake);
    }

    static Recommendation recommendation(String cycle, String type, String item, double valueAtStake) {
        String id = cycle + "/" + item;
        ForecastSummary forecast = new ForecastSummary("ses", "simple exponential smoothing, chosen by backtest", 40,
                List.of(5.0, 5.0), List.of(0.1, 0.5, 0.9), List.of(6.0, 10.0, 15.0), 0.8);
        List<Alternative> alternatives = List.of(new Alternative("naive policy", 8, 20 + valueAtStake, 0.4, 1, 3),
                new Alternative("order nothing", 0, 60, 0.95, 0, 9));
        return new Recommendation(id, cycle, type, item, "ONLINE_UK", AS_OF, 12, 14, 2, 20, 0.1, 4, 0.5, 8,
                alternatives, forecast, "order 12 to reach 14, the 90% quantile of demand over 2 weeks", new Lineage(List.of("batch-1"),
                        "v1", "ses", Map.of("alpha", 0.3), "order-up-to/1"),
                new CostFigures("GBP", 2, 0.1, 0.9, 0.9), Optional.empty(), List.of("value at stake " + valueAtStake + " above 25"));
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = TestHome.class.getResourceAsStream(resource)) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
        }
    }

    String refusalLog() {
        return refusals.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
        ws.close();
    }
}
