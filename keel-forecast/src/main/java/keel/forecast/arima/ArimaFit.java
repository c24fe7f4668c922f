package keel.forecast.arima;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import keel.forecast.ForecastException;
import keel.forecast.Series;

/**
 * A fitted seasonal ARIMA model: coefficients, innovation variance, likelihood, information criteria
 * and the filtered state to forecast from. Immutable and thread-safe (the state of a CSS fit is
 * filtered once, on first use).
 *
 * <p>Criteria follow R {@code forecast:::myarima} (Hyndman & Khandakar 2008): with k = estimated
 * coefficients + 1 and n* = n - d - mD, AIC = -2 log L + 2k, AICc = AIC + 2k(k+1)/(n*-k-1), BIC =
 * AIC + k(log n* - 2). For a CSS fit (used while searching with the approximation) AIC = offset + n*
 * log sigma^2_CSS + 2k. {@link #sigma2()} is the bias-adjusted sum of squared residuals / (n* - k +
 * 1) that intervals use.
 */
public final class ArimaFit {
    /** How the fit was estimated, as R {@code arima(method = ...)}. */
    public enum Method { CSS, CSS_ML, ML }

    /** The constant term: none, a mean (d + D = 0) or a drift (d + D = 1). */
    public enum Constant { NONE, MEAN, DRIFT }

    final ArimaOrder order;
    final Constant constant;
    final Method method;
    final double[] coef;
    final double sigma2Raw;
    final double loglik;
    final double aic;
    final double aicc;
    final double bic;
    final double sigma2;
    final int estimated;
    /** False for a CSS fit whose optimisation reached maxit or was given up by the search shortcut. */
    final boolean converged;
    private final ArimaEstimator.CovarianceCheck check;
    private final double[] series;
    private StateSpace model;
    private double[] stateA;
    private double[] stateP;

    /** criteria = {aic, aicc, bic, adjusted sigma^2}. */
    ArimaFit(ArimaOrder order, Constant constant, ArimaEstimator.Estimate e, double[] criteria, double[] series) {
        this.order = order;
        this.constant = constant;
        this.method = e.method();
        this.coef = e.coef();
        this.sigma2Raw = e.sigma2Raw();
        this.loglik = e.loglik();
        this.estimated = e.estimated();
        this.converged = e.converged();
        this.check = e.check();
        this.aic = criteria[0];
        this.aicc = criteria[1];
        this.bic = criteria[2];
        this.sigma2 = criteria[3];
        this.series = series;
        if (e.state() != null) {
            this.model = e.model();
            this.stateA = e.state().a;
            this.stateP = e.state().pMat;
        }
    }

    /**
     * Fits one given order by CSS-ML (ML when the series has gaps), as R
     * {@code forecast::Arima(x, order, seasonal, include.constant = withConstant)}: with a constant the
     * model carries a mean when d + D = 0 and a drift when d + D = 1.
     *
     * @throws ForecastException when R's arima would stop (non-stationary CSS start, singular
     *     Hessian, non-finite likelihood) or the series is too short
     */
    public static ArimaFit fit(Series series, ArimaOrder order, boolean withConstant) {
        if (order.period() != series.seasonalPeriod() && order.period() > 1) {
            throw new IllegalArgumentException("series " + series.id() + " has period " + series.seasonalPeriod()
                    + " but the order " + order.text() + " has period " + order.period());
        }
        try {
            return ArimaEstimator.fit(series.values(), order, withConstant, Method.CSS_ML, 0, Double.NaN);
        } catch (ArimaEstimator.FitFailure e) {
            throw new ForecastException(series.id(), order.text() + ": " + e.getMessage(), e);
        }
    }

    /** The fitted order. */
    public ArimaOrder order() { return order; }

    /** The constant term the model carries (its value is the last coefficient). */
    public Constant constant() { return constant; }

    /** CSS-ML normally; ML when the series has gaps; CSS only for approximate search candidates. */
    public Method method() { return method; }

    /** Log-likelihood (for a CSS fit: the CSS approximation R reports). */
    public double loglik() { return loglik; }

    /** AIC = -2 log L + 2k (k = estimated coefficients + 1); +Infinity when undefined. */
    public double aic() { return aic; }

    /** AICc = AIC + 2k(k+1)/(n* - k - 1), the criterion auto.arima minimises. */
    public double aicc() { return aicc; }

    /** BIC = AIC + k(log n* - 2). */
    public double bic() { return bic; }

    /** Innovation variance used for intervals: sum of squared residuals / (n* - k + 1). */
    public double sigma2() { return sigma2; }

    /** Coefficients in R's order ar1..arp, ma1..maq, sar1.., sma1.., then intercept or drift. */
    public double[] coefficients() { return coef.clone(); }

    /** Coefficients by R's names (ar1, ma1, sar1, sma1, intercept, drift). */
    public Map<String, Double> namedCoefficients() {
        Map<String, Double> m = new LinkedHashMap<>();
        int k = 0;
        for (int i = 1; i <= order.p(); i++) m.put("ar" + i, coef[k++]);
        for (int i = 1; i <= order.q(); i++) m.put("ma" + i, coef[k++]);
        for (int i = 1; i <= order.seasonalP(); i++) m.put("sar" + i, coef[k++]);
        for (int i = 1; i <= order.seasonalQ(); i++) m.put("sma" + i, coef[k++]);
        if (constant == Constant.MEAN) m.put("intercept", coef[k]);
        if (constant == Constant.DRIFT) m.put("drift", coef[k]);
        return m;
    }

    /** R-like one-line summary, e.g. {@code ARIMA(0,1,1)(0,1,1)[12] AICc=-483.40}. */
    public String text() {
        String c = constant == Constant.MEAN ? " with non-zero mean" : constant == Constant.DRIFT ? " with drift" : "";
        return order.text() + c + String.format(Locale.ROOT, " AICc=%.2f", aicc);
    }

    /** forecast:::checkarima: the coefficient covariance has a negative or NaN variance. */
    boolean badCovariance() {
        return check != null && check.bad();
    }

    double regression(int t) {
        if (constant == Constant.MEAN) return coef[coef.length - 1];
        if (constant == Constant.DRIFT) return coef[coef.length - 1] * (t + 1);
        return 0.0;
    }

    /**
     * Point forecasts and forecast variances for steps 1..h (R {@code predict.Arima}).
     *
     * @return {mean[h], variance[h]}
     */
    public double[][] forecast(int h) {
        StateSpace ss;
        double[] a;
        double[] pm;
        synchronized (this) {
            if (stateA == null) filterState();
            ss = model;
            a = stateA;
            pm = stateP;
        }
        double[][] f = ss.forecast(a, pm, h);
        for (int i = 0; i < h; i++) {
            f[0][i] += regression(series.length + i);
            f[1][i] *= sigma2;
        }
        return f;
    }

    private void filterState() {
        double[] phi = Reparametrisation.expandAr(coef, order);
        double[] theta = Reparametrisation.expandMa(coef, order);
        model = new StateSpace(phi, theta, Reparametrisation.delta(order));
        double[] y = new double[series.length];
        for (int t = 0; t < y.length; t++) y[t] = series[t] - regression(t);
        StateSpace.Pass pass = model.filter(y, true);
        stateA = pass.a;
        stateP = pass.pMat;
    }

    @Override
    public String toString() {
        return text() + " coef=" + Arrays.toString(coef) + " sigma2=" + sigma2 + " loglik=" + loglik;
    }
}
