package keel.core.decision;

import java.util.List;

/**
 * How a decision type forecasts: the model ({@code auto} picks per item by backtest), the candidate
 * models auto chooses among, the number of backtest origins and the quantile levels kept.
 */
public record ForecastSettings(String model, List<String> candidates, int backtestOrigins, int seasonalPeriod) {
    public ForecastSettings {
        candidates = List.copyOf(candidates);
    }

    static ForecastSettings from(ConfigNode f) {
        String model = f.optionalString("model", "a model name such as auto, ses, croston").orElse("auto");
        List<String> candidates = f.strings("candidates", "a list of model names, e.g. [naive, ses, sba]");
        int origins = f.optionalInteger("backtestOrigins", 12, 2, 200, "a whole number of origins, 2 to 200");
        int season = f.optionalInteger("seasonalPeriod", 1, 1, 366, "periods per seasonal cycle, 1 for none");
        f.rejectUnknownKeys();
        return new ForecastSettings(model, candidates, origins, season);
    }
}
