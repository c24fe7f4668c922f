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
        /** The reviewer who acted. */
        OWNER,
        /** The override's reason code. */
        REASON,
        /** Fixed bands of relative size: under 10, 10–25, 25–50, over 50 %. */
        SIZE_BAND,
        /** Quartiles of relative size among these overrides, e.g. {@code "Q2 (4-9%)"}. */
        SIZE_QUARTILE,
        /** Up or down. */
        DIRECTION
    }

    private DecisionValueReport() {}

    /** Groups in order of first appearance (size bands in band order). */
    public static List<ValueGroup> by(List<DecisionValue> decisions, Dimension dimension, long seed) {
        Map<String, List<DecisionValue>> groups = new LinkedHashMap<>();
        if (dimension == Dimension.SIZE_BAND) {
            for (String band : List.of("under 10%", "10-25%", "25-50%", "over 50%")) groups.put(band, new ArrayList<>());
        }
        Function<DecisionValue, String> keyOf = keyFor(dimension, decisions, groups);
        for (DecisionValue d : decisions) {
            if (d.isOverride()) groups.computeIfAbsent(keyOf.apply(d), k -> new ArrayList<>()).add(d);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<ValueGroup> out = new ArrayList<>();
        groups.forEach((key, members) -> {
            if (!members.isEmpty()) out.add(summarise(key, members, random.split()));
        });
        return List.copyOf(out);
    }

    private static Function<DecisionValue, String> keyFor(Dimension dimension, List<DecisionValue> decisions,
            Map<String, List<DecisionValue>> groups) {
        switch (dimension) {
            case OWNER: return DecisionValue::owner;
            case REASON: return DecisionValue::reasonCode;
            case SIZE_BAND: return DecisionValue::sizeBand;
            case DIRECTION: return DecisionValue::direction;
            default: return quartiles(decisions, groups);
        }
    }

    /** Cut points at the 25th, 50th and 75th percentile of relative size (nearest rank). */
    private static Function<DecisionValue, String> quartiles(List<DecisionValue> decisions,
            Map<String, List<DecisionValue>> groups) {
        double[] sizes = decisions.stream().filter(DecisionValue::isOverride).mapToDouble(DecisionValue::relativeSize)
                .sorted().toArray();
        if (sizes.length == 0) return d -> "Q1";
        double[] cuts = new double[5];
        for (int q = 1; q <= 3; q++) cuts[q] = sizes[(int) Math.ceil(q * sizes.length / 4.0) - 1];
        cuts[0] = sizes[0];
        cuts[4] = sizes[sizes.length - 1];
        String[] names = new String[4];
        for (int q = 0; q < 4; q++) {
            names[q] = String.format(Locale.ROOT, "Q%d (%.0f-%.0f%%)", q + 1, 100 * cuts[q], 100 * cuts[q + 1]);
            groups.put(names[q], new ArrayList<>());
        }
        return d -> {
            double s = d.relativeSize();
            for (int q = 1; q <= 3; q++) if (s <= cuts[q]) return names[q - 1];
            return names[3];
        };
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
