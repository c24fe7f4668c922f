package keel.forecast.theta;

import java.util.SplittableRandom;

/** Standard normal draws by Marsaglia's polar method. */
final class Gaussians {
    private Gaussians() {}

    static double next(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
