package keel.core.contract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Distribution drift scores, computed from the figures kept per batch rather than from the rows, so a batch is
 * compared with its reference window without reading the earlier files again.
 *
 * <p>Numbers are summarised by a grid of quantiles at equally spaced probabilities (the same grid for every
 * batch). Wasserstein-1 is the mean absolute difference of the two quantile functions on that grid (exact for
 * the grid's step functions), divided by the reference standard deviation so that thresholds do not depend on
 * units. PSI (Siddiqi 2006, "Credit Risk Scorecards", ch. 8) bins both by the reference deciles and sums
 * {@code (a - e) ln(a / e)}; shares below 1e-4 are raised to 1e-4. Categories are summarised by value shares;
 * Jensen–Shannon divergence uses base-2 logarithms (0 same, 1 disjoint); chi-square is
 * {@code sum (a - e)^2 / e} over shares, i.e. the chi-square statistic divided by the row count (phi squared).
 */
public final class Drift {
    private static final double FLOOR = 1e-4;

    private Drift() {}

    /** The quantile grid's probabilities: 0.02, 0.04, ..., 0.98. */
    public static List<Double> grid() {
        List<Double> grid = new ArrayList<>();
        for (int i = 1; i < 50; i++) {
            grid.add(i / 50.0);
        }
        return grid;
    }

    /** Wasserstein-1 of two quantile grids of equal length, divided by {@code scale} (or 1 when it is not > 0). */
    public static double wasserstein(double[] current, double[] reference, double scale) {
        double sum = 0;
        for (int i = 0; i < current.length; i++) {
            sum += Math.abs(current[i] - reference[i]);
        }
        return sum / current.length / (scale > 0 ? scale : 1);
    }

    /** PSI of two quantile grids of equal length, binned by the reference deciles. */
    public static double psi(double[] current, double[] reference) {
        TreeSet<Double> edges = new TreeSet<>();
        for (int d = 1; d < 10; d++) {
            edges.add(reference[(int) Math.round(d * (reference.length + 1) / 10.0) - 1]);
        }
        double[] e = binShares(reference, edges);
        double[] a = binShares(current, edges);
        double psi = 0;
        for (int i = 0; i < e.length; i++) {
            double ai = Math.max(a[i], FLOOR);
            double ei = Math.max(e[i], FLOOR);
            psi += (ai - ei) * Math.log(ai / ei);
        }
        return psi;
    }

    /** Jensen–Shannon divergence, base 2, of two share maps (missing values have share 0). */
    public static double jensenShannon(Map<String, Double> current, Map<String, Double> reference) {
        Map<String, Double> mid = new HashMap<>();
        current.forEach((k, v) -> mid.merge(k, v / 2, Double::sum));
        reference.forEach((k, v) -> mid.merge(k, v / 2, Double::sum));
        return (kl(current, mid) + kl(reference, mid)) / 2;
    }

    /** Chi-square per row of current shares against reference shares; reference shares below 1e-4 count as 1e-4. */
    public static double chiSquare(Map<String, Double> current, Map<String, Double> reference) {
        TreeSet<String> keys = new TreeSet<>(current.keySet());
        keys.addAll(reference.keySet());
        double sum = 0;
        for (String k : keys) {
            double a = current.getOrDefault(k, 0.0);
            double e = Math.max(reference.getOrDefault(k, 0.0), FLOOR);
            sum += (a - e) * (a - e) / e;
        }
        return sum;
    }

    /** The shares of a quantile grid's points in the bins (-inf, e1], (e1, e2], ..., (ek, inf). */
    private static double[] binShares(double[] quantiles, TreeSet<Double> edges) {
        List<Double> cuts = new ArrayList<>(edges);
        double[] shares = new double[cuts.size() + 1];
        for (double q : quantiles) {
            int bin = 0;
            while (bin < cuts.size() && q > cuts.get(bin)) {
                bin++;
            }
            shares[bin] += 1.0 / quantiles.length;
        }
        return shares;
    }

    private static double kl(Map<String, Double> p, Map<String, Double> m) {
        double sum = 0;
        for (Map.Entry<String, Double> e : p.entrySet()) {
            if (e.getValue() > 0) {
                sum += e.getValue() * Math.log(e.getValue() / m.get(e.getKey())) / Math.log(2);
            }
        }
        return sum;
    }
}
