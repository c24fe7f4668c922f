package keel.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code keel} command line. */
@Command(name = "keel", mixinStandardHelpOptions = true, version = "keel 0.1.0",
        description = "Runs recurring planning decisions accountably: contracts, forecasts, policies, review, ledger, outcomes.")
public final class KeelCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new KeelCommand()).execute(args));
    }
}
