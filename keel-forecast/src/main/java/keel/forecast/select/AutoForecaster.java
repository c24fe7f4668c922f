package keel.forecast.select;

import java.util.ArrayList;
import java.util.List;
import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.Forecaster;
import keel.forecast.Series;
import keel.forecast.baseline.Baselines;
import keel.forecast.intermittent.Intermittent;
import keel.forecast.smoothing.Smoothing;

/**
 * "auto": picks, per series, the candidate forecaster with the lowest rolling-origin backtest error
 * of the <em>total</em> demand over the horizon (what an order-up-to policy orders against), and
 * says why in {@link Forecast#description()}.
 *
 * <p><b>Preparation.</b> Infinite values are treated as missing; leading missing values are dropped,
 * and so are leading zeros when {@link Settings#trimLeadingZeros()} (periods before an item's first
 * sale usually mean "not yet listed", not "no demand"). A series with no demand after that gets a
 * zero forecast (model "zero") without a backtest.
 *
 * <p><b>Selection.</b> Origins as {@link OriginPlan} places them (up to {@link Settings#origins()},
 * the newest ending at the last observation). Criterion: mean absolute error of the horizon total,
 * scaled by the in-sample mean absolute one-step change (MASE's scale; the scale does not change
 * the ranking). Scores within a relative 1e-9 tie, and a tie goes to the candidate listed first.
 * A candidate that throws, returns a non-finite forecast or has no complete backtest window is
 * skipped, and the description says why. A candidate named "snaive" is left out for non-seasonal
 * series (seasonal period 1), where it would duplicate naive.
 *
 * <p><b>Quantiles</b> ("honest uncertainty" from the backtest, not from the model's own
 * assumptions). For the total over the horizon, a distribution is fitted by moments to mean = the
 * chosen model's forecast total (fitted on the whole series) and variance = V × ν/(ν − 2), where:
 * <ul>
 * <li>V is the mean squared error of totals of the <em>selection procedure</em>: at each origin,
 * the candidate that the other origins would have chosen, and its error there (bias included).
 * The winner's own errors are optimistic, since it won by having small ones; with them the 0.95
 * and 0.99 quantiles below covered 0.94 and 0.97 at horizon 3.</li>
 * <li>ν is the number of non-overlapping windows the origins span
 * ({@link Backtest#effectiveTotalCount()}, at least 3); ν/(ν − 2) is the variance of Student's t,
 * the predictive law of a new error when the error variance is estimated from ν errors.</li>
 * <li>The result is raised, when smaller, to the spread of horizon totals over the whole history
 * (half the variance of differences between totals one horizon apart, so a linear trend does not
 * count): a dozen windows easily miss the rare large order that the history shows.</li>
 * </ul>
 * Per step the same with that step's forecast, errors, count of origins and the history's
 * one-period spread. Count data (every value
 * a whole number &gt;= 0) get a negative binomial, or a Poisson when the variance does not exceed
 * the mean (erring wide); other data, and counts whose forecast mean is 0 while the backtest saw
 * errors, get a normal. Why not empirical quantiles: twelve-odd origins cannot pin down the
 * 0.95–0.99 quantiles; a two-moment fit uses every origin for the spread and lets the
 * distribution's shape carry the tail. Coverage of actual totals by the 0.9/0.95/0.99 total
 * quantiles, last periods held out ({@code QuantileCoverageCheck} in the tests for the synthetic
 * case): synthetic daily intermittent demand, 3,000 series, 0.91/0.96/0.99 at horizon 14 and
 * 0.90/0.95/0.99 at horizon 3; UCI Online Retail (3,760 items, daily, horizon 14) 0.83/0.87/0.92
 * for the last two weeks (before Christmas) and 0.88/0.93/0.96 for trading days 187–200; carparts
 * (monthly, horizon 12) 0.88/0.92/0.96. Real demand shifts more than any backtest shows. Quantiles
 * never cross; with {@link Settings#nonNegative()}, means and quantiles are floored at 0 after they
 * are computed. Discrete quantiles make the count case not exactly scale-equivariant; the point
 * forecast is.
 *
 * <p><b>Failure.</b> Throws {@link ForecastException} naming the series when it has no observed
 * value, is too short for {@link Settings#minOrigins()} origins, or no candidate can forecast it;
 * callers fall back to a naive policy. Deterministic, immutable and thread-safe.
 */
