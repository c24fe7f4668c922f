package keel.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import keel.forecast.ets.Ets;
import keel.forecast.ets.EtsFit;
import keel.forecast.m4.M4Benchmarks;
import keel.forecast.m4.M4Method;

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
        double[][] forecast(double[] y, int period, int h) {
            Map<M4Method, double[]> f = M4Benchmarks.pointForecasts(y, period, h);
            double[][] out = new double[M4Method.values().length][];
            for (M4Method m : M4Method.values()) out[m.ordinal()] = f.get(m);
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
        double[][] forecast(double[] y, int period, int h) {
            EtsFit fit = Ets.auto(y, period).orElse(null);
            if (fit == null) return new double[][] {null};
            return new double[][] {fit.pointForecast(h)};
        }
    };

    abstract List<String> labels();

    /** One row per label; a null row when the method failed on this series. */
    abstract double[][] forecast(double[] y, int period, int h);

    static BenchMethod parse(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "m4": return M4;
            case "ets": case "autoets": return ETS;
            default: throw new IllegalArgumentException("method was \"" + name + "\"; expected m4 or ets");
        }
    }
}
