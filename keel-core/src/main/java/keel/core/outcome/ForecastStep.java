package keel.core.outcome;

/**
 * One step of the FVA stairstep: the frozen forecasts of one process step (naive, statistical, planner
 * override, final), one per decision, each summed over the decision's horizon {@code R + L}.
 *
 * @param name      the step, e.g. {@code "naive"}
 * @param forecasts one value per decision, aligned with the actuals; copied
 */
public record ForecastStep(String name, double[] forecasts) {
    public ForecastStep {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("forecast step: name is missing");
        forecasts = forecasts.clone();
    }

    @Override
    public double[] forecasts() {
        return forecasts.clone();
    }
}
