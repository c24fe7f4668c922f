package keel.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import keel.forecast.ets.EtsOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Series per CPU-second of each method group on M4 Hourly and Weekly, measured single-threaded with
 * the thread's CPU time after a warm-up pass over the first series.
 */
@Command(name = "speed", mixinStandardHelpOptions = true,
        description = "Series per CPU-second on M4 Hourly/Weekly (single thread, after warm-up).")
public final class SpeedBenchmark implements Callable<Integer> {

    @Option(names = "--data", description = "directory holding m4/ (default: shared/data beside the project)")
    Path data;

    @Option(names = "--frequency", split = ",", defaultValue = "Hourly,Weekly",
            description = "frequencies to run (default: ${DEFAULT-VALUE})")
    List<String> frequencies;

    @Option(names = "--methods", split = ",", defaultValue = "m4,ets,ets-box,theta",
            description = "method groups: m4, ets, ets-box, ets-models, theta (default: ${DEFAULT-VALUE})")
    List<String> methods;

    @Option(names = "--limit", defaultValue = "0", description = "only the first N series of each frequency (0 = all)")
    int limit;

    @Option(names = "--warmup", defaultValue = "20", description = "series run once before timing (default: ${DEFAULT-VALUE})")
    int warmup;

    @Override
    public Integer call() {
        Path root = DataDirectory.resolve(data).resolve("m4");
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        List<BenchMethod> groups = new ArrayList<>();
        for (String name : methods) groups.add(BenchMethod.parse(name));
        System.out.printf(Locale.ROOT, "%-8s %-6s %8s %10s %14s%n", "set", "method", "series", "CPU s", "series/CPU-s");
        for (String frequency : frequencies) {
            M4Data set = M4Data.load(root, frequency);
            List<M4Data.M4Series> series = limit > 0 && limit < set.series().size()
                    ? set.series().subList(0, limit) : set.series();
            for (BenchMethod g : groups) {
                for (int i = 0; i < Math.min(warmup, series.size()); i++) {
                    M4Data.M4Series s = series.get(i);
                    g.forecast(s.train(), s.period(), s.horizon(), EtsOptions.R);
                }
                long start = bean.getCurrentThreadCpuTime();
                double checksum = 0;
                for (M4Data.M4Series s : series) {
                    double[][] f = g.forecast(s.train(), s.period(), s.horizon(), EtsOptions.R);
                    if (f[0] != null) checksum += f[0][0];
                }
                double cpu = (bean.getCurrentThreadCpuTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%-8s %-6s %8d %10.2f %14.1f%s%n", frequency,
                        g.name().toLowerCase(Locale.ROOT), series.size(), cpu, series.size() / cpu,
                        Double.isNaN(checksum) ? " (NaN seen)" : "");
            }
        }
        System.out.println("R forecast 8.20 ets() + forecast(): Weekly 10.5 series/CPU-s (project's R baseline); "
                + "Hourly 0.48 series/CPU-s (H1-H20, measured beside this benchmark).");
        return 0;
    }
}
