package keel.core.cycle;

import java.util.List;

/**
 * What a recommendation keeps of the forecast behind it: enough to draw its chart and to score it
 * once demand is known.
 *
 * @param model the model that made the forecast (for auto, the one chosen)
 * @param description the model in words, and why it was chosen
 * @param historyPeriods periods of history it was fitted on
 * @param stepMeans point forecast per period of the protection interval
 * @param levels quantile levels of the total
 * @param totalQuantiles quantiles of total demand over the protection interval, one per level
 * @param backtestScaledError the model's backtest error of the total, relative to mean demand; NaN if unknown
 */
public record ForecastSummary(String model, String description, int historyPeriods, List<Double> stepMeans,
        List<Double> levels, List<Double> totalQuantiles, double backtestScaledError) {

    public ForecastSummary {
        stepMeans = List.copyOf(stepMeans);
        levels = List.copyOf(levels);
        totalQuantiles = List.copyOf(totalQuantiles);
    }

    /** Expected total demand over the protection interval. */
    public double meanTotal() {
        double s = 0;
        for (double v : stepMeans) s += v;
        return s;
    }
}
