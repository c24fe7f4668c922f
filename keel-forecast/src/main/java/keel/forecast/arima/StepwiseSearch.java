package keel.forecast.arima;

import keel.forecast.arima.ArimaEstimator.FitFailure;
import keel.forecast.arima.ArimaFit.Method;

/**
 * One run of R {@code auto.arima}'s body for one series: differencing orders, the CSS offset, the
 * stepwise neighbourhood search (Hyndman & Khandakar 2008, §3.2; {@code forecast/R/newarima2.R})
 * and the ML refit after an approximate search. Used by one thread, once.
 *
 * <p>Beyond R: the ML refit starts from the candidate's converged CSS fit (R repeats that CSS fit;
 * same numbers), and with {@link AutoArima.Options#giveUpRatio()} > 0 each candidate's CSS fit is
 * told the criterion it must beat, so that it can stop early ({@link ArimaEstimator.Shortcut}).
 */
final class StepwiseSearch {
    private static final int MAX_P = 5, MAX_Q = 5, MAX_SP = 2, MAX_SQ = 2, MAX_D = 2, MAX_SD = 1;
    private static final int NMODELS = 94;
    private final double[] x;
    final int n;
    int m;
    int d;
    int bigD;
    int maxp = MAX_P, maxq = MAX_Q, maxP = MAX_SP, maxQ = MAX_SQ;
    boolean useAic;
    boolean approx;
    double offset;
    final int[][] rows = new int[NMODELS + 1][];
    final double[] ics = new double[NMODELS + 1];
    private final ArimaFit[] fits = new ArimaFit[NMODELS + 1];
    private final boolean[] checked = new boolean[NMODELS + 1];
    int k;
    ArimaFit best;
    double bestIc = Double.POSITIVE_INFINITY;
    private double minRootModulus = AutoArima.Options.R_MIN_ROOT_MODULUS;
    private double giveUpRatio;

    StepwiseSearch(double[] x, int period, int n) {
        this.x = x;
        this.n = n;
        this.m = Math.max(1, period);
        maxp = Math.min(maxp, n / 3);
        maxq = Math.min(maxq, n / 3);
        maxP = Math.min(maxP, n / 3 / m);
        maxQ = Math.min(maxQ, n / 3 / m);
        useAic = n <= 3;
    }

    void chooseDifferences() {
        if (m == 1) {
            bigD = 0;
            maxP = 0;
            maxQ = 0;
        } else if (x.length <= 2 * m) {
            bigD = 0;
        } else {
            bigD = Differencing.nsdiffs(x, m, MAX_SD);
        }
        double[] dx = bigD > 0 ? Differencing.diff(x, m) : x;
        d = Differencing.ndiffs(dx, MAX_D);
    }

    double[] differenced() {
        double[] dx = bigD > 0 ? Differencing.diff(x, m) : x;
        for (int i = 0; i < d; i++) dx = Differencing.diff(dx, 1);
        return dx;
    }

    ArimaOrder order(int p, int q, int sp, int sq) {
        return new ArimaOrder(p, d, q, m > 1 ? sp : 0, m > 1 ? bigD : 0, m > 1 ? sq : 0, m);
    }

    ArimaFit polynomialModel(double[] dx) throws FitFailure {
        double mean = 0;
        int cnt = 0;
        for (double v : dx) {
            if (!Double.isNaN(v)) {
                mean += v;
                cnt++;
            }
        }
        mean /= cnt;
        ArimaOrder o = order(0, 0, 0, 0);
        if (bigD > 0 && d == 0) return ArimaEstimator.fit(x, o, true, Method.CSS_ML, 0, mean / m);
        if (d < 2 && bigD == 0) return ArimaEstimator.fit(x, o, true, Method.CSS_ML, 0, mean);
        return ArimaEstimator.fit(x, o, false, Method.CSS_ML, 0, Double.NaN);
    }

