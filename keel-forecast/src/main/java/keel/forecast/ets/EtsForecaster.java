package keel.forecast.ets;

import java.util.Locale;
import java.util.Optional;
import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.Forecaster;
import keel.forecast.Series;

/** ETS as a {@link Forecaster}: one fixed model, or R's AICc selection when the spec is null. */
final class EtsForecaster implements Forecaster {
    static final int PATHS = 5000;
    private final EtsSpec spec;
    private final EtsOptions options;

    EtsForecaster(EtsSpec spec, EtsOptions options) {
        this.spec = spec;
        this.options = options;
    }

    @Override
    public String name() {
        // "ets" is Keel's AutoETS; a fixed model searched R's way keeps its bare model name
        String suffix = options.equals(EtsOptions.DEFAULT) ? ""
                : options.search() == EtsOptions.Search.BOX_NELDER_MEAD ? "-box"
                : options.search() == EtsOptions.Search.BOX_NELDER_MEAD_ADMISSIBLE ? "-box-admissible"
                : spec == null ? "-r" : "";
        return (spec == null ? "ets" : spec.name()) + suffix;
    }

    @Override
    public Forecast forecast(Series series, int horizon, double[] levels) {
        double[] y = series.values();
        int m = series.seasonalPeriod();
        Optional<EtsFit> fit = spec == null ? Ets.auto(y, m, options)
                : Ets.fit(y, m, spec, Criterion.LIKELIHOOD, options);
        if (fit.isEmpty()) {
            throw new ForecastException(series.id(), String.format(Locale.ROOT,
                    "%s found no admissible fit for %d observations (season length %d)", name(), y.length, m));
        }
        EtsFit model = fit.get();
        double[] mean = model.pointForecast(horizon);
        for (double v : mean) {
            if (!Double.isFinite(v)) {
                throw new ForecastException(series.id(), model.spec().name() + " gave a non-finite forecast");
            }
        }
        double[][] quantiles = model.quantiles(horizon, levels, PATHS, seed(series.id()));
        Forecast.Builder builder = Forecast.builder(series.id(), model.spec().name())
                .description(describe(model))
                .mean(mean)
                .quantiles(levels, quantiles)
                .parameter("alpha", model.alpha())
                .parameter("sigma2", model.sigma2())
                .parameter("aicc", model.aicc());
        if (model.spec().trended()) builder.parameter("beta", model.beta());
        if (model.spec().seasonal()) builder.parameter("gamma", model.gamma());
        if (model.spec().damped()) builder.parameter("phi", model.phi());
        return builder.build();
    }

    private String describe(EtsFit model) {
        String search = options.search() == EtsOptions.Search.R_NELDER_MEAD ? "R's search"
                : String.format(Locale.ROOT, "box search to %s%s", options.tolerance(), !model.spec().seasonal()
                        || options.restarts() == 0 ? "" : ", " + options.restarts() + " restart"
                        + (options.restarts() > 1 ? "s" : ""));
        String how = (spec == null ? "chosen by AICc among R's ets candidates" : "fixed model") + ", " + search;
        return String.format(Locale.ROOT, "%s (%s), alpha %.4f%s%s%s, AICc %.2f", model.spec().name(), how,
                model.alpha(), model.spec().trended() ? String.format(Locale.ROOT, ", beta %.4f", model.beta()) : "",
                model.spec().seasonal() ? String.format(Locale.ROOT, ", gamma %.4f", model.gamma()) : "",
                model.spec().damped() ? String.format(Locale.ROOT, ", phi %.4f", model.phi()) : "", model.aicc());
    }

    /** Per-series seed, so simulated quantiles do not depend on the order series are run in. */
    static long seed(String id) {
        long h = 1125899906842597L;
        for (int i = 0; i < id.length(); i++) h = 31 * h + id.charAt(i);
        return h;
    }
}
