package keel.forecast.ets;

import java.util.Arrays;

/**
 * A box-constrained Nelder–Mead with adaptive coefficients (Gao &amp; Han 2012, Comput. Optim. Appl.
 * 51: reflection 1, expansion 1 + 2/d, contraction 0.75 − 1/(2d), shrink 1 − 1/d), the settings
 * statsforecast's Theta models use: trial points are clamped to the box, the first simplex moves
 * each coordinate by 5% (1e−4 when zero), and the search stops when the standard deviation of the
 * simplex values falls below the tolerance or after the iteration limit.
 */
public final class BoxNelderMead {

    private final double[] lower;
    private final double[] upper;
    private final double tolerance;
    private final int maxIterations;

    /**
     * @param lower lower bounds per coordinate (may be −∞)
     * @param upper upper bounds per coordinate (may be +∞)
     * @param tolerance stop when the standard deviation of the simplex values is below this
     * @param maxIterations iteration limit
     */
    public BoxNelderMead(double[] lower, double[] upper, double tolerance, int maxIterations) {
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /** The best point found from {@code start}. */
    public double[] minimize(NelderMead.Objective f, double[] start) {
        int d = start.length;
        double expansion = 1 + 2.0 / d;
        double contraction = 0.75 - 1.0 / (2 * d);
        double shrink = 1 - 1.0 / d;
        double[][] simplex = new double[d + 1][];
        double[] values = new double[d + 1];
        simplex[0] = clamp(start.clone());
        for (int i = 0; i < d; i++) {
            double[] x = simplex[0].clone();
            x[i] = x[i] != 0 ? x[i] * 1.05 : 1e-4;
            simplex[i + 1] = clamp(x);
        }
        for (int i = 0; i <= d; i++) values[i] = safe(f.value(simplex[i]));
        double[] centroid = new double[d];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            sort(simplex, values);
            if (standardDeviation(values) < tolerance) break;
            Arrays.fill(centroid, 0);
            for (int i = 0; i < d; i++) for (int k = 0; k < d; k++) centroid[k] += simplex[i][k] / d;
            double[] worst = simplex[d];
            double[] reflected = clamp(combine(centroid, worst, -1));
            // trial values are only compared with these bounds, so the objective may stop early past them
            double fr = safe(f.value(reflected, values[d]));
            if (fr < values[0]) {
                double[] expanded = clamp(combine(centroid, reflected, expansion));
                double fe = safe(f.value(expanded, fr));
                if (fe < fr) replace(simplex, values, d, expanded, fe);
                else replace(simplex, values, d, reflected, fr);
            } else if (fr < values[d - 1]) {
                replace(simplex, values, d, reflected, fr);
            } else {
                boolean outside = fr < values[d];
                double[] contracted = clamp(outside ? combine(centroid, reflected, contraction)
                        : combine(centroid, worst, contraction));
                double fc = safe(f.value(contracted, Math.min(fr, values[d])));
                if (fc < Math.min(fr, values[d])) {
                    replace(simplex, values, d, contracted, fc);
                } else {
                    for (int i = 1; i <= d; i++) {
                        for (int k = 0; k < d; k++) simplex[i][k] = simplex[0][k] + shrink * (simplex[i][k] - simplex[0][k]);
                        clamp(simplex[i]);
                        values[i] = safe(f.value(simplex[i]));
                    }
                }
            }
        }
        sort(simplex, values);
        return simplex[0].clone();
    }

    /** centroid + t·(point − centroid). */
    private static double[] combine(double[] centroid, double[] point, double t) {
        double[] x = new double[centroid.length];
        for (int k = 0; k < x.length; k++) x[k] = centroid[k] + t * (point[k] - centroid[k]);
        return x;
    }

    private double[] clamp(double[] x) {
        for (int k = 0; k < x.length; k++) x[k] = Math.min(Math.max(x[k], lower[k]), upper[k]);
        return x;
    }

    private static void replace(double[][] simplex, double[] values, int i, double[] x, double v) {
        simplex[i] = x;
        values[i] = v;
    }

    private static double safe(double v) {
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }

    /** Insertion sort of the vertices by value (stable; d is small). */
    private static void sort(double[][] simplex, double[] values) {
        for (int i = 1; i < values.length; i++) {
            double v = values[i];
            double[] x = simplex[i];
            int j = i - 1;
            while (j >= 0 && values[j] > v) {
                values[j + 1] = values[j];
                simplex[j + 1] = simplex[j];
                j--;
            }
            values[j + 1] = v;
            simplex[j + 1] = x;
        }
    }

    private static double standardDeviation(double[] v) {
        double mean = 0;
        for (double x : v) mean += x;
        mean /= v.length;
        double s = 0;
        for (double x : v) s += (x - mean) * (x - mean);
        double sd = Math.sqrt(s / v.length);
        return Double.isNaN(sd) ? Double.POSITIVE_INFINITY : sd;
    }
}
