package keel.forecast.ets;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import keel.forecast.ets.EtsSpec.Component;

/**
 * A fitted ETS model: its parameters, information criteria, residuals and final state, able to
 * forecast. Parameters a model does not have are NaN (β without trend, γ without season); φ is 1
 * when the trend is not damped.
 */
public final class EtsFit {
    private final EtsSpec spec;
    private final int period;
    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double phi;
    private final double[] initialStates;
    private final double level;
    private final double slope;
    private final double[] season;
    private final double sigma2;
    private final double lik;
    private final double aic;
    private final double aicc;
    private final double bic;
    private final double mse;
    private final int observations;
    private final int parameterCount;
    private final double[] residuals;

    EtsFit(EtsSpec spec, int period, double alpha, double beta, double gamma, double phi, double[] initialStates,
            double level, double slope, double[] season, double sigma2, double lik, double aic, double aicc,
            double bic, double mse, int observations, int parameterCount, double[] residuals) {
        this.spec = spec;
        this.period = period;
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.phi = phi;
        this.initialStates = initialStates;
        this.level = level;
        this.slope = slope;
        this.season = season;
        this.sigma2 = sigma2;
        this.lik = lik;
        this.aic = aic;
        this.aicc = aicc;
        this.bic = bic;
        this.mse = mse;
        this.observations = observations;
        this.parameterCount = parameterCount;
        this.residuals = residuals;
    }

    public EtsSpec spec() { return spec; }

    /** The seasonal period the model uses (1 for non-seasonal models). */
    public int period() { return period; }

    public double alpha() { return alpha; }

    /** The state-space β (= α·β* of Holt's form); NaN without trend. */
    public double beta() { return beta; }

    /** NaN without season. */
    public double gamma() { return gamma; }

    /** The damping parameter; 1 when not damped. */
    public double phi() { return phi; }

    /** Initial states (ℓ0, b0?, s0..s_{m−1}) with s0 the newest seasonal state, as R prints them. */
    public double[] initialStates() { return initialStates.clone(); }

    /** σ² = Σe²/(n − free parameters), as R's {@code ets}. */
    public double sigma2() { return sigma2; }

    /** The log-likelihood as R reports it: −½·L*, without constants. */
    public double logLikelihood() { return -0.5 * lik; }

    public double aic() { return aic; }

    public double aicc() { return aicc; }

    public double bic() { return bic; }

    /** In-sample one-step mean squared error of y − ŷ. */
    public double mse() { return mse; }

    /** Non-missing observations used. */
    public int observations() { return observations; }

    /** Free parameters: smoothing parameters and free initial states (σ² not counted). */
    public int parameterCount() { return parameterCount; }

    /** Innovations e_t (relative errors for multiplicative error); NaN where y_t is missing. */
    public double[] residuals() { return residuals.clone(); }

    /**
     * Point forecasts for steps 1..h as R's {@code forecast.ets} returns them: the state recursion
     * without errors, except for the class-3 models ETS(M,N,M), ETS(M,A,M), ETS(M,Ad,M), whose mean
     * comes from R's class-3 moment recursion (see {@link #recursionForecast(int)}). NaN if a
     * multiplicative trend is negative.
     */
    public double[] pointForecast(int h) {
        if (isClass3()) return Class3Moments.compute(this, h, false)[0];
        return recursionForecast(h);
    }

    /** True for ETS(M,N,M), ETS(M,A,M), ETS(M,Ad,M) (HKOS 2008 class 3). */
    boolean isClass3() {
        return spec.error() == Component.MULTIPLICATIVE && spec.season() == Component.MULTIPLICATIVE
                && spec.trend() != Component.MULTIPLICATIVE;
    }

    double finalLevel() { return level; }

    double finalSlope() { return slope; }

    /** Final seasonal states s_1..s_m, newest first. */
    double[] finalSeason() { return season.clone(); }

    /** The state recursion run forward without errors (R {@code pegelsfcast}, {@code etsforecast}). */
    public double[] recursionForecast(int h) {
        double[] f = new double[h];
        double phistar = phi;
        double phiPower = phi;
        boolean undamped = Math.abs(phi - 1) < EtsEngine.TOL;
        for (int i = 0; i < h; i++) {
            double v;
            switch (spec.trend()) {
                case NONE: v = level; break;
                case ADDITIVE: v = level + phistar * slope; break;
                default: v = slope < 0 ? Double.NaN : level * Math.pow(slope, phistar); break;
            }
            if (spec.seasonal()) {
                double s = season[Math.floorMod(period - 1 - i, period)];
                v = spec.season() == Component.ADDITIVE ? v + s : v * s;
            }
            f[i] = v;
            if (undamped) {
                phistar += 1;
            } else {
                phiPower *= phi;
                phistar += phiPower;
            }
        }
        return f;
    }

