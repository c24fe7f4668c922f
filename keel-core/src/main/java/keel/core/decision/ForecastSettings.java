package keel.core.decision;

import java.util.List;

/**
 * How a decision type forecasts: the model ({@code auto} picks per item by backtest), the candidate
 * models auto chooses among, the number of backtest origins, how auto compares candidates
 * ({@code selection}: mae or rmse of the protection-interval total) and how wide its quantiles are
 * ({@code spread}: conservative or backtest).
 */
public record ForecastSettings(String model, List<String> candidates, int backtestOrigins, int seasonalPeriod,
        String selection, String spread) {
    public ForecastSettings {
        candidates = List.copyOf(candidates);
    }

    public ForecastSettings(String model, List<String> candidates, int backtestOrigins, int seasonalPeriod) {
        this(model, candidates, backtestOrigins, seasonalPeriod, "mae", "conservative");
    }

    static ForecastSettings from(ConfigNode f) {
        String model = f.optionalString("model", "a model name such as auto, ses, croston").orElse("auto");
        List<String> candidates = f.strings("candidates", "a list of model names, e.g. [naive, ses, sba]");
        int origins = f.optionalInteger("backtestOrigins", 12, 2, 200, "a whole number of origins, 2 to 200");
        int season = f.optionalInteger("seasonalPeriod", 1, 1, 366, "periods per seasonal cycle, 1 for none");
        String selection = f.optionalString("selection", "mae or rmse").orElse("mae");
        if (!selection.equals("mae") && !selection.equals("rmse")) {
            throw f.error("selection", "was \"" + selection + "\"", "mae or rmse (of the backtest's protection-interval totals)");
        }
        String spread = f.optionalString("spread", "conservative or backtest").orElse("conservative");
        if (!spread.equals("conservative") && !spread.equals("backtest")) {
            throw f.error("spread", "was \"" + spread + "\"", "conservative or backtest");
        }
        f.rejectUnknownKeys();
        return new ForecastSettings(model, candidates, origins, season, selection, spread);
    }
}
