package keel.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code keel-bench} command line: {@code accuracy}, {@code speed} and {@code jmh} subcommands. */
@Command(name = "keel-bench", mixinStandardHelpOptions = true,
        description = "Accuracy and speed benchmarks of keel-forecast on public competition data.",
        subcommands = {AccuracyBenchmark.class, SpeedBenchmark.class, JmhCommand.class})
public final class BenchCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
