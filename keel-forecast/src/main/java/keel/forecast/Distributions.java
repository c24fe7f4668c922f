package keel.forecast;

/**
 * Quantile functions shared by the forecasters: the standard normal, and distributions fitted to a
 * mean and a variance (normal, Poisson, negative binomial) for forecast quantiles.
 *
 * <p>All methods are pure functions of their arguments and safe to call from any thread.
 */
public final class Distributions {
    private static final double SPLIT1 = 0.425;
    private static final double SPLIT2 = 5.0;
    private static final double CONST1 = 0.180625;
    private static final double CONST2 = 1.6;
    /** Counts are summed from this many standard deviations below the mean; the rest is negligible. */
    private static final double LOWER_SD = 8.0;
    /** Past this many terms the normal approximation (with continuity correction) is used instead. */
    private static final int MAX_TERMS = 200_000;

    private Distributions() {
    }

    /**
     * The standard normal quantile z_p, Wichura's algorithm AS 241 (PPND16, Applied Statistics 37,
     * 1988), accurate to about 1e-16.
     *
     * @param p probability in (0, 1)
     * @return z_p; -infinity at 0, +infinity at 1, NaN outside [0, 1] or for NaN
     */
    public static double normalQuantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double q = p - 0.5;
        if (Math.abs(q) <= SPLIT1) {
            double r = CONST1 - q * q;
            return q * (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r
                    + 6.7265770927008700853e+4) * r + 4.5921953931549871457e+4) * r
                    + 1.3731693765509461125e+4) * r + 1.9715909503065514427e+3) * r
                    + 1.3314166789178437745e+2) * r + 3.3871328727963666080e0)
                    / (((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r
                    + 3.9307895800092710610e+4) * r + 2.1213794301586595867e+4) * r
                    + 5.3941960214247511077e+3) * r + 6.8718700749205790830e+2) * r
                    + 4.2313330701600911252e+1) * r + 1.0);
        }
        double r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
        double z;
        if (r <= SPLIT2) {
            r -= CONST2;
            z = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r
                    + 2.41780725177450611770e-1) * r + 1.27045825245236838258e0) * r
                    + 3.64784832476320460504e0) * r + 5.76949722146069140550e0) * r
                    + 4.63033784615654529590e0) * r + 1.42343711074968357734e0)
                    / (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r
                    + 1.51986665636164571966e-2) * r + 1.48103976427480074590e-1) * r
                    + 6.89767334985100004550e-1) * r + 1.67638483018380384940e0) * r
                    + 2.05319162663775882187e0) * r + 1.0);
        } else {
            r -= SPLIT2;
            z = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
                    + 1.24266094738807843860e-3) * r + 2.65321895265761230930e-2) * r
                    + 2.96560571828504891230e-1) * r + 1.78482653991729133580e0) * r
                    + 5.46378491116411436990e0) * r + 6.65790464350110377720e0)
                    / (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r
                    + 1.84631831751005468180e-5) * r + 7.86869131145613259100e-4) * r
                    + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
                    + 5.99832206555887937690e-1) * r + 1.0);
        }
        return q < 0 ? -z : z;
    }

    /**
     * Quantiles of a normal distribution with mean {@code mean} and standard deviation {@code sd}.
     *
     * @param out receives one quantile per level; a zero {@code sd} gives {@code mean} at every level
     */
    public static void normalQuantiles(double mean, double sd, double[] levels, double[] out) {
        for (int i = 0; i < levels.length; i++) {
            out[i] = sd > 0 ? mean + sd * normalQuantile(levels[i]) : mean;
        }
    }

    /**
     * Quantiles of a count distribution fitted by moments: the negative binomial with this mean and
     * variance when {@code variance > mean}, otherwise the Poisson with this mean (its variance,
     * {@code mean}, is then at least the requested one, so the answer errs on the wide side).
     *
     * <p>Quantiles are whole numbers: the smallest k with P(X &lt;= k) &gt;= level, found by summing
     * the probabilities from 8 standard deviations below the mean. A mean of 0 (or below) gives 0 at
     * every level. Levels not reached within 200,000 terms (only for enormous spreads) fall back to
     * the normal approximation with continuity correction.
     *
     * @param levels strictly increasing levels in (0, 1)
     * @param out receives one quantile per level
     */
    public static void countQuantiles(double mean, double variance, double[] levels, double[] out) {
        if (!(mean > 0)) {
            java.util.Arrays.fill(out, 0, levels.length, 0.0);
            return;
        }
        double var = Math.max(variance, mean);
        double sd = Math.sqrt(var);
        // negative binomial with size r and success probability p: mean r(1-p)/p, variance mean/p;
        // a size above 1e7 is Poisson to well within rounding (and lgamma would lose digits)
        double r = variance > mean ? mean * mean / (var - mean) : Double.POSITIVE_INFINITY;
        boolean poisson = r > 1e7;
        double p = poisson ? 1 : mean / var;
        long from = (long) Math.max(0, Math.floor(mean - LOWER_SD * sd));
        double pmf = Double.isFinite(var)
                ? Math.exp(poisson ? poissonLogPmf(from, mean) : negBinLogPmf(from, r, p)) : 0;
        if (!(pmf > Double.MIN_NORMAL)) {
            normalCountQuantiles(mean, sd, levels, 0, out);
            return;
        }
        double cdf = 0;
        int level = 0;
        for (long k = from; level < levels.length; k++) {
            cdf += pmf;
            while (level < levels.length && cdf >= levels[level]) {
                out[level++] = k;
            }
            if (k - from >= MAX_TERMS) {
                // too many terms (a huge spread), or rounding left the sum short of a level near 1
                normalCountQuantiles(mean, sd, levels, level, out);
                for (int i = level; i < levels.length; i++) {
                    out[i] = Math.max(out[i], k);
                }
                return;
            }
            pmf *= poisson ? mean / (k + 1) : (k + r) / (k + 1) * (1 - p);
        }
    }

    private static void normalCountQuantiles(double mean, double sd, double[] levels, int first, double[] out) {
        for (int i = first; i < levels.length; i++) {
            out[i] = Math.max(0, Math.ceil(mean + sd * normalQuantile(levels[i]) - 0.5));
        }
    }

    /**
     * Quantiles of a distribution fitted to a mean and a variance: {@link #countQuantiles} when
     * {@code counts}, else {@link #normalQuantiles} with sd = sqrt(variance).
     */
    public static void momentQuantiles(double mean, double variance, boolean counts, double[] levels,
            double[] out) {
        if (counts) {
            countQuantiles(mean, variance, levels, out);
        } else {
            normalQuantiles(mean, Math.sqrt(Math.max(0, variance)), levels, out);
        }
    }

    static double poissonLogPmf(long k, double mean) {
        return k * Math.log(mean) - mean - logGamma(k + 1.0);
    }

    static double negBinLogPmf(long k, double r, double p) {
        return logGamma(k + r) - logGamma(r) - logGamma(k + 1.0) + r * Math.log(p) + k * Math.log1p(-p);
    }

    private static final double[] LANCZOS = {
        0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174,
        -0.49191381609762019978, .33994649984811888699e-4, .46523628927048575665e-4,
        -.98374475304879564677e-4, .15808870322491248884e-3, -.21026444172410488319e-3,
        .21743961811521264320e-3, -.16431810653676389022e-3, .84418223983852743293e-4,
        -.26190838401581408670e-4, .36899182659531622704e-5,
    };

    /** log Γ(x) for x &gt; 0, Lanczos approximation (g = 607/128), relative error about 1e-15. */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        // Γ(x) = Γ(x + 1)/x with the Lanczos series for Γ(x + 1)
        double sum = 0;
        for (int i = LANCZOS.length - 1; i > 0; i--) {
            sum += LANCZOS[i] / (x + i);
        }
        sum += LANCZOS[0];
        double t = x + 607.0 / 128 + 0.5;
        return (x + 0.5) * Math.log(t) - t + 0.5 * Math.log(2 * Math.PI) + Math.log(sum / x);
    }
}
