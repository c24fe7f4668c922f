package keel.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A forecast of one series: the point forecast (mean) per horizon step, quantiles at the requested
 * levels per step, optionally quantiles of the <em>total</em> over the whole horizon (what an
 * order-up-to policy needs: never add per-step quantiles), the model that made it and why.
 *
 * <p>Quantiles never cross: for every step, {@code quantile(i, h) <= quantile(i + 1, h)}.
 */
public final class Forecast {
    private final String seriesId;
    private final String model;
    private final String description;
    private final double[] mean;
    private final double[] levels;
    private final double[][] quantiles;
    private final double[] totalQuantiles;
    private final Map<String, Double> parameters;

    private Forecast(Builder b) {
        this.seriesId = b.seriesId;
        this.model = b.model;
        this.description = b.description;
        this.mean = b.mean.clone();
        this.levels = b.levels.clone();
        this.quantiles = new double[b.quantiles.length][];
        for (int i = 0; i < quantiles.length; i++) {
            quantiles[i] = b.quantiles[i].clone();
        }
        this.totalQuantiles = b.totalQuantiles == null ? null : b.totalQuantiles.clone();
        this.parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
        validate();
    }

    private void validate() {
        if (quantiles.length != levels.length) {
            throw new IllegalArgumentException(seriesId + ": " + quantiles.length + " quantile rows for "
                    + levels.length + " levels");
        }
        for (int i = 0; i < levels.length; i++) {
            if (!(levels[i] > 0 && levels[i] < 1) || (i > 0 && levels[i] <= levels[i - 1])) {
                throw new IllegalArgumentException(seriesId + ": quantile levels " + Arrays.toString(levels)
                        + "; expected strictly increasing values in (0, 1)");
            }
            if (quantiles[i].length != mean.length) {
                throw new IllegalArgumentException(seriesId + ": quantile row " + i + " has "
                        + quantiles[i].length + " steps; expected " + mean.length);
            }
        }
        if (totalQuantiles != null && totalQuantiles.length != levels.length) {
            throw new IllegalArgumentException(seriesId + ": " + totalQuantiles.length
                    + " total quantiles for " + levels.length + " levels");
        }
    }

    public static Builder builder(String seriesId, String model) {
        return new Builder(seriesId, model);
    }

    public String seriesId() { return seriesId; }

    /** The model that made this forecast, e.g. {@code "ses"}; for {@code auto}, the chosen model. */
    public String model() { return model; }

    /** In words: the model, its parameters and why it was chosen. */
    public String description() { return description; }

    public int horizon() { return mean.length; }

    /** The point forecast at zero-based step {@code h}. */
    public double mean(int h) { return mean[h]; }

    public double[] mean() { return mean.clone(); }

    /** Sum of the point forecasts over all steps. */
    public double meanTotal() {
        double s = 0;
        for (double v : mean) s += v;
        return s;
    }

    public double[] levels() { return levels.clone(); }

    /** The quantile at level index {@code level} and zero-based step {@code h}. */
    public double quantile(int level, int h) { return quantiles[level][h]; }

    /** Quantiles of the total over the whole horizon, one per level, when the model provides them. */
    public Optional<double[]> totalQuantiles() {
        return totalQuantiles == null ? Optional.empty() : Optional.of(totalQuantiles.clone());
    }

    /** Fitted parameters by name (alpha, beta, phi, ...), for lineage; unmodifiable, in the order they were set. */
    public Map<String, Double> parameters() { return parameters; }

    @Override
    public String toString() {
        return "Forecast[" + seriesId + ", " + model + ", h=" + mean.length + "]";
    }

    /** Builds a {@link Forecast}; arrays are copied on {@link #build()}. */
    public static final class Builder {
        private final String seriesId;
        private final String model;
        private String description = "";
        private double[] mean = new double[0];
        private double[] levels = new double[0];
        private double[][] quantiles = new double[0][];
        private double[] totalQuantiles;
        private final Map<String, Double> parameters = new LinkedHashMap<>();

        private Builder(String seriesId, String model) {
            this.seriesId = seriesId;
            this.model = model;
        }

        public Builder description(String text) { this.description = text; return this; }
        public Builder mean(double[] values) { this.mean = values; return this; }
        public Builder quantiles(double[] levels, double[][] values) {
            this.levels = levels;
            this.quantiles = values;
            return this;
        }
        public Builder totalQuantiles(double[] values) { this.totalQuantiles = values; return this; }
        public Builder parameter(String name, double value) { parameters.put(name, value); return this; }
        public Forecast build() { return new Forecast(this); }
    }
}
