package keel.core.policy;

final class Alphas {
    private Alphas() {}

    static void check(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("quantile level was " + alpha + "; expected a probability in (0, 1)");
        }
    }
}