public final class AutoForecaster implements Forecaster {
    private static final double TIE = 1e-9;
    private final List<Forecaster> candidates;
    private final Settings settings;

    /**
     * Settings of the selection.
     *
     * @param origins the most backtest origins to use, e.g. 12
     * @param minOrigins the fewest origins to trust a selection; a shorter series throws
     * @param minTrainingLength the fewest observations before the earliest origin; 0 picks
     *     max(2 × seasonal period, 8) when the series leaves room for all origins that way, else 8
     * @param nonNegative floor point forecasts and quantiles at 0 (demand cannot be negative)
     * @param trimLeadingZeros drop zeros before the first non-zero value
     */
    public record Settings(int origins, int minOrigins, int minTrainingLength, boolean nonNegative,
            boolean trimLeadingZeros, SelectionLoss selection, Spread spread) {
        /** Checks the settings; throws {@link IllegalArgumentException} naming the bad one. */
        public Settings {
            if (origins < 1) {
                throw new IllegalArgumentException("auto: origins was " + origins + "; expected an integer >= 1");
            }
            if (minOrigins < 1 || minOrigins > origins) {
                throw new IllegalArgumentException("auto: minOrigins was " + minOrigins
                        + "; expected an integer in 1.." + origins + " (origins)");
            }
            if (minTrainingLength < 0) {
                throw new IllegalArgumentException("auto: minTrainingLength was " + minTrainingLength
                        + "; expected 0 (automatic) or more");
            }
            java.util.Objects.requireNonNull(selection, "selection");
            java.util.Objects.requireNonNull(spread, "spread");
        }

        /** Selection by MAE, conservative spread. */
        public Settings(int origins, int minOrigins, int minTrainingLength, boolean nonNegative, boolean trimLeadingZeros) {
            this(origins, minOrigins, minTrainingLength, nonNegative, trimLeadingZeros, SelectionLoss.MAE, Spread.CONSERVATIVE);
        }

        /** 12 origins, at least 4, automatic training length, non-negative, leading zeros trimmed. */
        public static Settings defaults() {
            return new Settings(12, 4, 0, true, true);
        }

        public Settings with(SelectionLoss value) {
            return new Settings(origins, minOrigins, minTrainingLength, nonNegative, trimLeadingZeros, value, spread);
        }

        public Settings with(Spread value) {
            return new Settings(origins, minOrigins, minTrainingLength, nonNegative, trimLeadingZeros, selection, value);
        }
    }

    /** How candidates are compared on the backtest: the error of the horizon total. */
    public enum SelectionLoss {
        /** Mean absolute error: favours median-unbiased forecasts (for intermittent data, often zero). */
        MAE,
        /**
         * Root mean squared error: favours mean-unbiased forecasts; with {@link Spread#BACKTEST} the
         * chosen model is the one whose predictive distribution is sharpest, which is what minimises
         * an order-up-to policy's expected cost for a location-scale family.
         */
        RMSE
    }

    /** How wide the quantiles are. */
    public enum Spread {
        /**
         * Calibration first: the squared error of the selection procedure itself (each origin forecast
         * by the model the other origins pick) times a Student-t factor for the few windows, floored
         * at the history's spread of totals.
         */
        CONSERVATIVE,
        /**
         * Sharpness first: the chosen model's own backtest squared error of totals, floored at the
         * history's spread of totals. In Keel's demo replays this gave lower realised cost for
         * order-up-to decisions than {@link #CONSERVATIVE} (README, issue notes).
         */
        BACKTEST
    }

