package keel.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import keel.app.demo.Demo;
import keel.core.planner.PlannerParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keel demo}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Replays months of replenishment decisions on bundled public data: files arrive and pass their "
                + "contracts, cycles forecast and recommend, a SIMULATED planner reviews the exceptions, deadlines pass, "
                + "stock is simulated from the decisions, and outcomes are scored when actuals arrive.",
            "Deterministic for a given seed. Writes a report and prints a summary."})
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

    @Option(names = "--no-serve", description = "end after the report (the web pages are not built yet, so this is the default)")
    boolean noServe;

    @Override
    public Integer call() throws Exception {
        PlannerParameters planner = PlannerParameters.defaults().withOverrideRate(overrideRate)
                .withInformedShare(informedShare);
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Demo.run(new Demo.Options(out, seed, t, cycles, items, planner, only), System.out);
        return 0;
    }
}
