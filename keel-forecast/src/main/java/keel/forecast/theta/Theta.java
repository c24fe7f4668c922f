package keel.forecast.theta;

import keel.forecast.Forecaster;

/**
 * Theta method forecasters: the Theta models of Fiorucci et al. (2016) as statsforecast implements
 * them (STM, OTM, DSTM, DOTM and AutoTheta, which keeps the variant with the smallest criterion),
 * and R's {@code forecast::thetaf} (Hyndman &amp; Billah 2003). The M4 benchmark Theta is
 * {@link keel.forecast.m4.M4Method#THETA}.
 */
public final class Theta {
    private Theta() {}

    /** One variant; name "theta-stm", "theta-otm", "theta-dstm" or "theta-dotm". */
    public static Forecaster forecaster(ThetaVariant variant) {
        return new ThetaForecaster(variant);
    }

    /** Fits all four variants and keeps the smallest criterion; name "autotheta". */
    public static Forecaster auto() {
        return new ThetaForecaster(null);
    }

    /** R's {@code thetaf}: SES with drift b/2 on multiplicatively adjusted data; name "thetaf". */
    public static Forecaster thetaf() {
        return new ThetaF();
    }

    /** The AutoTheta choice on already adjusted data: the variant with the smallest criterion. */
    public static ThetaFit fitAuto(double[] adjusted) {
        ThetaFit best = null;
        for (ThetaVariant v : ThetaVariant.values()) {
            ThetaFit fit = ThetaFit.fit(adjusted, v);
            if (best == null || fit.objective() < best.objective()) best = fit;
        }
        return best;
    }
}