    /**
     * @param candidates forecasters to choose from, in order of preference on ties; distinct names
     * @throws IllegalArgumentException if there are none or two share a name
     */
    public AutoForecaster(List<Forecaster> candidates, Settings settings) {
        this.candidates = List.copyOf(candidates);
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
        if (this.candidates.isEmpty()) {
            throw new IllegalArgumentException("auto: no candidates; expected at least one forecaster");
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Forecaster f : this.candidates) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("auto: two candidates are named " + f.name()
                        + "; expected distinct names");
            }
        }
    }

    /** Auto with {@link #defaultCandidates()} and {@link Settings#defaults()}. */
    public static AutoForecaster withDefaults() {
        return new AutoForecaster(defaultCandidates(), Settings.defaults());
    }

    /**
     * naive, snaive, mean, ses, sba, tsb, adida: simplest first, so ties favour the simpler model.
     * snaive is skipped for non-seasonal series (where it equals naive). IMAPA is left out for speed
     * (it runs a golden-section SES at every aggregation level, about 5 times ADIDA's cost); add
     * {@link Intermittent#imapa()} to the list when time allows.
     */
    public static List<Forecaster> defaultCandidates() {
        return List.of(Baselines.naive(), Baselines.seasonalNaive(), Baselines.mean(), Smoothing.ses(),
                Intermittent.sba(), Intermittent.tsb(), Intermittent.adida());
    }

    /** The candidates, in order of preference on ties (unmodifiable). */
    public List<Forecaster> candidates() {
        return candidates;
    }

    /** The selection settings. */
    public Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "auto";
    }

    @Override
    public Forecast forecast(Series series, int horizon, double[] levels) {
        Prepared data = Prepared.of(series, horizon, levels, settings.trimLeadingZeros());
        if (data.noDemand()) {
            return ZeroForecast.of(series.id(), data, horizon, levels);
        }
        Series trimmed = data.series();
        int m = trimmed.seasonalPeriod();
        int minTraining = minTrainingLength(trimmed.length(), horizon, m);
        int[] lengths = OriginPlan.trainingLengths(trimmed.length(), horizon, settings.origins(),
                settings.minOrigins(), minTraining);
        if (lengths.length == 0) {
            throw new ForecastException(series.id(), "has " + trimmed.length() + " usable observations"
                    + data.trimNote() + "; auto needs at least "
                    + OriginPlan.minimumLength(horizon, settings.minOrigins(), minTraining) + " ("
                    + minTraining + " to train, " + horizon + " to test, " + settings.minOrigins() + " origins)");
        }
        List<Forecaster> usable = new ArrayList<>(candidates.size());
        for (Forecaster f : candidates) {
            if (!(m == 1 && f.name().equals("snaive"))) {
                usable.add(f);
            }
        }
        String[] failures = new String[usable.size()];
        Backtest[] backtests = Backtest.runAll(usable, trimmed, horizon, lengths, failures);
        double[] scores = new double[usable.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = backtests[i] == null ? Double.NaN
                    : settings.selection() == SelectionLoss.RMSE ? Math.sqrt(backtests[i].totalMse()) : backtests[i].totalMae();
            if (backtests[i] != null && scores[i] != scores[i]) {
                failures[i] = "no backtest window without missing values";
            }
        }
        return Selection.choose(series.id(), data, usable, backtests, scores, failures, horizon, levels, settings);
    }

    /**
     * The setting, or automatically two seasons (at least 8) when the series is long enough for all
     * origins that way, else 8: a long season must not stop non-seasonal candidates.
     */
    int minTrainingLength(int n, int horizon, int seasonalPeriod) {
        if (settings.minTrainingLength() > 0) {
            return settings.minTrainingLength();
        }
        int seasonal = Math.max(8, 2 * seasonalPeriod);
        return n - horizon - seasonal + 1 >= settings.origins() ? seasonal : 8;
    }

    /** Index of the best remaining score: lowest, ties within a relative {@value #TIE} to the first. */
    static int best(double[] scores, boolean[] excluded) {
        int best = -1;
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            if (excluded[i] || s != s) {
                continue;
            }
            if (best < 0 || (s < scores[best] && !tie(s, scores[best]))) {
                best = i;
            }
        }
        return best;
    }

    /** Whether two scores are equal within a relative {@value #TIE}. */
    static boolean tie(double a, double b) {
        return Math.abs(a - b) <= TIE * Math.max(Math.abs(a), Math.abs(b));
    }
}
