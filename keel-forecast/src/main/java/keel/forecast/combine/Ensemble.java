package keel.forecast.combine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.Forecaster;
import keel.forecast.Series;
import keel.forecast.arima.AutoArima;
import keel.forecast.ets.Ets;
import keel.forecast.theta.Theta;

/**
 * "ensemble": automatic forecasting for regular (not intermittent) series such as M4 Hourly and
 * Weekly. Candidates are the members (by default ETS chosen by AICc, auto.arima chosen by AICc,
 * AutoTheta) and their mean and median ({@link Combination}). On M4 the default (the backtest
 * choice among all five) has OWA 0.566 on Hourly and 0.876 on Weekly, against Theta's 1.006 / 0.971
 * and Comb S-H-D's 1.556 / 0.926 (keel-bench README).
 *
 * <p><b>Why not an information criterion across families.</b> Within a family each member already
 * chooses by its criterion (ETS and ARIMA by AICc, AutoTheta by its in-sample MSE). Across
 * families the criteria are not comparable: ARIMA's likelihood is of the differenced series, ETS's
 * of the levels, and Theta's objective is no likelihood. Across families the choice is therefore
 * by a rolling-origin backtest when {@link Choice} asks for one.
 *
 * <p><b>Backtest.</b> Origins n − h, n − 2h, ... (at most {@link Settings#origins()}, each leaving at
 * least {@link Settings#minTrainingLength()} observations, or twice the seasonal period if more);
 * every member forecasts from each origin once and the combinations at that origin are combined
 * from those forecasts, so a backtest costs one member fit per member and origin. Score: mean
 * absolute error over the origins' windows (steps with a missing actual skipped); a candidate that
 * fails at some origin is not eligible. The lowest score wins; ties within a relative 1e-9 go to the
 * candidate listed first, the default combination first. With no usable origin the default
 * combination is used and the description says so.
 *
 * <p><b>Result.</b> The chosen candidate refitted on the whole series, with its quantiles (members'
 * own, or Vincentised for a combination); the description names the choice, the scores and any
 * member left out. Throws {@link ForecastException} when every member fails on the whole series.
 * Immutable and thread-safe.
 */
public final class Ensemble implements Forecaster {
    private static final double[] NO_LEVELS = new double[0];
    private static final double TIE = 1e-9;
    private final List<Forecaster> members;
    private final Settings settings;

    /** Which candidates the backtest chooses among. */
    public enum Choice {
        /** No backtest: always the default combination. */
        COMBINATION,
        /** The mean or the median combination, whichever backtests better. */
        AMONG_COMBINATIONS,
        /** Any member or combination, whichever backtests best. */
        AMONG_ALL
    }

    /**
     * @param rule the default combination, listed first (wins ties and is used without a backtest)
     * @param choice which candidates compete
     * @param origins the most backtest origins, e.g. 2; 0 only with {@link Choice#COMBINATION}
     * @param minTrainingLength the fewest observations before an origin, e.g. 20
     */
    public record Settings(Combination.Rule rule, Choice choice, int origins, int minTrainingLength) {
        /** Checks the settings; throws {@link IllegalArgumentException} naming the bad one. */
        public Settings {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(choice, "choice");
            if (origins < 0 || (origins == 0 && choice != Choice.COMBINATION)) {
                throw new IllegalArgumentException("ensemble: origins was " + origins
                        + "; expected an integer >= 1 (0 only for choice COMBINATION)");
            }
            if (minTrainingLength < 1) {
                throw new IllegalArgumentException("ensemble: minTrainingLength was " + minTrainingLength
                        + "; expected an integer >= 1");
            }
        }

        /**
         * Keel's default: median combination listed first, the choice among all five candidates, 2
         * origins, 20 observations to train at least. Chosen on M4 (keel-bench README, OWA): the
         * choice among all beat the choice among the combinations and each combination on both
         * sets (Hourly 0.566 vs 0.646, median 0.656, mean 0.722; Weekly 0.876 vs 0.889, 0.898,
         * 0.903), and auto.arima alone (Hourly 0.580, Weekly 0.925).
         */
        public static Settings defaults() {
            return new Settings(Combination.Rule.MEDIAN, Choice.AMONG_ALL, 2, 20);
        }
    }