    /**
     * Analytic forecast variances for steps 1..h (HKOS 2008 ch. 6): class 1 (additive error,
     * N/A/Ad trend, N/A season), class 2 (the same with multiplicative error) and class 3 (M error,
     * N/A/Ad trend, M season; R's moment recursion). Empty for the other models (multiplicative
     * trend), whose intervals are simulated.
     */
    public Optional<double[]> analyticVariance(int h) {
        if (isClass3()) return Optional.of(Class3Moments.compute(this, h, true)[1]);
        if (spec.trend() == Component.MULTIPLICATIVE || spec.season() == Component.MULTIPLICATIVE) {
            return Optional.empty();
        }
        double[] c = new double[h];
        double phiSum = 0;
        double phiPower = 1;
        for (int j = 1; j < h; j++) {
            phiPower *= phi;
            phiSum += phiPower;
            double cj = alpha;
            if (spec.trended()) cj += beta * phiSum;
            if (spec.seasonal() && j % period == 0) cj += gamma;
            c[j] = cj;
        }
        double[] v = new double[h];
        if (spec.error() == Component.ADDITIVE) {
            double sum = 0;
            for (int i = 0; i < h; i++) {
                if (i > 0) sum += c[i] * c[i];
                v[i] = sigma2 * (1 + sum);
            }
            return Optional.of(v);
        }
        double[] mu = pointForecast(h);
        double[] theta = new double[h];
        for (int i = 0; i < h; i++) {
            double s = 0;
            for (int j = 1; j <= i; j++) s += c[j] * c[j] * theta[i - j];
            theta[i] = mu[i] * mu[i] + sigma2 * s;
            v[i] = (1 + sigma2) * theta[i] - mu[i] * mu[i];
        }
        return Optional.of(v);
    }

    /**
     * Quantiles [level][step] for steps 1..h: μ ± z·√v for classes 1–3, otherwise type-8 sample
     * quantiles (Hyndman &amp; Fan 1996) of {@code paths} simulated future paths with N(0, σ²)
     * innovations drawn from {@code seed}.
     */
    public double[][] quantiles(int h, double[] levels, int paths, long seed) {
        double[][] q = new double[levels.length][h];
        if (levels.length == 0) return q;
        Optional<double[]> variance = analyticVariance(h);
        if (variance.isPresent()) {
            double[] mu = pointForecast(h);
            double[] v = variance.get();
            for (int k = 0; k < levels.length; k++) {
                double z = keel.forecast.Distributions.normalQuantile(levels[k]);
                for (int i = 0; i < h; i++) q[k][i] = mu[i] + z * Math.sqrt(Math.max(v[i], 0));
            }
            return q;
        }
        double[][] sims = simulate(h, paths, seed);
        double[] column = new double[paths];
        for (int i = 0; i < h; i++) {
            for (int p = 0; p < paths; p++) column[p] = sims[p][i];
            Arrays.sort(column);
            for (int k = 0; k < levels.length; k++) q[k][i] = quantileType8(column, levels[k]);
        }
        return q;
    }

    /** Future sample paths [path][step] from the final state (R {@code simulate.ets}). */
    public double[][] simulate(int h, int paths, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double sigma = Math.sqrt(sigma2);
        double[][] out = new double[paths][h];
        int m = Math.max(period, 1);
        double[] ring = new double[m];
        for (int p = 0; p < paths; p++) {
            double l = level;
            double b = slope;
            // ring[(oldest + m - 1 - j) % m] = s[j]; oldest starts at 0
            if (spec.seasonal()) for (int j = 0; j < m; j++) ring[m - 1 - j] = season[j];
            int oldest = 0;
            for (int i = 0; i < h; i++) {
                double phib;
                double q;
                switch (spec.trend()) {
                    case NONE: phib = 0; q = l; break;
                    case ADDITIVE: phib = phi * b; q = l + phib; break;
                    default: phib = Math.pow(Math.max(b, 0), phi); q = l * phib; break;
                }
                double s = spec.seasonal() ? ring[oldest] : 0;
                double f = !spec.seasonal() ? q : spec.season() == Component.ADDITIVE ? q + s : q * s;
                double e = sigma * gaussian(random);
                double yt;
                if (spec.error() == Component.ADDITIVE) {
                    yt = f + e;
                } else {
                    yt = f * (1 + Math.max(e, -1));
                }
                out[p][i] = yt;
                double pv = !spec.seasonal() ? yt : spec.season() == Component.ADDITIVE ? yt - s
                        : Math.abs(s) < EtsEngine.TOL ? EtsEngine.HUGE : yt / s;
                double newLevel = q + alpha * (pv - q);
                if (spec.trend() == Component.ADDITIVE) {
                    b = phib + beta / alpha * (newLevel - l - phib);
                } else if (spec.trend() == Component.MULTIPLICATIVE) {
                    double r = Math.abs(l) < EtsEngine.TOL ? EtsEngine.HUGE : newLevel / l;
                    b = phib + beta / alpha * (r - phib);
                }
                l = newLevel;
                if (spec.seasonal()) {
                    double tt = spec.season() == Component.ADDITIVE ? yt - q
                            : Math.abs(q) < EtsEngine.TOL ? EtsEngine.HUGE : yt / q;
                    ring[oldest] = s + gamma * (tt - s);
                    oldest = oldest + 1 == m ? 0 : oldest + 1;
                }
            }
        }
        return out;
    }

    private static double gaussian(SplittableRandom random) {
        // Marsaglia polar method
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    /** Sample quantile of type 8 (Hyndman &amp; Fan 1996, median-unbiased) of sorted values. */
    static double quantileType8(double[] sorted, double p) {
        int n = sorted.length;
        double position = n * p + (p + 1) / 3;
        int j = (int) Math.floor(position);
        double g = position - j;
        if (j < 1) return sorted[0];
        if (j >= n) return sorted[n - 1];
        return (1 - g) * sorted[j - 1] + g * sorted[j];
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s alpha=%.4f beta=%.4f gamma=%.4f phi=%.4f sigma2=%.6g aicc=%.3f",
                spec.name(), alpha, beta, gamma, phi, sigma2, aicc);
    }
}
