package keel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ContractBenchmarkTest {
    @TempDir Path dir;

    @Test
    void a_small_run_prints_every_step_beside_the_bare_read_and_the_defects_it_quarantined() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream before = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            // past row 100,003 and 100,019: the generator's first defects ('-1' units, 'three')
            code = KeelCommand.commandLine().execute("contract", "benchmark", "--rows", "200030", "--dir",
                    dir.toString(), "--memory-mb", "512");
        } finally {
            System.setOut(before);
        }

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        for (String step : new String[] {"bare read_csv + count(*)", "contract check (dry run)",
            "contract ingest (+ Parquet)", "reference: read every value", "reference: distinct key hashes"}) {
            assertThat(text).containsPattern("(?m)^" + java.util.regex.Pattern.quote(step) + " +[0-9.]+ +[0-9,]+ +[0-9]+%");
        }
        assertThat(text).contains("200,030 rows");
        assertThat(text).containsPattern("check: .*quarantined");
    }
}
