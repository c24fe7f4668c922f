package keel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** {@code keel serve} refuses bad arguments in one line that names the option, the value and the range. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServeCommandTest {
    @Test
    void a_port_out_of_range_is_refused_with_the_range() {
        StringWriter err = new StringWriter();
        var cli = KeelCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("serve", "--port", "70000");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--port was 70000; expected 0 to 65535");
    }

    @Test
    void serve_is_listed_in_the_help() {
        StringWriter out = new StringWriter();
        var cli = KeelCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));

        cli.execute("--help");

        assertThat(out.toString()).contains("serve");
    }
}
