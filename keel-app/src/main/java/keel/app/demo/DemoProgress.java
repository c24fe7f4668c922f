package keel.app.demo;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars that degrade to plain ASCII when output is not a terminal. */
final class DemoProgress {
    private DemoProgress() {
    }

    static ProgressBar bar(String task, int steps, PrintStream out) {
        boolean terminal = System.console() != null;
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(steps).setUnit(" cycles", 1)
                .setStyle(terminal ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(out)).setUpdateIntervalMillis(terminal ? 200 : 60_000)
                .continuousUpdate().build();
    }
}
