package keel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import java.util.function.ToDoubleFunction;

/** Synthetic weekly-style series (random walks) in M4's long layout, for the benchmark command tests. */
final class SyntheticWeekly {
    private SyntheticWeekly() {}

    /**
     * Writes {@code m4/m4_weekly_train.csv}, {@code m4_weekly_test.csv} and {@code m4_meta.csv} under {@code dir}:
     * series W1 to W{@code count}, series s with {@code length(s)} training points and 13 test points, a walk from
     * {@code start} by {@code step} drawn from one generator seeded {@code seed}.
     *
     * @return the {@code m4} folder
     */
    static Path write(Path dir, int count, IntUnaryOperator length, double start,
            ToDoubleFunction<SplittableRandom> step, long seed) throws IOException {
        Path m4 = Files.createDirectories(dir.resolve("m4"));
        StringBuilder train = new StringBuilder("series_id,t,value\n");
        StringBuilder test = new StringBuilder("series_id,t,value\n");
        StringBuilder meta = new StringBuilder("series_id,frequency,seasonal_period,horizon,n_train\n");
        SplittableRandom random = new SplittableRandom(seed);
        for (int s = 1; s <= count; s++) {
            int n = length.applyAsInt(s);
            double level = start;
            for (int t = 1; t <= n + 13; t++) {
                level += step.applyAsDouble(random);
                (t <= n ? train : test).append("W").append(s).append(',').append(t).append(',').append(level).append('\n');
            }
            meta.append("W").append(s).append(",Weekly,1,13,").append(n).append('\n');
        }
        Files.writeString(m4.resolve("m4_weekly_train.csv"), train);
        Files.writeString(m4.resolve("m4_weekly_test.csv"), test);
        Files.writeString(m4.resolve("m4_meta.csv"), meta);
        return m4;
    }
}
