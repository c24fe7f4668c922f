package keel.bench.jmh;

import java.util.concurrent.TimeUnit;
import keel.forecast.arima.ArimaKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * ARIMA inner loops for one order on a fixed series: the CSS objective, the exact likelihood by
 * Chandrasekhar (the optimiser's) and by R's Kalman filter, a BFGS minimisation of CSS, and a whole
 * CSS-ML fit. {@code weekly}: ARIMA(2,1,2) on 1,000 points; {@code hourly}: ARIMA(2,0,1)(1,1,1)[24] on 700.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ArimaBenchmark {
    @Param({"weekly", "hourly"})
    public String shape;

    private ArimaKernels kernels;

    @Setup
    public void setUp() {
        kernels = shape.equals("weekly")
                ? ArimaKernels.of(SeriesFixture.series(1000, 1, 11), new int[] {2, 1, 2}, new int[] {0, 0, 0}, 1,
                        new double[] {0.5, -0.2, 0.3, 0.1})
                : ArimaKernels.of(SeriesFixture.series(700, 24, 13), new int[] {2, 0, 1}, new int[] {1, 1, 1}, 24,
                        new double[] {0.5, -0.2, 0.3, 0.2, -0.6});
    }

    @Benchmark
    public double css() {
        return kernels.css();
    }

    @Benchmark
    public double[] chandrasekhar() {
        return kernels.chandrasekhar();
    }

    @Benchmark
    public double kalman() {
        return kernels.kalman();
    }

    @Benchmark
    public double bfgsCss() {
        return kernels.bfgsCss();
    }

    @Benchmark
    public double fit() throws Exception {
        return kernels.fit();
    }
}
