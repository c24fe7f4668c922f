package keel.forecast.theta;

import java.util.SplittableRandom;
import keel.forecast.ets.BoxNelderMead;

/**
 * One fitted Theta model on (seasonally adjusted) data, Fiorucci et al. (2016) in the state form
 * statsforecast uses: SES level ℓ, running mean Ȳ, line coefficients A, B, one-step forecast μ.
 *
 * <p>Design: the same recursion serves fitting, forecasting (y replaced by μ) and simulation (y =
 * μ + ε); powers of (1 − α) are carried as running products.
 */
public final class ThetaFit {
    private static final double[] LOWER_2 = {-1e10, 0.1};
    private static final double[] UPPER_2 = {1e10, 0.99};
    private static final double[] LOWER_3 = {-1e10, 0.1, 1.0};
    private static final double[] UPPER_3 = {1e10, 0.99, 1e10};

    private final ThetaVariant variant;
    private final double[] y;
    private final double level0;
    private final double alpha;
    private final double theta;
    private final double intercept;
    private final double slope;
    private final double objective;
    private final double sigma;

    private ThetaFit(ThetaVariant variant, double[] y, double level0, double alpha, double theta, double intercept,
            double slope, double objective, double sigma) {
        this.variant = variant;
        this.y = y;
        this.level0 = level0;
        this.alpha = alpha;
        this.theta = theta;
        this.intercept = intercept;
        this.slope = slope;
        this.objective = objective;
        this.sigma = sigma;
    }

    /**
     * Fits the variant: minimises Σ_{t≥4} e_t² / mean|y| over (ℓ0, α[, θ]) from (y1/2, 0.5, 2)
     * within ℓ0 ∈ [−1e10, 1e10], α ∈ [0.1, 0.99], θ ∈ [1, 1e10].
     *
     * @throws IllegalArgumentException for fewer than 4 observations
     */
    public static ThetaFit fit(double[] y, ThetaVariant variant) {
        int n = y.length;
        if (n < 4) throw new IllegalArgumentException("Theta needs at least 4 observations, got " + n);
        double[] line = keel.forecast.LinearTrend.fit(y);
        double meanAbs = 0;
        for (double v : y) meanAbs += Math.abs(v);
        meanAbs /= n;
        double scale = meanAbs > 0 ? meanAbs : 1;
        double[] e = new double[n];
        double[] best;
        if (variant.optimisedTheta()) {
            BoxNelderMead nm = new BoxNelderMead(LOWER_3, UPPER_3, 1e-4, 1000);
            best = nm.minimize(p -> sse(y, variant, p[0], p[1], p[2], line, e) / scale,
                    new double[] {y[0] / 2, 0.5, 2.0});
        } else {
            BoxNelderMead nm = new BoxNelderMead(LOWER_2, UPPER_2, 1e-4, 1000);
            double[] two = nm.minimize(p -> sse(y, variant, p[0], p[1], 2.0, line, e) / scale,
                    new double[] {y[0] / 2, 0.5});
            best = new double[] {two[0], two[1], 2.0};
        }
        double value = sse(y, variant, best[0], best[1], best[2], line, e) / scale;
        double mean = 0;
        int count = 0;
        for (int t = 3; t < n; t++) {
            mean += e[t];
            count++;
        }
        mean /= count;
        double s = 0;
        for (int t = 3; t < n; t++) s += (e[t] - mean) * (e[t] - mean);
        double sigma = count > 1 ? Math.sqrt(s / (count - 1)) : 0;
        return new ThetaFit(variant, y.clone(), best[0], best[1], best[2], line[0], line[1], value, sigma);
    }

    /** Runs the recursion over y, writes e, returns Σ_{t≥4} e_t². */
    private static double sse(double[] y, ThetaVariant variant, double level0, double alpha, double theta,
            double[] line, double[] e) {
        State s = new State(variant.dynamic(), level0, alpha, theta, line);
        double sum = 0;
        for (int t = 0; t < y.length; t++) {
            double mu = s.next();
            e[t] = y[t] - mu;
            s.observe(y[t]);
            if (t >= 3) sum += e[t] * e[t];
        }
        return sum;
    }

    /** The recursion state after t observations (Fiorucci et al. 2016, eqs. for STM/DOTM). */
    private static final class State {
        final boolean dynamic;
        final double alpha;
        final double weight;
        double level;
        double mean;
        double a;
        double b;
        double decay;
        int t;

        State(boolean dynamic, double level0, double alpha, double theta, double[] line) {
            this.dynamic = dynamic;
            this.alpha = alpha;
            this.weight = 1 - 1 / theta;
            this.level = level0;
            this.a = line[0];
            this.b = line[1];
            this.decay = 1;
        }

        /** μ for the next step t + 1. */
        double next() {
            if (t == 0) return dynamic ? Double.NaN : level + weight * (a + b);
            // (1-alpha)^t and (1-alpha)^(t+1) with t observations seen
            double pow = decay;
            double powNext = decay * (1 - alpha);
            return level + weight * (a * pow + b * (1 - powNext) / alpha);
        }

        void observe(double value) {
            t++;
            level = alpha * value + (1 - alpha) * level;
            decay *= 1 - alpha;
            double previousMean = mean;
            mean = t == 1 ? value : ((t - 1) * mean + value) / t;
            if (!dynamic) return;
            if (t == 1) {
                a = value;
                b = 0;
                return;
            }
            b = ((t - 2) * b + 6 * (value - previousMean) / t) / (t + 1);
            a = mean - b * (t + 1) / 2.0;
        }
    }

    /** Point forecasts for steps 1..h: the recursion continued with y replaced by μ. */
    public double[] pointForecast(int h) {
        State s = replay();
        double[] f = new double[h];
        for (int i = 0; i < h; i++) {
            f[i] = s.next();
            s.observe(f[i]);
        }
        return f;
    }

    /** Simulated future paths [path][step] with N(0, σ²) errors fed back into the recursion. */
    public double[][] simulate(int h, int paths, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[paths][h];
        for (int p = 0; p < paths; p++) {
            State s = replay();
            for (int i = 0; i < h; i++) {
                double value = s.next() + sigma * Gaussians.next(random);
                out[p][i] = value;
                s.observe(value);
            }
        }
        return out;
    }

    private State replay() {
        State s = new State(variant.dynamic(), level0, alpha, theta, new double[] {intercept, slope});
        for (double v : y) {
            s.next();
            s.observe(v);
        }
        return s;
    }

    public ThetaVariant variant() { return variant; }

    public double alpha() { return alpha; }

    public double theta() { return theta; }

    /** The initial level ℓ0. */
    public double initialLevel() { return level0; }

    /** The minimised criterion Σ_{t≥4} e_t² / mean|y| (AutoTheta keeps the smallest). */
    public double objective() { return objective; }

    /** Standard deviation of the one-step errors e_4..e_n. */
    public double sigma() { return sigma; }
}
