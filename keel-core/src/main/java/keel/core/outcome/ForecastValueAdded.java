package keel.core.outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Forecast Value Added stairstep (DECISIONS §5; Gilliland 2010; SAS, <i>Forecast Value Added Analysis:
 * Step by Step</i>): every step scored on the same actuals from frozen snapshots, with its error and the
 * value it added over the previous step and over the naive forecast (the first step). FVA is measured in
 * WAPE points; MAE and bias are shown beside it. No MAPE: it breaks on intermittent series.
 */
public final class ForecastValueAdded {
    private ForecastValueAdded() {}

    /**
     * @param actuals one actual per decision (demand over the decision's horizon), {@code ΣA > 0}
     * @param steps   in process order, naive first; each with as many forecasts as actuals
     */
    public static List<StairstepRow> stairstep(double[] actuals, List<ForecastStep> steps) {
        double totalActual = 0;
        for (double a : actuals) totalActual += a;
        if (!(totalActual > 0) || steps.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "FVA stairstep: actuals sum to %s over %d steps; expected a positive total and at least one step",
                    totalActual, steps.size()));
        }
        List<StairstepRow> rows = new ArrayList<>();
        for (ForecastStep step : steps) {
            double[] f = step.forecasts();
            if (f.length != actuals.length) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "FVA stairstep: step '%s' has %d forecasts; expected %d, one per actual",
                        step.name(), f.length, actuals.length));
            }
            double absolute = 0;
            double signed = 0;
            for (int i = 0; i < f.length; i++) {
                absolute += Math.abs(actuals[i] - f[i]);
                signed += f[i] - actuals[i];
            }
            double wape = absolute / totalActual;
            double previous = rows.isEmpty() ? wape : rows.get(rows.size() - 1).wape();
            double naive = rows.isEmpty() ? wape : rows.get(0).wape();
            rows.add(new StairstepRow(step.name(), absolute / f.length, wape, signed / totalActual,
                    previous - wape, naive - wape));
        }
        return List.copyOf(rows);
    }
}
