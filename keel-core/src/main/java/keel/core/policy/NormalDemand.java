package keel.core.policy;

import java.util.Locale;

/** Normal demand; the loss function is {@code n(S) = σ·𝓛((S − μ)/σ)} (DECISIONS §1). */
final class NormalDemand implements DemandDistribution {
    private final double mean;
    private final double sd;
    private final String description;

    NormalDemand(double mean, double sd) {
        this(mean, sd, String.format(Locale.ROOT, "normal(mean %.1f, sd %.1f)", mean, sd));
    }

    NormalDemand(double mean, double sd, String description) {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("normal demand: mean was " + mean + "; expected a finite number");
        }
        if (!(sd >= 0) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("normal demand: sd was " + sd + "; expected a finite number >= 0");
        }
        this.mean = mean;
        this.sd = sd;
        this.description = description;
    }

    @Override public double mean() { return mean; }

    double sd() { return sd; }

    @Override
    public double cdf(double x) {
        if (sd == 0) return x >= mean ? 1 : 0;
        return StandardNormal.cdf((x - mean) / sd);
    }

    @Override
    public double quantile(double alpha) {
        Alphas.check(alpha);
        return sd == 0 ? mean : mean + sd * StandardNormal.quantile(alpha);
    }

    @Override
    public double expectedShortage(double level) {
        if (sd == 0) return Math.max(0, mean - level);
        return Math.max(0, sd * StandardNormal.loss((level - mean) / sd));
    }

    @Override
    public double expectedLeftover(double level) {
        if (sd == 0) return Math.max(0, level - mean);
        double z = (level - mean) / sd;
        return Math.max(0, sd * (z + StandardNormal.loss(z)));
    }

    @Override public boolean isDiscrete() { return false; }

    @Override
    public String description() {
        return description;
    }
}
