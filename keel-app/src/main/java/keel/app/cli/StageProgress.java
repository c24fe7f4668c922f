package keel.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import keel.app.workspace.Workspace;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar over the stages of an ingest, shown only for large files (DuckDB reports no row progress). */
final class StageProgress implements Workspace.Progress, AutoCloseable {
    private static final long LARGE_FILE_BYTES = 64L << 20;
    private static final int STAGES = 3;

    private final ProgressBar bar;

    private StageProgress(ProgressBar bar) {
        this.bar = bar;
    }

    static StageProgress forFile(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = 0;
        }
        if (size < LARGE_FILE_BYTES) {
            return new StageProgress(null);
        }
        boolean terminal = System.console() != null;
        return new StageProgress(new ProgressBarBuilder().setTaskName(file.getFileName().toString())
                .setInitialMax(STAGES).setUnit(" stages", 1)
                .setStyle(terminal ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(terminal ? 200 : 60_000).continuousUpdate().build());
    }

    @Override
    public void stage(String stage) {
        if (bar == null) return;
        if (bar.getCurrent() > 0 || !stage.equals("checking rows")) bar.step();
        bar.setExtraMessage(stage);
    }

    @Override
    public void close() {
        if (bar == null) return;
        bar.stepTo(STAGES);
        bar.close();
    }
}
