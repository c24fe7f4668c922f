package keel.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import keel.forecast.Forecaster;
import keel.forecast.Series;
import keel.forecast.ets.Ets;
import keel.forecast.ets.EtsFit;
import keel.forecast.ets.EtsSpec;
import keel.forecast.ets.Criterion;
import keel.forecast.ets.EtsOptions;
import keel.forecast.m4.M4Benchmarks;
import keel.forecast.m4.M4Method;
import keel.forecast.theta.Theta;
import keel.forecast.theta.ThetaVariant;

/** A named group of methods the benchmarks run on each series, producing point forecasts. */
enum BenchMethod {
    /** The eight M4 benchmarks, from one shared run per series. */
    M4 {
        @Override
        List<String> labels() {
            List<String> out = new ArrayList<>();
            for (M4Method m : M4Method.values()) out.add(m.label());
            return out;
        }

        @Override
        double[][] forecast(double[] y, int period, int h, EtsOptions ets) {
            Map<M4Method, double[]> f = M4Benchmarks.pointForecasts(y, period, h);
            double[][] out = new double[M4Method.values().length][];
            for (M4Method m : M4Method.values()) out[m.ordinal()] = f.get(m);
            return out;
        }

        @Override
        List<Forecaster> forecasters(EtsOptions ets) {
            List<Forecaster> out = new ArrayList<>();
            for (M4Method m : M4Method.values()) out.add(M4Benchmarks.forecaster(m));
            return out;
        }
    },
    /** R's ets(y) model selection by AICc. */
    ETS {
        @Override
        List<String> labels() {
            return List.of("AutoETS");
        }

        @Override
        double[][] forecast(double[] y, int period, int h, EtsOptions ets) {
            EtsFit fit = Ets.auto(y, period, ets).orElse(null);
            if (fit == null) return new double[][] {null};
            return new double[][] {fit.pointForecast(h)};
        }

        @Override
        List<Forecaster> forecasters(EtsOptions ets) {
            return List.of(Ets.forecaster(ets));
        }
    },

