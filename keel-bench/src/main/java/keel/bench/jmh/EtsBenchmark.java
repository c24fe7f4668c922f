package keel.bench.jmh;

import java.util.concurrent.TimeUnit;
import keel.forecast.ets.EtsKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** ETS inner loops on one model and a fixed 1,000-point series with season 12: one likelihood, one fit. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EtsBenchmark {
    @Param({"ANN", "MAdN", "AAA"})
    public String model;

    private EtsKernels kernels;

    @Setup
    public void setUp() {
        kernels = EtsKernels.of(SeriesFixture.series(1000, 12, 7), 12, model);
    }

    /** One evaluation of the −2 log-likelihood at R's starting values (one pass of the recursion). */
    @Benchmark
    public double likelihood() {
        return kernels.likelihood();
    }

    /** R's Nelder–Mead fit of the model (hundreds of likelihood evaluations). */
    @Benchmark
    public double nelderMeadFit() {
        return kernels.fit();
    }
}
