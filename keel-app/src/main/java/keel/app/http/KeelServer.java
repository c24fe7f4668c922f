package keel.app.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import keel.app.workspace.Workspace;
import keel.core.ledger.Verification;
import keel.store.jdbc.Json;
import keel.store.jdbc.ReportQueries;

/**
 * Keel's web server (Javalin): the REST API under {@code /api/v1}, its OpenAPI document, and the
 * owners' pages. Every request but the log-in page, the OpenAPI document and static assets is
 * authenticated (session cookie or {@code Authorization: Bearer} token) and authorized on the server.
 * Once a minute it applies the decision types' on-expiry rules to recommendations past their deadline.
 */
public final class KeelServer implements AutoCloseable {
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
    private final Javalin app;
    private final java.util.concurrent.ScheduledExecutorService deadlines;

    /** Where to listen: a loopback host by default; port 0 picks a free port. */
    public record Settings(String host, int port) {
        public Settings {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("--port was " + port + "; expected 0 to 65535");
            if (host == null || host.isBlank()) throw new IllegalArgumentException("--host is empty; expected e.g. 127.0.0.1");
        }
    }

    private KeelServer(Javalin app, java.util.concurrent.ScheduledExecutorService deadlines) {
        this.app = app;
        this.deadlines = deadlines;
    }

    /** Starts serving {@code ws} with the people of {@code people}; refusals are logged to {@code log}. */
    public static KeelServer start(Workspace ws, People people, Clock wallClock, Settings settings, PrintStream log) {
        // The ledger hashes Instant.toString() but the database keeps microseconds: nanosecond instants
        // would hash differently once read back and break verification. Whole milliseconds survive.
        Clock clock = Clock.tick(wallClock, java.time.Duration.ofMillis(1));
        Access access = new Access(log, Clock.systemUTC());
        Sessions sessions = new Sessions(clock);
        Authentication auth = new Authentication(people, sessions, access);
        Reviews reviews = new Reviews(ws, access, clock);
        ReportQueries queries = new ReportQueries(ws.store());
        Reports reports = new Reports(ws, queries);
        Queue queue = new Queue(ws, access, queries);
        LedgerCheck ledger = new LedgerCheck(ws.store().ledger(), Clock.systemUTC());
        // The whole chain once now; after this, pages verify what is new, and "verify all" the whole chain again.
        Verification atStart = ledger.all();
        if (!atStart.intact()) log.println("keel: " + atStart.message());
        ApiRoutes api = new ApiRoutes(ws, access, reviews, reports, queries, queue, ledger);
        Pages pages = new Pages(ws, access, reviews, reports, queries, queue, ledger, auth);
        Javalin app = Javalin.create(cfg -> {
            cfg.jetty.host = settings.host();
            cfg.jetty.port = settings.port();
            cfg.jetty.threadPool = requestThreads();
            cfg.startup.showJavalinBanner = false;
            cfg.routes.before(auth::authenticate);
            cfg.routes.exception(ApiError.class, (e, ctx) -> refused(ctx, e));
            cfg.routes.exception(IllegalArgumentException.class,
                    (e, ctx) -> refused(ctx, new ApiError(400, e.getMessage(), null, null, null, null)));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                // A broken invariant, not the caller's fault: the stack trace goes to the log, not to the caller.
                e.printStackTrace(log);
                refused(ctx, new ApiError(500, "internal error (" + e.getClass().getSimpleName() + "); see the server log",
                        null, null, null, null));
            });
            cfg.routes.get("/api/v1/openapi.json", ctx -> resource(ctx, "/keel/http/openapi.json", "application/json"));
            cfg.routes.get("/assets/uPlot.iife.min.js", ctx -> resource(ctx, UPLOT + "uPlot.iife.min.js", "text/javascript"));
            cfg.routes.get("/assets/uPlot.min.css", ctx -> resource(ctx, UPLOT + "uPlot.min.css", "text/css"));
            cfg.routes.get("/assets/keel.css", ctx -> resource(ctx, "/keel/http/keel.css", "text/css"));
            cfg.routes.get("/assets/charts.js", ctx -> resource(ctx, "/keel/http/charts.js", "text/javascript"));
            api.register(cfg.routes);
            pages.register(cfg.routes);
        });
        app.start();
        DeadlineSweeper sweeper = new DeadlineSweeper(ws, clock, log);
        java.util.concurrent.ScheduledExecutorService deadlines = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keel-deadlines");
            t.setDaemon(true);
            return t;
        });
        deadlines.scheduleWithFixedDelay(() -> {
            try {
                sweeper.sweep();
            } catch (RuntimeException e) {
                e.printStackTrace(log);
            }
        }, 0, 60, java.util.concurrent.TimeUnit.SECONDS);
        return new KeelServer(app, deadlines);
    }

    /**
     * Jetty's threads, fewer than Javalin's default of 250: requests are short and mostly CPU, and reviews
     * queue for the ledger's lock anyway, so beyond a few threads per core more threads only add switching.
     * Requests beyond them wait in Jetty's queue.
     */
    private static org.eclipse.jetty.util.thread.QueuedThreadPool requestThreads() {
        int max = Math.max(16, 8 * Runtime.getRuntime().availableProcessors());
        org.eclipse.jetty.util.thread.QueuedThreadPool pool = new org.eclipse.jetty.util.thread.QueuedThreadPool(max, 8, 60_000);
        pool.setName("JettyServerThreadPool");
        return pool;
    }

    private static void refused(Context ctx, ApiError e) {
        ctx.status(e.status());
        if (ctx.path().startsWith("/api/")) {
            ctx.contentType("application/json").result(Json.write(e.body()));
        } else {
            ctx.html(Html.errorPage(e));
        }
    }

    private static void resource(Context ctx, String path, String type) throws IOException {
        try (InputStream in = KeelServer.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("resource " + path + " is missing from the jar");
            ctx.contentType(type).header("Cache-Control", "max-age=3600").result(in.readAllBytes());
        }
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        app.stop();
    }
}
