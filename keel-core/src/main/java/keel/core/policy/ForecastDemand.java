package keel.core.policy;

import java.util.Locale;
import keel.forecast.Forecast;

/** Turns a {@link Forecast} into the distribution of demand summed over its whole horizon. */
public final class ForecastDemand {
    private ForecastDemand() {}

    /**
     * Demand summed over the forecast's horizon (make the horizon {@code R + L}).
     *
     * <p>When the forecast carries quantiles of the total ({@link Forecast#totalQuantiles()}) they are used as
     * they are ({@link DemandDistribution#fromQuantiles}). Otherwise this is a <b>normal approximation</b>:
     * mean = the sum of the step means; each step's sd is read off its outermost quantiles,
     * {@code (q_hi − q_lo)/(z_hi − z_lo)}, and the steps are taken as independent, {@code sd = √Σσ_h²}. That
     * understates the spread when forecast errors are positively correlated across steps (they usually are),
     * which is why forecasters should provide total quantiles. With fewer than two levels the sd is
     * {@code √mean} (Poisson-like). The description says which route was taken.
     */
    public static DemandDistribution total(Forecast forecast) {
        double[] levels = forecast.levels();
        var totals = forecast.totalQuantiles();
        if (totals.isPresent() && levels.length >= 2) {
            return DemandDistribution.fromQuantiles(levels, totals.get());
        }
        double mean = forecast.meanTotal();
        double variance = 0;
        if (levels.length >= 2) {
            int lo = 0;
            int hi = levels.length - 1;
            double dz = StandardNormal.quantile(levels[hi]) - StandardNormal.quantile(levels[lo]);
            for (int h = 0; h < forecast.horizon(); h++) {
                double sd = (forecast.quantile(hi, h) - forecast.quantile(lo, h)) / dz;
                variance += sd * sd;
            }
        } else {
            variance = Math.max(0, mean);
        }
        double sd = Math.sqrt(variance);
        return new NormalDemand(mean, sd, String.format(Locale.ROOT,
                "normal approximation (mean %.1f, sd %.1f; steps taken as independent, no total quantiles)",
                mean, sd));
    }
}
