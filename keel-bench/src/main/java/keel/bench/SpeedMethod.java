package keel.bench;

import java.util.Locale;
import keel.forecast.Forecaster;
import keel.forecast.arima.AutoArima;
import keel.forecast.ets.Ets;
import keel.forecast.select.AutoForecaster;
import keel.forecast.theta.Theta;

/**
 * A method of the speed benchmark: the Keel forecaster and, where R's forecast package has the
 * same method, the name {@code keel-bench/r/speed.R} knows it by.
 */
enum SpeedMethod {
    /** {@code ets(y)} then {@code forecast(fit, h)}: Keel's R-exact AutoETS ({@code keel forecast --model ets}). */
    ETS("ets") {
        @Override
        Forecaster forecaster() {
            return Ets.forecaster();
        }
    },
    /** {@code auto.arima(y)} then {@code forecast(fit, h)}, R's defaults ({@code --model arima}). */
    ARIMA("arima") {
        @Override
        Forecaster forecaster() {
            return new AutoArima();
        }
    },
    /** {@code thetaf(y, h)} ({@code --model theta}). */
    THETA("theta") {
        @Override
        Forecaster forecaster() {
            return Theta.thetaf();
        }
    },
    /**
     * {@code keel forecast --model auto}: keel-app's ForecasterCatalog builds
     * {@code new AutoForecaster(defaultCandidates(), Settings(12, 4, 0, true, true, MAE, CONSERVATIVE))}
     * for no candidates and 12 origins, which is {@link AutoForecaster#withDefaults()}. No R counterpart.
     */
    AUTO(null) {
        @Override
        Forecaster forecaster() {
            return AutoForecaster.withDefaults();
        }
    };

    private final String rName;

    SpeedMethod(String rName) {
        this.rName = rName;
    }

    /** A new forecaster for this method (thread-safe, as every Keel forecaster). */
    abstract Forecaster forecaster();

    /** The method's name in speed.R, or null when R has no counterpart. */
    String rName() {
        return rName;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SpeedMethod parse(String name) {
        for (SpeedMethod m : values()) {
            if (m.label().equals(name.trim().toLowerCase(Locale.ROOT))) return m;
        }
        throw new IllegalArgumentException("method was \"" + name + "\"; expected ets, arima, theta or auto");
    }
}