    /**
     * R's ets(y) candidates and AICc choice with the statsforecast-like box-clamped search, restarted
     * from its best point (at least {@link EtsOptions#DEFAULT}'s restarts): Keel's AutoETS.
     */
    ETS_BOX {
        @Override
        List<String> labels() {
            return List.of("AutoETS box");
        }

        @Override
        double[][] forecast(double[] y, int period, int h, EtsOptions ets) {
            EtsFit fit = Ets.auto(y, period, box(ets)).orElse(null);
            if (fit == null) return new double[][] {null};
            return new double[][] {fit.pointForecast(h)};
        }

        @Override
        List<Forecaster> forecasters(EtsOptions ets) {
            return List.of(Ets.forecaster(box(ets)));
        }

        private EtsOptions box(EtsOptions ets) {
            EtsOptions.Search search = ets.search() == EtsOptions.Search.R_NELDER_MEAD
                    ? EtsOptions.Search.BOX_NELDER_MEAD : ets.search();
            return new EtsOptions(ets.maxEvaluations(), Math.max(ets.restarts(), EtsOptions.DEFAULT.restarts()), search,
                    ets.tolerance());
        }
    },
    /** Each of the 15 candidates of R's ets(y), fitted alone (null where a candidate does not apply). */
    ETS_MODELS {
        private final List<String> names = List.of("ANN", "ANA", "AAdN", "AAN", "AAdA", "AAA", "MNN", "MNA", "MNM",
                "MAdN", "MAN", "MAdA", "MAA", "MAdM", "MAM");

        @Override
        List<String> labels() {
            List<String> out = new ArrayList<>();
            for (String n : names) out.add(EtsSpec.parse(n).name());
            return out;
        }

        @Override
        double[][] forecast(double[] y, int period, int h, EtsOptions ets) {
            List<EtsSpec> candidates = Ets.candidates(y, period);
            double[][] out = new double[names.size()][];
            for (int i = 0; i < names.size(); i++) {
                EtsSpec spec = EtsSpec.parse(names.get(i));
                if (!candidates.contains(spec)) continue;
                EtsFit fit = Ets.fit(y, period, spec, Criterion.LIKELIHOOD, ets).orElse(null);
                if (fit != null) out[i] = fit.pointForecast(h);
            }
            return out;
        }

        @Override
        List<Forecaster> forecasters(EtsOptions ets) {
            List<Forecaster> out = new ArrayList<>();
            for (String n : names) out.add(Ets.forecaster(n));
            return out;
        }
    },
    /** statsforecast's Theta family, AutoTheta and R's thetaf. */
    THETA {
        @Override
        List<String> labels() {
            return List.of("STM", "OTM", "DSTM", "DOTM", "AutoTheta", "thetaf");
        }

        @Override
        double[][] forecast(double[] y, int period, int h, EtsOptions ets) {
            Series series = Series.of("bench", y, period);
            double[][] out = new double[6][];
            ThetaVariant[] variants = ThetaVariant.values();
            for (int i = 0; i < 4; i++) out[i] = Theta.forecaster(variants[i]).forecast(series, h, NO_LEVELS).mean();
            out[4] = Theta.auto().forecast(series, h, NO_LEVELS).mean();
            out[5] = Theta.thetaf().forecast(series, h, NO_LEVELS).mean();
            return out;
        }

        @Override
        List<Forecaster> forecasters(EtsOptions ets) {
            List<Forecaster> out = new ArrayList<>();
            for (ThetaVariant v : ThetaVariant.values()) out.add(Theta.forecaster(v));
            out.add(Theta.auto());
            out.add(Theta.thetaf());
            return out;
        }
    },
    /** auto.arima with R's defaults. */
    ARIMA {
        @Override
        List<String> labels() {
            return EnsembleMethods.arimaLabels();
        }

        @Override
        double[][] forecast(double[] y, int period, int h, EtsOptions ets) {
            return EnsembleMethods.points(forecasters(ets), y, period, h);
        }

        @Override
        List<Forecaster> forecasters(EtsOptions ets) {
            return EnsembleMethods.arima();
        }
    },
    /** Mean and median of AutoETS, auto.arima and AutoTheta. */
    COMBO {
        @Override
        List<String> labels() {
            return EnsembleMethods.comboLabels();
        }

        @Override
        double[][] forecast(double[] y, int period, int h, EtsOptions ets) {
            return EnsembleMethods.points(forecasters(ets), y, period, h);
        }

        @Override
        List<Forecaster> forecasters(EtsOptions ets) {
            return EnsembleMethods.combo(ets);
        }
    },
    /** Keel's ensemble forecaster (default settings) and its other backtest choice. */
    AUTO {
        @Override
        List<String> labels() {
            return EnsembleMethods.autoLabels();
        }

        @Override
        double[][] forecast(double[] y, int period, int h, EtsOptions ets) {
            return EnsembleMethods.points(forecasters(ets), y, period, h);
        }

        @Override
        List<Forecaster> forecasters(EtsOptions ets) {
            return EnsembleMethods.auto(ets);
        }
    };

    private static final double[] NO_LEVELS = new double[0];

    abstract List<String> labels();

    /** The same methods as {@link Forecaster}s (with quantiles), in label order. */
    abstract List<Forecaster> forecasters(EtsOptions ets);

    /** One row per label; a null row when the method failed on this series. */
    abstract double[][] forecast(double[] y, int period, int h, EtsOptions ets);

    static BenchMethod parse(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "m4": return M4;
            case "ets": case "autoets": return ETS;
            case "ets-box": return ETS_BOX;
            case "theta": return THETA;
            case "ets-models": return ETS_MODELS;
            case "arima": return ARIMA;
            case "combo": return COMBO;
            case "auto": return AUTO;
            default: throw new IllegalArgumentException("method was \"" + name
                    + "\"; expected m4, ets, ets-box, ets-models, theta, arima, combo or auto");
        }
    }
}
