package keel.forecast.select;

import java.util.Locale;
import java.util.SplittableRandom;
import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.Series;

/**
 * Calibration check (not a test): how often the actual total over the horizon falls at or below
 * auto's total quantiles, on synthetic daily demand with the last {@code horizon} days held out.
 * A calibrated level-q quantile covers a fraction q. Run after test-compile:
 *
 * <pre>java -cp keel-forecast/target/classes:keel-forecast/target/test-classes keel.forecast.select.QuantileCoverageCheck</pre>
 */
public final class QuantileCoverageCheck {
    private QuantileCoverageCheck() {
    }

    public static void main(String[] args) {
        int seriesCount = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int horizon = args.length > 1 ? Integer.parseInt(args[1]) : 14;
        double[] levels = {0.5, 0.8, 0.9, 0.95, 0.99};
        SplittableRandom random = new SplittableRandom(7);
        int origins = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        AutoForecaster auto = new AutoForecaster(AutoForecaster.defaultCandidates(),
                new AutoForecaster.Settings(origins, 4, 0, true, true));
        int[] covered = new int[levels.length];
        int[] coveredStep = new int[levels.length];
        int used = 0;
        int steps = 0;
        for (int i = 0; i < seriesCount; i++) {
            int n = 150 + random.nextInt(151);
            double[] y = AutoForecasterTiming.demand(random, n + horizon);
            Series train = Series.of("s" + i, java.util.Arrays.copyOf(y, n), 7);
            Forecast f;
            try {
                f = auto.forecast(train, horizon, levels);
            } catch (ForecastException e) {
                continue;
            }
            used++;
            double actual = 0;
            for (int h = 0; h < horizon; h++) {
                actual += y[n + h];
                for (int l = 0; l < levels.length; l++) {
                    coveredStep[l] += y[n + h] <= f.quantile(l, h) ? 1 : 0;
                }
                steps++;
            }
            double[] q = f.totalQuantiles().orElseThrow();
            for (int l = 0; l < levels.length; l++) {
                covered[l] += actual <= q[l] ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "%d series, horizon %d%n", used, horizon);
        for (int l = 0; l < levels.length; l++) {
            System.out.printf(Locale.ROOT, "level %.2f: total covered %.3f, per step covered %.3f%n", levels[l],
                    covered[l] / (double) used, coveredStep[l] / (double) steps);
        }
    }
}
