package keel.forecast.ets;

import java.util.Arrays;

/**
 * The Nelder–Mead simplex minimiser of R's {@code optim} ({@code nmmin} in R's
 * {@code src/appl/optim.c}, after Nash 1990, <i>Compact Numerical Methods</i>, Algorithm 19), which
 * R's {@code ets} uses. Reproducing it step by step matters: the M4 benchmarks and R's model choices
 * depend on where this search stops.
 *
 * <p>The first simplex adds step = 0.1·max|x_i| (0.1 if all are zero) to one coordinate per vertex;
 * non-finite values count as 1e35; the search stops when f_high ≤ f_low + tol·(|f_start| + tol),
 * after {@code maxEvaluations} evaluations, or when a shrink fails to reduce the simplex.
 */
public final class NelderMead {
    private static final double BIG = 1.0e35;

    /** A function of a parameter vector; may return +∞ or NaN for infeasible points. */
    @FunctionalInterface
    public interface Objective {
        /** The value at {@code x}; must not modify {@code x}. */
        double value(double[] x);

        /**
         * The value at {@code x}, or any value ≥ {@code bound} (e.g. +∞) once the value is known to
         * be ≥ {@code bound}: the search only compares such trial values with the bound.
         */
        default double value(double[] x, double bound) {
            return value(x);
        }
    }

    /** The outcome of a minimisation. */
    public record Result(double[] x, double value, int evaluations, boolean converged) {}

    private final double reflection;
    private final double contraction;
    private final double expansion;
    private final double tolerance;
    private final int maxEvaluations;

    /**
     * @param reflection R's alpha (1)
     * @param contraction R's beta (0.5)
     * @param expansion R's gamma (2)
     * @param tolerance relative tolerance (R's reltol, √ε by default)
     * @param maxEvaluations R's maxit: evaluations allowed
     */
    public NelderMead(double reflection, double contraction, double expansion, double tolerance, int maxEvaluations) {
        this.reflection = reflection;
        this.contraction = contraction;
        this.expansion = expansion;
        this.tolerance = tolerance;
        this.maxEvaluations = maxEvaluations;
    }

    /** R's settings for {@code ets}: 1, 0.5, 2, √ε ≈ 1.49e−8, 2000 evaluations. */
    public static NelderMead rDefaults() {
        return new NelderMead(1.0, 0.5, 2.0, Math.sqrt(Math.ulp(1.0)), 2000);
    }

    /**
     * Minimises {@code f} from {@code start}.
     *
     * @throws IllegalArgumentException when {@code f} is not finite at the start (R stops there too)
     */
    public Result minimize(Objective f, double[] start) {
        int n = start.length;
        double[] b = start.clone();
        double fStart = f.value(b);
        if (!Double.isFinite(fStart)) {
            throw new IllegalArgumentException("function cannot be evaluated at initial parameters "
                    + Arrays.toString(start));
        }
        if (maxEvaluations <= 0) return new Result(b, fStart, 0, false);
        int n1 = n + 1;
        // p[j] is vertex j (0..n), p[n1] the centroid / trial store as in nmmin's column C
        double[][] p = new double[n + 2][n];
        double[] values = new double[n + 2];
        int funcount = 1;
        double convtol = tolerance * (Math.abs(fStart) + tolerance);
        System.arraycopy(b, 0, p[0], 0, n);
        values[0] = fStart;
        int low = 0;
        double step = 0;
        for (int i = 0; i < n; i++) step = Math.max(step, 0.1 * Math.abs(b[i]));
        if (step == 0) step = 0.1;
        double size = 0;
        for (int j = 1; j < n1; j++) {
            System.arraycopy(b, 0, p[j], 0, n);
            double trystep = step;
            while (p[j][j - 1] == b[j - 1]) {
                p[j][j - 1] = b[j - 1] + trystep;
                trystep *= 10;
            }
            size += trystep;
        }
        double oldsize = size;
        boolean calcvert = true;
        boolean failed = false;
        double[] centroid = p[n1];
        do {
            if (calcvert) {
                for (int j = 0; j < n1; j++) {
                    if (j != low) {
                        System.arraycopy(p[j], 0, b, 0, n);
                        values[j] = finite(f.value(b));
                        funcount++;
                    }
                }
                calcvert = false;
            }
            double vl = values[low];
            double vh = vl;
            int high = low;
            for (int j = 0; j < n1; j++) {
                if (j == low) continue;
                double v = values[j];
                if (v < vl) {
                    low = j;
                    vl = v;
                }
                if (v > vh) {
                    high = j;
                    vh = v;
                }
            }
            if (vh <= vl + convtol) break;
            for (int i = 0; i < n; i++) {
                double temp = -p[high][i];
                for (int j = 0; j < n1; j++) temp += p[j][i];
                centroid[i] = temp / n;
            }
            for (int i = 0; i < n; i++) b[i] = (1 + reflection) * centroid[i] - reflection * p[high][i];
            double vr = finite(f.value(b, vh));
            funcount++;
            if (vr < vl) {
                values[n1] = vr;
                for (int i = 0; i < n; i++) {
                    double e = expansion * b[i] + (1 - expansion) * centroid[i];
                    centroid[i] = b[i];
                    b[i] = e;
                }
                double ve = finite(f.value(b, vr));
                funcount++;
                if (ve < vr) {
                    System.arraycopy(b, 0, p[high], 0, n);
                    values[high] = ve;
                } else {
                    System.arraycopy(centroid, 0, p[high], 0, n);
                    values[high] = vr;
                }
            } else {
                if (vr < vh) {
                    System.arraycopy(b, 0, p[high], 0, n);
                    values[high] = vr;
                }
                for (int i = 0; i < n; i++) b[i] = (1 - contraction) * p[high][i] + contraction * centroid[i];
                double vc = finite(f.value(b, values[high]));
                funcount++;
                if (vc < values[high]) {
                    System.arraycopy(b, 0, p[high], 0, n);
                    values[high] = vc;
                } else if (vr >= vh) {
                    calcvert = true;
                    size = 0;
                    for (int j = 0; j < n1; j++) {
                        if (j == low) continue;
                        for (int i = 0; i < n; i++) {
                            p[j][i] = contraction * (p[j][i] - p[low][i]) + p[low][i];
                            size += Math.abs(p[j][i] - p[low][i]);
                        }
                    }
                    if (size < oldsize) {
                        oldsize = size;
                    } else {
                        failed = true;
                        break;
                    }
                }
            }
        } while (funcount <= maxEvaluations);
        boolean converged = !failed && funcount <= maxEvaluations;
        return new Result(p[low].clone(), values[low], funcount, converged);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : BIG;
    }
}
