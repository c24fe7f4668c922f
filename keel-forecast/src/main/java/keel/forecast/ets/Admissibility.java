package keel.forecast.ets;

/**
 * Parameter checks of R's {@code etsTargetFunction.cpp}: the "usual" box (with β ≤ α and γ ≤ 1 − α)
 * and the admissible (forecastable) region of HKOS 2008 ch. 10, where the seasonal root condition
 * is decided by a Schur–Cohn step-down test instead of polynomial root finding.
 */
final class Admissibility {
    private Admissibility() {}

    /** lower/upper are (α, β, γ, φ); NaN for a parameter the model does not have. */
    static boolean usual(double alpha, double beta, double gamma, double phi, double[] lower, double[] upper) {
        if (alpha < lower[0] || alpha > upper[0]) return false;
        if (!Double.isNaN(beta) && (beta < lower[1] || beta > alpha || beta > upper[1])) return false;
        if (!Double.isNaN(phi) && (phi < lower[3] || phi > upper[3])) return false;
        return Double.isNaN(gamma) || (gamma >= lower[2] && gamma <= 1 - alpha && gamma <= upper[2]);
    }

    /**
     * HKOS ch. 10 admissibility; beta NaN means no trend, gamma NaN means no season, phi is 1 when
     * not damped.
     */
    static boolean admissible(double alpha, double beta, double gamma, double phi, int m, double[] work) {
        if (phi < 0 || phi > 1 + 1e-8) return false;
        if (Double.isNaN(gamma)) {
            if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
            return Double.isNaN(beta) || (beta >= alpha * (phi - 1) && beta <= (1 + phi) * (2 - alpha));
        }
        if (m <= 1) return true;
        double b = Double.isNaN(beta) ? 0 : beta;
        if (gamma < Math.max(1 - 1 / phi - alpha, 0.0) || gamma > 1 + 1 / phi - alpha) return false;
        if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m)) return false;
        if (b < -(1 - phi) * (gamma / m + alpha)) return false;
        return rootsInsideUnitCircle(alpha, b, gamma, phi, m, work);
    }

    /**
     * Whether every root of z^{m+1} + (α+β−φ)z^m + (α+β−αφ)(z^{m−1}+…+z²) + (α+β−αφ+γ−1)z +
     * φ(1−α−γ) has modulus ≤ 1 + 1e−10 (R's tolerance), by the Schur–Cohn (Levinson step-down)
     * recursion on the polynomial with z scaled by 1 + 1e−10. {@code work} needs m + 2 elements.
     */
    static boolean rootsInsideUnitCircle(double alpha, double beta, double gamma, double phi, int m, double[] work) {
        int degree = m + 1;
        double[] c = work;
        c[0] = 1;
        c[1] = alpha + beta - phi;
        for (int i = 2; i <= m - 1; i++) c[i] = alpha + beta - alpha * phi;
        c[m] = alpha + beta - alpha * phi + gamma - 1;
        c[m + 1] = phi * (1 - alpha - gamma);
        double scale = 1 / (1 + 1e-10);
        double power = 1;
        for (int i = 1; i <= degree; i++) {
            power *= scale;
            c[i] *= power;
        }
        for (int k = degree; k >= 1; k--) {
            double reflection = c[k];
            if (!(Math.abs(reflection) < 1)) return false;
            double denominator = 1 - reflection * reflection;
            for (int i = 1, j = k - 1; i <= j; i++, j--) {
                double ci = c[i];
                double cj = c[j];
                c[i] = (ci - reflection * cj) / denominator;
                c[j] = (cj - reflection * ci) / denominator;
            }
        }
        return true;
    }
}
