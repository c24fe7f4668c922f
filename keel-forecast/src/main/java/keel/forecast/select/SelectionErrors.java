package keel.forecast.select;

/**
 * The backtest errors of the selection procedure itself, not of its winner. The winner is the
 * candidate whose errors happened to be smallest on these origins, so its own errors understate
 * what it will do next (on synthetic intermittent demand its 0.95 and 0.99 total quantiles covered
 * only 0.94 and 0.97). Leave-one-origin-out: at each origin, the candidate the other origins would
 * have chosen, by the same criterion and tie rule, and that candidate's errors at this origin.
 */
final class SelectionErrors {
    private final double[][] errors;
    private final double[] totalErrors;

    private SelectionErrors(double[][] errors, double[] totalErrors) {
        this.errors = errors;
        this.totalErrors = totalErrors;
    }

    /** @param backtests null for a candidate that failed; {@code excluded} marks others to leave out */
    static SelectionErrors of(Backtest[] backtests, boolean[] excluded) {
        int c = backtests.length;
        int origins = 0;
        int horizon = 0;
        for (Backtest bt : backtests) {
            if (bt != null) {
                origins = bt.origins();
                horizon = bt.horizon();
            }
        }
        double[][] absSum = new double[c][];
        int[] count = new int[c];
        double[] sum = new double[c];
        for (int i = 0; i < c; i++) {
            if (!excluded[i]) {
                absSum[i] = new double[origins];
                for (int o = 0; o < origins; o++) {
                    double e = Math.abs(backtests[i].totalError(o));
                    absSum[i][o] = e;
                    if (e == e) {
                        sum[i] += e;
                        count[i]++;
                    }
                }
            }
        }
        double[][] errors = new double[origins][horizon];
        double[] totals = new double[origins];
        double[] scores = new double[c];
        for (int o = 0; o < origins; o++) {
            for (int i = 0; i < c; i++) {
                scores[i] = excluded[i] ? Double.NaN : leaveOut(sum[i], count[i], absSum[i][o]);
            }
            int pick = AutoForecaster.best(scores, excluded);
            for (int h = 0; h < horizon; h++) {
                errors[o][h] = pick < 0 ? Double.NaN : backtests[pick].error(o, h);
            }
            totals[o] = pick < 0 ? Double.NaN : backtests[pick].totalError(o);
        }
        return new SelectionErrors(errors, totals);
    }

    private static double leaveOut(double sum, int count, double atOrigin) {
        if (atOrigin != atOrigin) {
            return count == 0 ? Double.NaN : sum / count;
        }
        return count <= 1 ? Double.NaN : (sum - atOrigin) / (count - 1);
    }

    /** Mean squared total error over the origins where it is known; NaN if none. */
    double totalMse() {
        return meanSquare(totalErrors, -1);
    }

    /** Mean squared error at zero-based step {@code h}; NaN if none. */
    double stepMse(int h) {
        return meanSquare(null, h);
    }

    /** Origins with a known error at step {@code h}. */
    int stepCount(int h) {
        int n = 0;
        for (double[] row : errors) {
            n += row[h] == row[h] ? 1 : 0;
        }
        return n;
    }

    private double meanSquare(double[] totals, int h) {
        double s = 0;
        int n = 0;
        for (int o = 0; o < errors.length; o++) {
            double e = totals != null ? totals[o] : errors[o][h];
            if (e == e) {
                s += e * e;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }
}