    /**
     * @param members the forecasters to combine and choose among; distinct names, none named like a
     *     combination ("combo-mean", "combo-median")
     */
    public Ensemble(List<Forecaster> members, Settings settings) {
        this.members = List.copyOf(members);
        this.settings = Objects.requireNonNull(settings, "settings");
        Combination.mean(this.members); // checks: at least one member, distinct names
        for (Forecaster f : this.members) {
            if (f.name().startsWith("combo-")) {
                throw new IllegalArgumentException("ensemble member named " + f.name()
                        + "; expected a name not starting with \"combo-\"");
            }
        }
    }

    /** ETS (AICc), auto.arima (AICc) and AutoTheta with {@link Settings#defaults()}. */
    public static Ensemble withDefaults() {
        return new Ensemble(defaultMembers(), Settings.defaults());
    }

    /** ETS chosen by AICc (R's search), auto.arima with R's defaults, AutoTheta. */
    public static List<Forecaster> defaultMembers() {
        return List.of(Ets.forecaster(), new AutoArima(), Theta.auto());
    }

    public List<Forecaster> members() {
        return members;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "ensemble";
    }

    @Override
    public Forecast forecast(Series series, int horizon, double[] levels) {
        if (horizon < 1) throw new IllegalArgumentException("horizon was " + horizon + "; expected an integer >= 1");
        List<String> names = candidateNames();
        String why;
        int chosen = 0;
        if (settings.choice() == Choice.COMBINATION) {
            why = "the default combination (no backtest)";
        } else {
            int[] lengths = trainingLengths(series, horizon);
            if (lengths.length == 0) {
                why = String.format(Locale.ROOT, "the default combination: %d observations leave no backtest origin "
                        + "(need %d to train and %d to test)", series.length(), minTraining(series), horizon);
            } else {
                double[] scores = backtest(series, horizon, lengths);
                chosen = best(scores);
                if (chosen < 0) {
                    chosen = 0;
                    why = "the default combination: no candidate completed the backtest";
                } else {
                    why = "lowest backtest MAE over " + lengths.length + " origin" + (lengths.length == 1 ? "" : "s")
                            + " (" + scoreText(names, scores) + ")";
                }
            }
        }
        Forecast f = fitChosen(series, horizon, levels, names.get(chosen));
        Forecast.Builder b = Forecast.builder(series.id(), f.model()).mean(f.mean()).quantiles(levels, quantiles(f))
                .description(names.get(chosen) + " chosen as " + why + "; families are compared by backtest, "
                        + "not by information criterion (their likelihoods differ); " + f.description());
        f.parameters().forEach(b::parameter);
        return b.build();
    }

    /** The candidates in order: default combination, other combination, then the members. */
    List<String> candidateNames() {
        List<String> names = new ArrayList<>();
        Combination.Rule other = settings.rule() == Combination.Rule.MEAN ? Combination.Rule.MEDIAN : Combination.Rule.MEAN;
        names.add(comboName(settings.rule()));
        names.add(comboName(other));
        if (settings.choice() == Choice.AMONG_ALL) {
            for (Forecaster m : members) names.add(m.name());
        }
        return names;
    }

    private int minTraining(Series series) {
        return Math.max(settings.minTrainingLength(), 2 * series.seasonalPeriod());
    }

