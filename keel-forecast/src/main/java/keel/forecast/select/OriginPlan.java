package keel.forecast.select;

/**
 * Where the backtest origins go. Origins end at the last possible one (n − horizon) and are spread
 * backwards as far apart as the data allow, up to one horizon apart (non-overlapping windows give
 * more independent errors), keeping at least half the series, or failing that the minimum training
 * length, before the earliest origin.
 */
final class OriginPlan {
    private OriginPlan() {
    }

    /**
     * Training lengths, newest origin first, or an empty array when fewer than {@code minOrigins}
     * fit.
     */
    static int[] trainingLengths(int n, int horizon, int maxOrigins, int minOrigins, int minTraining) {
        int preferredMin = Math.max(minTraining, (n + 1) / 2);
        int usable = n - horizon - preferredMin + 1;
        if (usable < maxOrigins) {
            usable = Math.min(maxOrigins, n - horizon - minTraining + 1);
        }
        int count = Math.min(maxOrigins, usable);
        if (count < Math.max(1, minOrigins)) {
            return new int[0];
        }
        int step = count == 1 ? 1 : Math.max(1, Math.min(horizon, (usable - 1) / (count - 1)));
        int[] lengths = new int[count];
        for (int o = 0; o < count; o++) {
            lengths[o] = n - horizon - o * step;
        }
        return lengths;
    }

    /** The least series length that gives {@code minOrigins} origins. */
    static int minimumLength(int horizon, int minOrigins, int minTraining) {
        return minTraining + horizon + Math.max(1, minOrigins) - 1;
    }
}
