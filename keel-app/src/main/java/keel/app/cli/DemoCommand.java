package keel.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.time.Clock;
import keel.app.demo.Demo;
import keel.app.http.DemoPeople;
import keel.app.http.KeelServer;
import keel.app.workspace.Workspace;
import keel.store.jdbc.StoreConfig;
import keel.core.planner.PlannerParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keel demo}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Replays months of replenishment decisions on bundled public data: files arrive and pass their "
                + "contracts, cycles forecast and recommend, a SIMULATED planner reviews the exceptions, deadlines pass, "
                + "stock is simulated from the decisions, and outcomes are scored when actuals arrive.",
            "Deterministic for a given seed. Writes a report, prints a summary, then serves the web pages (as keel serve) "
                + "until Ctrl-C, with the last cycle of replenish-online left for people; --no-serve ends after the report."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "keel-out/demo", description = "folder the demo owns (emptied first): default ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the simulated planner: default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--threads", description = "threads for forecasting: default all cores")
    Integer threads;

    @Option(names = "--cycles", defaultValue = "1000", description = "replay at most this many cycles per decision type")
    int cycles;

    @Option(names = "--items", defaultValue = "0", description = "use only the first N items of each data set (0: all)")
    int items;

    @Option(names = "--only", split = ",", description = "replay only these decision types: replenish-online, replenish-carparts")
    java.util.List<String> only = new java.util.ArrayList<>();

    @Option(names = "--planner-override-rate", defaultValue = "0.35",
            description = "share of reviewed recommendations the simulated planner changes: default ${DEFAULT-VALUE}")
    double overrideRate;

    @Option(names = "--planner-informed-share", defaultValue = "0.5",
            description = "share of the simulated planner's overrides that carry real information: default ${DEFAULT-VALUE}")
    double informedShare;

    @Option(names = "--no-serve", description = "end after the report instead of serving the web pages")
    boolean noServe;

    @Option(names = "--port", defaultValue = "8080", description = "port of the web pages after the replay: default ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address of the web pages: default ${DEFAULT-VALUE} (loopback)")
    String host;

    @Override
    public Integer call() throws Exception {
        PlannerParameters planner = PlannerParameters.defaults().withOverrideRate(overrideRate)
                .withInformedShare(informedShare);
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        KeelServer.Settings settings = new KeelServer.Settings(host, port);
        Demo.run(new Demo.Options(out, seed, t, cycles, items, planner, only, !noServe), System.out);
        if (noServe) return 0;
        System.out.println();
        System.out.println("Web pages: the last cycle of replenish-online is left for people to review. DEMO-ONLY log-ins "
                + "(person / password):");
        for (DemoPeople.Login l : DemoPeople.LOGINS) {
            System.out.printf("  %-7s %-12s %s%n", l.id(), l.password(), l.role().label());
        }
        System.out.println("  API token (analyst system 'erp'): Authorization: Bearer " + DemoPeople.ERP_TOKEN);
        Path home = out.resolve("home");
        try (Workspace ws = Workspace.open(home, StoreConfig.embedded(home.resolve("store")), Clock.systemUTC())) {
            ServeCommand.serveUntilStopped(ws, settings, System.out);
        }
        return 0;
    }
}