    /** Training lengths n − h, n − 2h, ... that leave at least the minimum training length. */
    int[] trainingLengths(Series series, int horizon) {
        List<Integer> out = new ArrayList<>();
        for (int o = 1; o <= settings.origins(); o++) {
            int length = series.length() - o * horizon;
            if (length < minTraining(series)) break;
            out.add(length);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Mean absolute error per candidate over all origins; NaN for a candidate that failed somewhere. */
    private double[] backtest(Series series, int horizon, int[] lengths) {
        List<String> names = candidateNames();
        double[] sum = new double[names.size()];
        int[] count = new int[names.size()];
        boolean[] failed = new boolean[names.size()];
        for (int length : lengths) {
            Series head = series.head(length);
            List<Forecast> made = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (Forecaster m : members) {
                Forecast f = tryForecast(m, head, horizon, NO_LEVELS, failures);
                if (f != null) {
                    made.add(f);
                    int c = names.indexOf(m.name());
                    if (c >= 0) accumulate(series, length, f, c, sum, count);
                } else if (names.indexOf(m.name()) >= 0) {
                    failed[names.indexOf(m.name())] = true;
                }
            }
            for (int c = 0; c < 2; c++) {
                if (made.isEmpty()) {
                    failed[c] = true;
                    continue;
                }
                Forecast combined = Combination.combine(series.id(), names.get(c), rule(names.get(c)), made, failures);
                accumulate(series, length, combined, c, sum, count);
            }
        }
        double[] scores = new double[names.size()];
        for (int c = 0; c < scores.length; c++) scores[c] = failed[c] || count[c] == 0 ? Double.NaN : sum[c] / count[c];
        return scores;
    }

    private static void accumulate(Series series, int length, Forecast f, int c, double[] sum, int[] count) {
        for (int h = 0; h < f.horizon(); h++) {
            double actual = series.value(length + h);
            if (Double.isNaN(actual)) continue;
            sum[c] += Math.abs(actual - f.mean(h));
            count[c]++;
        }
    }

    /** Lowest score, ties within a relative {@value #TIE} to the first; -1 when all are NaN. */
    static int best(double[] scores) {
        int best = -1;
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            if (Double.isNaN(s)) continue;
            if (best < 0 || (s < scores[best] && Math.abs(s - scores[best]) > TIE * Math.max(Math.abs(s), Math.abs(scores[best])))) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The chosen candidate on the whole series; a member that fails there gives way to the default
     * combination, and the description says so.
     */
    private Forecast fitChosen(Series series, int horizon, double[] levels, String name) {
        for (Forecaster m : members) {
            if (!m.name().equals(name)) continue;
            List<String> failures = new ArrayList<>();
            Forecast f = tryForecast(m, series, horizon, levels, failures);
            if (f != null) return f;
            Forecast fallback = combination(settings.rule()).forecast(series, horizon, levels);
            return Forecast.builder(series.id(), fallback.model()).mean(fallback.mean())
                    .quantiles(levels, quantiles(fallback))
                    .description("instead, as " + failures.get(0) + " on the whole series: " + fallback.description())
                    .build();
        }
        return combination(rule(name)).forecast(series, horizon, levels);
    }

    private Combination combination(Combination.Rule rule) {
        return new Combination(comboName(rule), rule, members);
    }

    private static Forecast tryForecast(Forecaster m, Series s, int horizon, double[] levels, List<String> failures) {
        try {
            Forecast f = m.forecast(s, horizon, levels);
            String problem = Combination.problem(f);
            if (problem == null) return f;
            failures.add(m.name() + " " + problem);
        } catch (RuntimeException e) {
            failures.add(m.name() + " failed: " + e.getMessage());
        }
        return null;
    }

    private static double[][] quantiles(Forecast f) {
        double[][] q = new double[f.levels().length][f.horizon()];
        for (int i = 0; i < q.length; i++) {
            for (int h = 0; h < f.horizon(); h++) q[i][h] = f.quantile(i, h);
        }
        return q;
    }

    private static String comboName(Combination.Rule rule) {
        return "combo-" + rule.name().toLowerCase(Locale.ROOT);
    }

    private static Combination.Rule rule(String comboName) {
        return comboName.equals("combo-mean") ? Combination.Rule.MEAN : Combination.Rule.MEDIAN;
    }

    private static String scoreText(List<String> names, double[] scores) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            parts.add(String.format(Locale.ROOT, "%s %s", names.get(i), Double.isNaN(scores[i]) ? "failed"
                    : String.format(Locale.ROOT, "%.4g", scores[i])));
        }
        return String.join(", ", parts);
    }
}
