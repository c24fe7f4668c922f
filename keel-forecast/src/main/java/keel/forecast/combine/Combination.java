package keel.forecast.combine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.Forecaster;
import keel.forecast.Series;

/**
 * The mean or median of several forecasters' forecasts of the same series.
 *
 * <p><b>Point forecast.</b> Per step, the mean or the median (the middle value, or the mean of the
 * two middle values) of the members' point forecasts. Equal-weight combinations are hard to beat
 * (Clemen 1989; Makridakis et al. 2020: the M4 mean of ETS, ARIMA, CES and DOTM ranked 6th of 61).
 *
 * <p><b>Quantiles</b> by Vincentisation (Lichtendahl, Grushka-Cockayne &amp; Winkler 2013): per level
 * and step, the mean (or median) of the members' quantiles at that level. Each member's quantiles
 * are ordered and the mean and median are non-decreasing in every argument, so the combined
 * quantiles are ordered too; they are sorted per step anyway so that rounding cannot make them
 * cross. Averaging quantiles gives a distribution as wide as a typical member, not the wider
 * mixture of the members.
 *
 * <p><b>Failures.</b> A member that throws or forecasts a non-finite value is left out of this
 * series' combination, and the description names it and the reason. When every member fails, a
 * {@link ForecastException} names the series and each member's reason.
 *
 * <p>Immutable and thread-safe when the members are (all Keel forecasters are); members run one
 * after the other in the calling thread.
 */
public final class Combination implements Forecaster {
    /** How member forecasts are combined, per step and per quantile level. */
    public enum Rule {
        /** Arithmetic mean. */
        MEAN,
        /** Median: the middle value, or the mean of the two middle values. */
        MEDIAN
    }

    private final String name;
    private final Rule rule;
    private final List<Forecaster> members;

    /**
     * @param name this combination's model name, e.g. {@code "combo-mean"}
     * @param members at least one forecaster, distinct names
     * @throws IllegalArgumentException when the name is blank, there are no members or two share a name
     */
    public Combination(String name, Rule rule, List<Forecaster> members) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("combination name is blank; expected e.g. \"combo-mean\"");
        }
        this.name = name;
        this.rule = Objects.requireNonNull(rule, "rule");
        this.members = List.copyOf(members);
        if (this.members.isEmpty()) {
            throw new IllegalArgumentException("combination " + name + " has no members; expected at least one forecaster");
        }
        if (this.members.stream().map(Forecaster::name).distinct().count() != this.members.size()) {
            throw new IllegalArgumentException("combination " + name + ": two members share a name in "
                    + this.members.stream().map(Forecaster::name).toList() + "; expected distinct names");
        }
    }

    /** The mean of the members' forecasts, named "combo-mean". */
    public static Combination mean(List<Forecaster> members) {
        return new Combination("combo-mean", Rule.MEAN, members);
    }

    /** The median of the members' forecasts, named "combo-median". */
    public static Combination median(List<Forecaster> members) {
        return new Combination("combo-median", Rule.MEDIAN, members);
    }

    @Override
    public String name() {
        return name;
    }

    public Rule rule() {
        return rule;
    }

    /** The members, in the order given (unmodifiable). */
    public List<Forecaster> members() {
        return members;
    }

    @Override
    public Forecast forecast(Series series, int horizon, double[] levels) {
        List<Forecast> made = new ArrayList<>(members.size());
        List<String> failures = new ArrayList<>();
        for (Forecaster member : members) {
            try {
                Forecast f = member.forecast(series, horizon, levels);
                String problem = problem(f);
                if (problem == null) made.add(f);
                else failures.add(member.name() + " " + problem);
            } catch (RuntimeException e) {
                failures.add(member.name() + " failed: " + e.getMessage());
            }
        }
        return combine(series.id(), name, rule, made, failures);
    }

    /**
     * Combines forecasts already made of one series (all with the same horizon and levels).
     *
     * @param failures members left out and why, for the description; may be empty
     * @throws ForecastException when {@code forecasts} is empty, naming the failures
     * @throws IllegalArgumentException when horizons or levels differ
     */
    public static Forecast combine(String seriesId, String name, Rule rule, List<Forecast> forecasts,
            List<String> failures) {
        if (forecasts.isEmpty()) {
            throw new ForecastException(seriesId, name + ": every member failed (" + String.join("; ", failures) + ")");
        }
        Forecast first = forecasts.get(0);
        int horizon = first.horizon();
        double[] levels = first.levels();
        for (Forecast f : forecasts) {
            if (f.horizon() != horizon || !Arrays.equals(f.levels(), levels)) {
                throw new IllegalArgumentException(seriesId + ": " + name + " member " + f.model() + " has horizon "
                        + f.horizon() + " and levels " + Arrays.toString(f.levels()) + "; expected " + horizon
                        + " and " + Arrays.toString(levels));
            }
        }
        double[] mean = new double[horizon];
        double[][] quantiles = new double[levels.length][horizon];
        double[] column = new double[forecasts.size()];
        double[] step = new double[levels.length];
        for (int h = 0; h < horizon; h++) {
            for (int k = 0; k < column.length; k++) column[k] = forecasts.get(k).mean(h);
            mean[h] = apply(rule, column);
            for (int i = 0; i < levels.length; i++) {
                for (int k = 0; k < column.length; k++) column[k] = forecasts.get(k).quantile(i, h);
                step[i] = apply(rule, column);
            }
            Arrays.sort(step);
            for (int i = 0; i < levels.length; i++) quantiles[i][h] = step[i];
        }
        return Forecast.builder(seriesId, name).mean(mean).quantiles(levels, quantiles)
                .description(describe(name, rule, forecasts, failures)).build();
    }

    /** The mean or median of {@code values} (reordered in place for the median). */
    static double apply(Rule rule, double[] values) {
        if (rule == Rule.MEAN) {
            double sum = 0;
            for (double v : values) sum += v;
            return sum / values.length;
        }
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** Why a member's forecast cannot be combined, or null when it can. */
    static String problem(Forecast f) {
        int levels = f.levels().length;
        for (int h = 0; h < f.horizon(); h++) {
            if (!Double.isFinite(f.mean(h))) return "gave a non-finite point forecast at step " + (h + 1);
            for (int i = 0; i < levels; i++) {
                if (!Double.isFinite(f.quantile(i, h))) return "gave a non-finite quantile at step " + (h + 1);
            }
        }
        return null;
    }

    private static String describe(String name, Rule rule, List<Forecast> forecasts, List<String> failures) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s: %s of %d member%s", name,
                rule.name().toLowerCase(Locale.ROOT), forecasts.size(), forecasts.size() == 1 ? "" : "s"));
        text.append(" (point forecasts and, per level, quantiles)");
        for (Forecast f : forecasts) text.append("; ").append(f.model()).append(": ").append(f.description());
        if (!failures.isEmpty()) text.append("; left out: ").append(String.join("; ", failures));
        return text.toString();
    }
}
