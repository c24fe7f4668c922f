package keel.forecast.select;

import java.util.Locale;
import java.util.SplittableRandom;
import keel.forecast.Forecast;
import keel.forecast.Series;

/**
 * Micro timing of {@link AutoForecaster} (not a test, not JMH): synthetic daily demand like the
 * demo's, n = 300, about 70% zero days, weekly season, horizon 14 (review period + lead time),
 * default candidates and settings. Run after {@code mvn -pl keel-forecast test-compile}:
 *
 * <pre>java -cp keel-forecast/target/classes:keel-forecast/target/test-classes keel.forecast.select.AutoForecasterTiming</pre>
 */
public final class AutoForecasterTiming {
    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private AutoForecasterTiming() {
    }

    public static void main(String[] args) {
        int seriesCount = args.length > 0 ? Integer.parseInt(args[0]) : 3800;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int horizon = 14;
        double[] levels = {0.5, 0.8, 0.9, 0.95, 0.99};
        Series[] series = new Series[seriesCount];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < seriesCount; i++) {
            series[i] = Series.of("item-" + i, demand(random, n), 7);
        }
        AutoForecaster auto = AutoForecaster.withDefaults();
        java.util.Map<String, Integer> chosen = new java.util.TreeMap<>();
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            int failures = 0;
            for (Series s : series) {
                try {
                    Forecast f = auto.forecast(s, horizon, levels);
                    if (round == 0) {
                        chosen.merge(f.model(), 1, Integer::sum);
                    }
                } catch (keel.forecast.ForecastException e) {
                    failures++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.out.printf(Locale.ROOT, "round %d: %d series in %.3f s wall, %.3f s CPU: %.1f us CPU per series,"
                    + " %d failures%n", round, seriesCount, seconds, cpu, cpu * 1e6 / seriesCount, failures);
        }
        System.out.println("models chosen: " + chosen);
        System.out.println(auto.forecast(series[0], horizon, levels).description());
    }

    /** Intermittent weekly-seasonal counts: demand on ~30% of days, sizes 1 + geometric. */
    static double[] demand(SplittableRandom random, int n) {
        double rate = 0.1 + 0.4 * random.nextDouble();
        double size = 1 + 4 * random.nextDouble();
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            double weekly = (t % 7 == 5 || t % 7 == 6) ? 1.4 : 0.85;
            if (random.nextDouble() < rate * weekly) {
                int k = 1;
                while (random.nextDouble() < 1 - 1 / size) {
                    k++;
                }
                y[t] = k;
            }
        }
        return y;
    }
}
