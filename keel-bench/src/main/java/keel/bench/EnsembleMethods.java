package keel.bench;

import java.util.ArrayList;
import java.util.List;
import keel.forecast.Forecaster;
import keel.forecast.Series;
import keel.forecast.arima.AutoArima;
import keel.forecast.combine.Combination;
import keel.forecast.combine.Ensemble;
import keel.forecast.ets.Ets;
import keel.forecast.ets.EtsOptions;
import keel.forecast.theta.Theta;

/**
 * The arima, combo and auto method groups: auto.arima, the mean and median of ETS, ARIMA and
 * AutoTheta, and the {@link Ensemble} a Keel user gets (default settings) next to the ensemble
 * choosing among all five candidates. Members are wrapped in {@link MemberCache}, so a series'
 * members are fitted once per origin whatever groups run.
 */
final class EnsembleMethods {
    private static final double[] NO_LEVELS = new double[0];

    private EnsembleMethods() {}

    static List<String> arimaLabels() {
        return List.of("AutoARIMA");
    }

    static List<Forecaster> arima() {
        return List.of(MemberCache.wrap(new AutoArima()));
    }

    static List<String> comboLabels() {
        return List.of("Combo mean", "Combo median");
    }

    static List<Forecaster> combo(EtsOptions ets) {
        List<Forecaster> members = members(ets);
        return List.of(Combination.mean(members), Combination.median(members));
    }

    static List<String> autoLabels() {
        return List.of("Auto", "Auto combos", "Auto all");
    }

    /** Keel's default ensemble, then the choice among the two combinations, then among all five candidates. */
    static List<Forecaster> auto(EtsOptions ets) {
        Ensemble.Settings d = Ensemble.Settings.defaults();
        List<Forecaster> members = members(ets);
        int origins = Math.max(1, d.origins());
        return List.of(new Ensemble(members, d),
                new Ensemble(members, new Ensemble.Settings(d.rule(), Ensemble.Choice.AMONG_COMBINATIONS, origins,
                        d.minTrainingLength())),
                new Ensemble(members, new Ensemble.Settings(d.rule(), Ensemble.Choice.AMONG_ALL, origins,
                        d.minTrainingLength())));
    }

    /** ETS (AICc, the run's ETS options), auto.arima, AutoTheta, each cached. */
    static List<Forecaster> members(EtsOptions ets) {
        return List.of(MemberCache.wrap(Ets.forecaster(ets)), MemberCache.wrap(new AutoArima()),
                MemberCache.wrap(Theta.auto()));
    }

    /** Point forecasts of each forecaster, a null row where it failed. */
    static double[][] points(List<Forecaster> forecasters, double[] y, int period, int h) {
        Series series = Series.of("bench", y, period);
        List<double[]> out = new ArrayList<>();
        for (Forecaster f : forecasters) {
            try {
                out.add(f.forecast(series, h, NO_LEVELS).mean());
            } catch (RuntimeException e) {
                out.add(null);
            }
        }
        return out.toArray(new double[0][]);
    }
}
