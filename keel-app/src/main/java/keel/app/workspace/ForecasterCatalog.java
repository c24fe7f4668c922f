package keel.app.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import keel.core.decision.ForecastSettings;
import keel.forecast.Forecaster;
import keel.forecast.baseline.Baselines;
import keel.forecast.combine.Auto;
import keel.forecast.combine.Combination;
import keel.forecast.combine.Ensemble;
import keel.forecast.intermittent.Intermittent;
import keel.forecast.select.AutoForecaster;
import keel.forecast.smoothing.Smoothing;

/** The forecasters a decision type or the command line can name. */
public final class ForecasterCatalog {
    private static final Map<String, Supplier<Forecaster>> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("naive", Baselines::naive);
        MODELS.put("snaive", Baselines::seasonalNaive);
        MODELS.put("mean", Baselines::mean);
        MODELS.put("drift", Baselines::drift);
        MODELS.put("ses", Smoothing::ses);
        MODELS.put("croston", Intermittent::croston);
        MODELS.put("sba", Intermittent::sba);
        MODELS.put("tsb", Intermittent::tsb);
        MODELS.put("adida", Intermittent::adida);
        MODELS.put("imapa", Intermittent::imapa);
        MODELS.put("ets", keel.forecast.ets.Ets::forecaster);
        MODELS.put("arima", keel.forecast.arima.AutoArima::new);
        MODELS.put("theta", keel.forecast.theta.Theta::thetaf);
        MODELS.put("autotheta", keel.forecast.theta.Theta::auto);
        // for regular (not intermittent) series: ETS, ARIMA, AutoTheta and their combinations
        MODELS.put("combo-mean", () -> Combination.mean(Ensemble.defaultMembers()));
        MODELS.put("combo-median", () -> Combination.median(Ensemble.defaultMembers()));
        MODELS.put("ensemble", Ensemble::withDefaults);
        for (keel.forecast.m4.M4Method m : keel.forecast.m4.M4Method.values()) {
            MODELS.put("m4-" + m.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    () -> keel.forecast.m4.M4Benchmarks.forecaster(m));
        }
    }

    private ForecasterCatalog() {
    }

    public static List<String> names() {
        List<String> names = new ArrayList<>(MODELS.keySet());
        names.add("auto");
        return names;
    }

    /**
     * The forecaster named {@code name}; {@code auto} chooses per series among the candidates, or with
     * none named routes each series by its demand pattern ({@link Auto}: the ensemble for regular
     * series, the intermittent-demand selection for intermittent ones).
     *
     * @throws IllegalArgumentException naming the unknown model and the known ones
     */
    public static Forecaster byName(String name, List<String> candidates, int origins) {
        return byName(name, candidates, origins, AutoForecaster.SelectionLoss.MAE, AutoForecaster.Spread.CONSERVATIVE);
    }

    static Forecaster byName(String name, List<String> candidates, int origins, AutoForecaster.SelectionLoss loss,
            AutoForecaster.Spread spread) {
        if (name.equals("auto")) {
            List<Forecaster> chosen = new ArrayList<>();
            for (String c : candidates) chosen.add(single(c));
            AutoForecaster.Settings defaults = AutoForecaster.Settings.defaults();
            AutoForecaster.Settings settings = new AutoForecaster.Settings(origins, Math.min(defaults.minOrigins(), origins),
                    defaults.minTrainingLength(), defaults.nonNegative(), defaults.trimLeadingZeros(), loss, spread);
            if (!chosen.isEmpty()) return new AutoForecaster(chosen, settings);
            // no candidates named: the ensemble for regular series, the intermittent selection otherwise
            return new Auto(Ensemble.withDefaults(), new AutoForecaster(AutoForecaster.defaultCandidates(), settings),
                    Intermittent.imapa());
        }
        return single(name);
    }

    public static Forecaster of(ForecastSettings settings) {
        return byName(settings.model(), settings.candidates(), settings.backtestOrigins(),
                AutoForecaster.SelectionLoss.valueOf(settings.selection().toUpperCase(java.util.Locale.ROOT)),
                AutoForecaster.Spread.valueOf(settings.spread().toUpperCase(java.util.Locale.ROOT)));
    }

    private static Forecaster single(String name) {
        Supplier<Forecaster> model = MODELS.get(name);
        if (model == null) {
            throw new IllegalArgumentException("model \"" + name + "\" is not known; expected one of " + names());
        }
        return model.get();
    }
}
