package keel.core.outcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * DVA aggregated over overrides (DECISIONS §5): per reviewer, reason code, size band and direction, with
 * counts, hit rate, mean and total DVA and a bootstrap 90 % interval of the mean (percentile method, 2,000
 * resamples of the group's decisions, seeded so that a report is reproducible). Accepted recommendations
 * ({@code Q_final = Q_sys}) are left out: they have DVA 0 by definition.
 */
public final class DecisionValueReport {
    private static final int RESAMPLES = 2000;

    /** What to group by. */
    public enum Dimension {
        OWNER(DecisionValue::owner),
        REASON(DecisionValue::reasonCode),
        SIZE_BAND(DecisionValue::sizeBand),
        DIRECTION(DecisionValue::direction);

        private final Function<DecisionValue, String> key;

        Dimension(Function<DecisionValue, String> key) {
            this.key = key;
        }
    }

    private DecisionValueReport() {}

    /** Groups in order of first appearance (size bands in band order). */
    public static List<ValueGroup> by(List<DecisionValue> decisions, Dimension dimension, long seed) {
        Map<String, List<DecisionValue>> groups = new LinkedHashMap<>();
        if (dimension == Dimension.SIZE_BAND) {
            for (String band : List.of("under 10%", "10-25%", "25-50%", "over 50%")) groups.put(band, new ArrayList<>());
        }
        for (DecisionValue d : decisions) {
            if (d.isOverride()) groups.computeIfAbsent(dimension.key.apply(d), k -> new ArrayList<>()).add(d);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<ValueGroup> out = new ArrayList<>();
        groups.forEach((key, members) -> {
            if (!members.isEmpty()) out.add(summarise(key, members, random.split()));
        });
        return List.copyOf(out);
    }

    /** All overrides as one group named {@code "all"}; empty when there are none. */
    public static List<ValueGroup> overall(List<DecisionValue> decisions, long seed) {
        List<DecisionValue> overrides = decisions.stream().filter(DecisionValue::isOverride).toList();
        return overrides.isEmpty() ? List.of() : List.of(summarise("all", overrides, new SplittableRandom(seed)));
    }

    private static ValueGroup summarise(String key, List<DecisionValue> members, SplittableRandom random) {
        double[] values = members.stream().mapToDouble(DecisionValue::value).toArray();
        int n = values.length;
        double total = Arrays.stream(values).sum();
        long hits = Arrays.stream(values).filter(v -> v > 0).count();
        double[] means = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += values[random.nextInt(n)];
            means[b] = sum / n;
        }
        Arrays.sort(means);
        return new ValueGroup(key, n, (double) hits / n, total / n, total, percentile(means, 0.05),
                percentile(means, 0.95));
    }

    private static double percentile(double[] sorted, double q) {
        int i = (int) Math.floor(q * (sorted.length - 1));
        return sorted[i];
    }

    /** A one-line summary of a group, e.g. for logs: {@code "up: 42 overrides, hit rate 31%, mean -1.20 ..."}. */
    public static String describe(ValueGroup g) {
        return String.format(Locale.ROOT, "%s: %d overrides, hit rate %.0f%%, mean DVA %.2f (90%% interval %.2f to %.2f), total %.2f",
                g.key(), g.count(), 100 * g.hitRate(), g.meanValue(), g.meanLow(), g.meanHigh(), g.totalValue());
    }
}
