package keel.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import keel.core.ledger.EventType;
import keel.core.review.Status;
import keel.store.jdbc.ReportQueries;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is still open at its deadline gets the decision type's on-expiry rule, on the record. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeadlineSweeperTest {
    @TempDir
    Path dir;

    @Test
    void open_recommendations_past_their_deadline_expire_and_the_rest_stay_open() throws Exception {
        try (TestHome home = new TestHome(dir)) {
            DeadlineSweeper sweeper = new DeadlineSweeper(home.ws, java.time.Clock.systemUTC(), new PrintStream(PrintStream.nullOutputStream()));
            Instant deadline = TestHome.AS_OF.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(48 * 3600);

            int before = sweeper.sweep(deadline.minusSeconds(1));
            int after = sweeper.sweep(deadline.plusSeconds(60));

            assertThat(before).isZero();
            assertThat(after).isEqualTo(2 * (TestHome.AWAITING + TestHome.ESCALATED));
            assertThat(home.ws.store().recommendation(TestHome.awaiting(TestHome.ONLINE, 0)).orElseThrow().status())
                    .isEqualTo(Status.EXPIRED);
            assertThat(new ReportQueries(home.ws.store()).ledger(1, Optional.empty()).get(0).type())
                    .isEqualTo(EventType.DEADLINE_PASSED);
            assertThat(home.ws.store().ledger().verify().intact()).isTrue();
        }
    }
}