    void run(AutoArima.Options options) {
        minRootModulus = options.minRootModulus();
        giveUpRatio = options.giveUpRatio();
        AutoArima.Approximation mode = options.approximation();
        approx = switch (mode) {
            case AUTO -> x.length > 150 || m > 12;
            case ALWAYS -> true;
            case NEVER -> false;
        };
        if (m > 1) {
            if (maxP > 0) maxp = Math.min(maxp, m - 1);
            if (maxQ > 0) maxq = Math.min(maxq, m - 1);
        }
        if (approx) {
            try {
                ArimaFit f = ArimaEstimator.fit(x, order(0, 0, 0, 0), d + bigD == 0, Method.CSS_ML, 0, Double.NaN);
                offset = -2 * f.loglik - n * Math.log(f.sigma2Raw);
            } catch (FitFailure e) {
                offset = 0;
            }
        }
        boolean allowDrift = options.allowDrift() && d + bigD == 1;
        boolean allowMean = options.allowMean() && d + bigD == 0;
        boolean constant = allowDrift || allowMean;
        int startp = 2, startq = 2, startP = 1, startQ = 1;
        if (x.length < 10) {
            startp = 1;
            startq = 1;
            startP = 0;
            startQ = 0;
        }
        int p = Math.min(startp, maxp), q = Math.min(startq, maxq);
        int bp = Math.min(startP, maxP), bq = Math.min(startQ, maxQ);
        consider(p, q, bp, bq, constant, true);
        if (consider(0, 0, 0, 0, constant, false)) {
            p = q = bp = bq = 0;
        }
        if (maxp > 0 || maxP > 0) {
            int ap = maxp > 0 ? 1 : 0, aP = m > 1 && maxP > 0 ? 1 : 0;
            if (consider(ap, 0, aP, 0, constant, false)) {
                p = ap;
                bp = aP;
                q = bq = 0;
            }
        }
        if (maxq > 0 || maxQ > 0) {
            int aq = maxq > 0 ? 1 : 0, aQ = m > 1 && maxQ > 0 ? 1 : 0;
            if (consider(0, aq, 0, aQ, constant, false)) {
                p = bp = 0;
                bq = aQ;
                q = aq;
            }
        }
        if (constant && consider(0, 0, 0, 0, false, false)) {
            p = q = bp = bq = 0;
        }
        int startk = 0;
        outer:
        while (startk < k && k < NMODELS) {
            startk = k;
            int[][] moves = {
                {0, 0, -1, 0}, {0, 0, 0, -1}, {0, 0, 1, 0}, {0, 0, 0, 1},
                {0, 0, -1, -1}, {0, 0, -1, 1}, {0, 0, 1, -1}, {0, 0, 1, 1},
                {-1, 0, 0, 0}, {0, -1, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0},
                {-1, -1, 0, 0}, {-1, 1, 0, 0}, {1, -1, 0, 0}, {1, 1, 0, 0}};
            for (int[] mv : moves) {
                int np = p + mv[0], nq = q + mv[1], nP = bp + mv[2], nQ = bq + mv[3];
                if (np < 0 || nq < 0 || nP < 0 || nQ < 0 || np > maxp || nq > maxq || nP > maxP || nQ > maxQ) {
                    continue;
                }
                if (!isNew(np, nq, nP, nQ, constant)) continue;
                k++;
                if (k > NMODELS) continue outer;
                if (fitAndRecord(np, nq, nP, nQ, constant)) {
                    p = np;
                    q = nq;
                    bp = nP;
                    bq = nQ;
                    continue outer;
                }
            }
            if ((allowDrift || allowMean) && isNew(p, q, bp, bq, !constant)) {
                k++;
                if (k > NMODELS) continue;
                if (fitAndRecord(p, q, bp, bq, !constant)) constant = !constant;
            }
        }
        if (k > NMODELS) k = NMODELS;
        if (approx && best != null) refit();
    }

    /** Fits an initial model (row k+1); returns true when it beats the best so far. */
    private boolean consider(int p, int q, int sp, int sq, boolean constant, boolean firstModel) {
        k++;
        return fitAndRecord(p, q, sp, sq, constant, firstModel);
    }

    private boolean fitAndRecord(int p, int q, int sp, int sq, boolean constant) {
        return fitAndRecord(p, q, sp, sq, constant, false);
    }

