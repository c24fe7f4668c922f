package keel.bench;

import java.util.Locale;
import keel.forecast.Forecaster;
import keel.forecast.arima.AutoArima;
import keel.forecast.combine.Auto;
import keel.forecast.ets.Ets;
import keel.forecast.ets.EtsOptions;
import keel.forecast.theta.Theta;

/**
 * A method of the speed benchmark: the Keel forecaster and, where R's forecast package has the
 * same method, the name {@code keel-bench/r/speed.R} knows it by.
 */
enum SpeedMethod {
    /**
     * {@code ets(y)} then {@code forecast(fit, h)} with R's exact search ({@code keel forecast --model
     * ets-r}): the same work as R, so the same forecasts.
     */
    ETS_R("ets") {
        @Override
        Forecaster forecaster() {
            return Ets.forecaster(EtsOptions.R);
        }
    },
    /** Keel's AutoETS ({@code --model ets}): R's candidates, box-clamped search to 0.01, seasonal models restarted once. */
    ETS("ets") {
        @Override
        Forecaster forecaster() {
            return Ets.forecaster();
        }
    },
    /** {@code auto.arima(y)} then {@code forecast(fit, h)}, R's defaults including its 1.01 root margin. */
    ARIMA_R("arima") {
        @Override
        Forecaster forecaster() {
            return new AutoArima(AutoArima.Options.r());
        }
    },
    /**
     * Keel's AutoARIMA ({@code --model arima}): R's search, rejecting only roots on or inside the unit
     * circle, giving up the CSS fits of candidates that will not beat the best.
     */
    ARIMA("arima") {
        @Override
        Forecaster forecaster() {
            return new AutoArima();
        }
    },
    /**
     * Keel's AutoARIMA without the search shortcut: every candidate's CSS fit runs to convergence
     * (Keel's defaults before the shortcut, kept to show what it saves). R's work is {@code auto.arima}.
     */
    ARIMA_FULL("arima") {
        @Override
        Forecaster forecaster() {
            AutoArima.Options d = AutoArima.Options.defaults();
            return new AutoArima(new AutoArima.Options(d.approximation(), d.allowDrift(), d.allowMean(),
                    d.minRootModulus(), 0));
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
     * {@code keel forecast --model auto}: keel-app's ForecasterCatalog builds {@link Auto} (the
     * ensemble for regular series, every M4 series; the intermittent selection otherwise) for no
     * candidates and 12 origins. No R counterpart.
     */
    AUTO(null) {
        @Override
        Forecaster forecaster() {
            return Auto.withDefaults();
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
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static SpeedMethod parse(String name) {
        for (SpeedMethod m : values()) {
            if (m.label().equals(name.trim().toLowerCase(Locale.ROOT))) return m;
        }
        throw new IllegalArgumentException("method was \"" + name + "\"; expected ets-r, ets, arima-r, arima, arima-full, theta or auto");
    }
}
