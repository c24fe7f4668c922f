package keel.forecast.arima;

/**
 * keel-bench's door to the package-private ARIMA kernels, for the JMH benchmarks in
 * {@code keel.bench.jmh}. It lives in keel-forecast's package but ships in keel-bench, so keel-forecast
 * keeps its small public surface. One order on one series: the CSS objective, the exact likelihood
 * by the Chandrasekhar recursions (the optimiser's) and by R's Kalman filter (the final pass), a
 * central-difference BFGS minimisation of the CSS objective, and the whole CSS-ML fit.
 */
public final class ArimaKernels {
    private final double[] x;
    private final ArimaOrder order;
    private final double[] phi;
    private final double[] theta;
    private final double[] differenced;
    private final double[] residuals;
    private final int ncond;
    private final StateSpace kalman;

    private ArimaKernels(double[] x, ArimaOrder order, double[] coefficients) {
        this.x = x;
        this.order = order;
        this.phi = Reparametrisation.expandAr(coefficients, order);
        this.theta = Reparametrisation.expandMa(coefficients, order);
        double[] w = ConditionalSumOfSquares.difference(x, order.d(), order.seasonalD(), order.period());
        int lag = order.d() + order.seasonalD() * order.period();
        this.differenced = java.util.Arrays.copyOfRange(w, lag, w.length);
        this.residuals = new double[x.length];
        this.ncond = lag + phi.length;
        this.kalman = new StateSpace(phi, theta, Reparametrisation.delta(order));
    }

    /**
     * ARIMA(p,d,q)(P,D,Q)_m on {@code x} at fixed coefficients (layout ar, ma, sar, sma; stationary
     * and invertible, e.g. a fit's).
     */
    public static ArimaKernels of(double[] x, int[] pdq, int[] seasonalPdq, int period, double[] coefficients) {
        ArimaOrder o = new ArimaOrder(pdq[0], pdq[1], pdq[2], seasonalPdq[0], seasonalPdq[1], seasonalPdq[2], period);
        return new ArimaKernels(x, o, coefficients.clone());
    }

    /** The CSS mean square (R ARIMA_CSS) on the differenced series. */
    public double css() {
        return ConditionalSumOfSquares.meanSquare(ConditionalSumOfSquares.difference(x, order.d(), order.seasonalD(),
                order.period()), phi, theta, ncond, residuals);
    }

    /** {ssq, sumlog, nu} of the ARMA likelihood of the differenced series by the Chandrasekhar recursions. */
    public double[] chandrasekhar() {
        return Chandrasekhar.likelihood(phi, theta, differenced);
    }

    /** R's Kalman filter (ARIMA_Like, diffuse prior for the differences): ssq / nu. */
    public double kalman() {
        StateSpace.Pass pass = kalman.filter(x, false);
        return pass.ssq / pass.nu;
    }

    /** BFGS (R optim, numeric gradient) on the CSS objective from zeros; the minimum found. */
    public double bfgsCss() {
        int k = order.armaCount();
        int lag = order.d() + order.seasonalD() * order.period();
        int nc = lag + order.p() + order.period() * order.seasonalP();
        double[] w = ConditionalSumOfSquares.difference(x, order.d(), order.seasonalD(), order.period());
        double[] buffer = new double[x.length];
        Bfgs.Objective css = par -> 0.5 * Math.log(ConditionalSumOfSquares.meanSquare(w,
                Reparametrisation.expandAr(par, order), Reparametrisation.expandMa(par, order), nc, buffer));
        double[] scale = new double[k];
        java.util.Arrays.fill(scale, 1.0);
        return new Bfgs(css, scale).minimise(new double[k], 100).value();
    }

    /** The whole CSS-ML fit of this order without a constant, as auto.arima's refit does; its AICc. */
    public double fit() throws Exception {
        return ArimaEstimator.fit(x, order, false, ArimaFit.Method.CSS_ML, 0, Double.NaN).aicc;
    }
}
