package keel.core.outcome;

/**
 * One row of the Forecast Value Added stairstep (Gilliland, <i>The Business Forecasting Deal</i>, 2010).
 *
 * @param step              the process step
 * @param mae               mean absolute error, units
 * @param wape              {@code Σ|A − F| / ΣA}, a share (0.12 = 12 %)
 * @param bias              {@code Σ(F − A) / ΣA}; {@code > 0} means over-forecast
 * @param fvaVsPrevious     previous step's WAPE minus this step's (positive: this step added value); 0 for
 *                          the first row
 * @param fvaVsNaive        first row's (naive) WAPE minus this step's
 */
public record StairstepRow(String step, double mae, double wape, double bias, double fvaVsPrevious,
        double fvaVsNaive) {}
