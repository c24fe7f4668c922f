package keel.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code keel} command line. */
@Command(name = "keel", mixinStandardHelpOptions = true, version = "keel 0.1.0",
        description = "Runs recurring planning decisions accountably: contracts, forecasts, policies, review, ledger, outcomes.",
        subcommands = {DemoCommand.class, IngestCommand.class, CycleCommand.class, ReviewCommand.class, ForecastCommand.class,
            VerifyCommand.class, ServeCommand.class, ExportCommand.class, ImportCommand.class, ContractCommand.class,
            QuarantineCommand.class})
public final class KeelCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The command line, with errors in bad arguments or input reported in one line, not a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new KeelCommand());
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                command.getErr().println("keel: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        cli.setErr(new PrintWriter(System.err, true));
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
