package keel.forecast.smoothing;

/**
 * The simple exponential smoothing kernel shared by SES and the intermittent-demand methods:
 * level ℓ_t = α·y_t + (1 − α)·ℓ_{t−1}, started at the first observation ("simple" initialisation,
 * as R's {@code ses(initial = "simple")} and statsforecast's {@code ses_forecast}), so the one-step
 * errors run from the second observation on.
 *
 * <p>Every method works on the slice {@code x[from, to)} without copying. A NaN value is a missing
 * observation: the level is carried over and no error is counted. Pure functions; thread-safe.
 */
public final class ExponentialSmoothing {
    /** Relative difference below which two SSE values count as equal. */
    public static final double TIE = 1e-12;
    private static final double INVERSE_GOLDEN = (Math.sqrt(5.0) - 1.0) / 2.0;

    private ExponentialSmoothing() {
    }

    /**
     * Sum of squared one-step errors y_t − ℓ_{t−1} over the slice, the level starting at the first
     * non-missing value.
     *
     * @return the SSE; 0 when the slice holds fewer than two non-missing values
     */
    public static double sse(double[] x, int from, int to, double alpha) {
        int i = firstPresent(x, from, to);
        if (i >= to) {
            return 0;
        }
        double level = x[i];
        double sse = 0;
        double complement = 1 - alpha;
        for (i++; i < to; i++) {
            double y = x[i];
            if (y == y) {
                double e = y - level;
                sse += e * e;
                level = alpha * y + complement * level;
            }
        }
        return sse;
    }

    /**
     * The level after the last observation of the slice: the flat SES forecast.
     *
     * @return NaN when every value of the slice is missing
     */
    public static double level(double[] x, int from, int to, double alpha) {
        int i = firstPresent(x, from, to);
        if (i >= to) {
            return Double.NaN;
        }
        double level = x[i];
        double complement = 1 - alpha;
        for (i++; i < to; i++) {
            double y = x[i];
            if (y == y) {
                level = alpha * y + complement * level;
            }
        }
        return level;
    }

    /**
     * The α in [lower, upper] minimising {@link #sse} by golden-section search, stopping when the
     * bracket is narrower than {@code tolerance} or the two inner values tie; returns the middle of
     * the final bracket. Deterministic.
     *
     * <p>Values within a relative {@value #TIE} of each other tie: closer than that the difference
     * is rounding noise (the SSE of a few hundred terms carries about 1e-14), and following it would
     * make α, and the forecast, depend on the last bits of the data, e.g. on its unit. statsforecast
     * compares exactly; the two agree until the search reaches that noise, so α agrees to about 1e-6
     * or better.
     */
    public static double optimalAlpha(double[] x, int from, int to, double lower, double upper,
            double tolerance) {
        double a = lower;
        double b = upper;
        double c = b - (b - a) * INVERSE_GOLDEN;
        double d = a + (b - a) * INVERSE_GOLDEN;
        double fc = sse(x, from, to, c);
        double fd = sse(x, from, to, d);
        while (b - a >= tolerance) {
            if (Math.abs(fc - fd) <= TIE * Math.max(fc, fd)) {
                break;
            } else if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - (b - a) * INVERSE_GOLDEN;
                fc = sse(x, from, to, c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + (b - a) * INVERSE_GOLDEN;
                fd = sse(x, from, to, d);
            }
        }
        return (a + b) / 2;
    }

    /**
     * The α in [lower, upper] minimising {@link #sse} by Brent's method (golden section with
     * parabolic steps; Brent 1973, as in R's {@code optimize}): about a third of the golden-section
     * evaluations on smooth objectives. Stops when the bracket around the best point is within
     * {@code tolerance} (plus 1.5e-8 relative). Deterministic.
     */
    public static double brentAlpha(double[] x, int from, int to, double lower, double upper, double tolerance) {
        final double c = (3 - Math.sqrt(5)) / 2;
        final double eps = 1.4901161193847656e-8;
        double a = lower;
        double b = upper;
        double v = a + c * (b - a);
        double w = v;
        double best = v;
        double d = 0;
        double e = 0;
        double fx = sse(x, from, to, best);
        double fv = fx;
        double fw = fx;
        while (true) {
            double xm = (a + b) / 2;
            double tol1 = eps * Math.abs(best) + tolerance / 3;
            double tol2 = 2 * tol1;
            if (Math.abs(best - xm) <= tol2 - (b - a) / 2) {
                return best;
            }
            boolean golden = true;
            if (Math.abs(e) > tol1) {
                double r = (best - w) * (fx - fv);
                double q = (best - v) * (fx - fw);
                double p = (best - v) * q - (best - w) * r;
                q = 2 * (q - r);
                if (q > 0) {
                    p = -p;
                } else {
                    q = -q;
                }
                r = e;
                e = d;
                if (Math.abs(p) < Math.abs(q * r / 2) && p > q * (a - best) && p < q * (b - best)) {
                    d = p / q;
                    double u = best + d;
                    if (u - a < tol2 || b - u < tol2) {
                        d = xm >= best ? tol1 : -tol1;
                    }
                    golden = false;
                }
            }
            if (golden) {
                e = best < xm ? b - best : a - best;
                d = c * e;
            }
            double u = best + (Math.abs(d) >= tol1 ? d : (d > 0 ? tol1 : -tol1));
            double fu = sse(x, from, to, u);
            if (fu <= fx) {
                if (u < best) {
                    b = best;
                } else {
                    a = best;
                }
                v = w;
                fv = fw;
                w = best;
                fw = fx;
                best = u;
                fx = fu;
            } else {
                if (u < best) {
                    a = u;
                } else {
                    b = u;
                }
                if (fu <= fw || w == best) {
                    v = w;
                    fv = fw;
                    w = u;
                    fw = fu;
                } else if (fu <= fv || v == best || v == w) {
                    v = u;
                    fv = fu;
                }
            }
        }
    }

    private static int firstPresent(double[] x, int from, int to) {
        int i = from;
        while (i < to && x[i] != x[i]) {
            i++;
        }
        return i;
    }
}