    // R keeps the first model as bestfit whatever its criterion, then adopts strictly better ones.
    private boolean fitAndRecord(int p, int q, int sp, int sq, boolean constant, boolean first) {
        ArimaFit fit = tryFit(p, q, sp, sq, constant, approx);
        double ic = fit == null ? Double.POSITIVE_INFINITY : uncheckedIc(fit);
        boolean contender = first || ic < bestIc;
        if (contender && fit != null && fit.badCovariance()) ic = Double.POSITIVE_INFINITY;
        rows[k - 1] = new int[] {p, q, sp, sq, constant ? 1 : 0};
        ics[k - 1] = ic;
        fits[k - 1] = fit;
        checked[k - 1] = contender;
        if (first || ic < bestIc) {
            best = fit;
            bestIc = ic;
            return !first;
        }
        return false;
    }

    private boolean isNew(int p, int q, int sp, int sq, boolean constant) {
        int c = constant ? 1 : 0;
        for (int i = 0; i < k; i++) {
            int[] r = rows[i];
            if (r[0] == p && r[1] == q && r[2] == sp && r[3] == sq && r[4] == c) return false;
        }
        return true;
    }

    private ArimaFit tryFit(int p, int q, int sp, int sq, boolean constant, boolean css) {
        ArimaEstimator.Shortcut shortcut = css ? new ArimaEstimator.Shortcut(null, bestIc, giveUpRatio)
                : ArimaEstimator.Shortcut.NONE;
        return tryFit(p, q, sp, sq, constant, css, shortcut);
    }

    private ArimaFit tryFit(int p, int q, int sp, int sq, boolean constant, boolean css,
            ArimaEstimator.Shortcut shortcut) {
        try {
            return ArimaEstimator.fit(x, order(p, q, sp, sq), constant, css ? Method.CSS : Method.CSS_ML, offset,
                    Double.NaN, shortcut);
        } catch (FitFailure | RuntimeException e) {
            return null;
        }
    }

    /** myarima's criterion without the covariance check: AICc, or +Inf for a failed fit or a root below the margin (R: 1.01). */
    private double uncheckedIc(ArimaFit f) {
        double v = useAic ? f.aic : f.aicc;
        if (!(v < Double.POSITIVE_INFINITY) || Double.isNaN(v)) return Double.POSITIVE_INFINITY;
        if (AutoArima.minRoot(f) < minRootModulus) return Double.POSITIVE_INFINITY;
        return v;
    }

    /** The criterion myarima assigns: AICc, or +Inf for rejected models. */
    private double ic(ArimaFit f) {
        double v = uncheckedIc(f);
        return v < Double.POSITIVE_INFINITY && f.badCovariance() ? Double.POSITIVE_INFINITY : v;
    }

    /**
     * Refits by ML in increasing order of the CSS criterion (R: {@code order(results[, 8])}, ties and
     * infinities by position) until one fit is accepted. The covariance check of a CSS fit that never
     * was a contender is made only when the fit comes up, and sends it to the infinite group if it fails.
     */
    private void refit() {
        boolean[] done = new boolean[k];
        while (true) {
            int pick = -1;
            for (int i = 0; i < k; i++) {
                if (!done[i] && (pick < 0 || ics[i] < ics[pick])) pick = i;
            }
            if (pick < 0) return;
            if (!checked[pick]) {
                checked[pick] = true;
                if (fits[pick] != null && ics[pick] < Double.POSITIVE_INFINITY && fits[pick].badCovariance()) {
                    ics[pick] = Double.POSITIVE_INFINITY;
                }
                continue;
            }
            done[pick] = true;
            int[] r = rows[pick];
            // the search's CSS fit of this model is the CSS stage of its CSS-ML fit, when it converged
            ArimaFit css = fits[pick];
            double[] cssStart = css != null && css.converged && css.estimated > 0 ? css.coef : null;
            ArimaFit fit = tryFit(r[0], r[1], r[2], r[3], r[4] == 1, false,
                    new ArimaEstimator.Shortcut(cssStart, Double.POSITIVE_INFINITY, 0));
            if (fit != null && ic(fit) < Double.POSITIVE_INFINITY) {
                best = fit;
                bestIc = ic(fit);
                return;
            }
        }
    }
}
