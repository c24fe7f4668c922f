package keel.store.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import keel.core.decision.Period;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DemandHistoryTest {
    static final LocalDate MONDAY = LocalDate.of(2011, 6, 6);

    @TempDir Path dir;

    Path parquet(String name, String rowsSql) throws Exception {
        Path file = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (" + rowsSql + ") TO '" + file + "' (FORMAT parquet)");
        }
        return file;
    }

    Path sales() throws Exception {
        return parquet("sales.parquet", "select * from (values "
                + "('a', DATE '2011-06-06', 3::BIGINT), ('a', DATE '2011-06-08', 4), ('a', DATE '2011-06-21', 5), "
                + "('b', DATE '2011-06-14', 2), ('b', DATE '2011-06-28', 9)) t(item_id, date, units)");
    }

    @Test
    void weeks_without_rows_are_zero_demand_and_an_item_starts_at_its_first_sale() throws Exception {
        DemandHistory h = DemandHistory.load(List.of(sales()), List.of(), Period.WEEK, MONDAY, MONDAY.plusWeeks(4), Set.of());

        assertThat(h.of("a")).containsExactly(7, 0, 5, 0);
        assertThat(h.of("b")).containsExactly(2, 0, 9);
        assertThat(h.items()).containsExactly("a", "b");
    }

    @Test
    void rows_on_or_after_the_end_are_not_history() throws Exception {
        DemandHistory h = DemandHistory.load(List.of(sales()), List.of(), Period.WEEK, MONDAY, MONDAY.plusWeeks(2), Set.of());

        assertThat(h.of("a")).containsExactly(7, 0);
        assertThat(h.of("b")).containsExactly(2);
    }

    @Test
    void a_week_with_a_quarantined_row_is_unknown_not_zero() throws Exception {
        Path quarantine = parquet("q.parquet", "select * from (values ('a', '2011-06-14', 'minus three')) t(item_id, date, units)");

        DemandHistory h = DemandHistory.load(List.of(sales()), List.of(quarantine), Period.WEEK, MONDAY, MONDAY.plusWeeks(4),
                Set.of());

        assertThat(h.of("a")[1]).isNaN();
        assertThat(h.of("a")[0]).isEqualTo(7);
    }

    @Test
    void a_resubmitted_row_makes_its_week_known_again_with_the_corrected_units() throws Exception {
        Path quarantine = parquet("q.parquet", "select * from (values ('a', '2011-06-14', 'minus three'),"
                + " ('b', '2011-06-28', 'x')) t(item_id, date, units)");
        Path corrected = parquet("r.parquet", "select * from (values ('a', DATE '2011-06-14', 3::BIGINT))"
                + " t(item_id, date, units)");

        DemandHistory h = DemandHistory.loadResolved(List.of(sales(), corrected),
                List.of(new DemandHistory.Quarantine(quarantine, List.of(corrected))), Period.WEEK, MONDAY,
                MONDAY.plusWeeks(4), Set.of());

        assertThat(h.of("a")).containsExactly(7, 3, 5, 0);
        assertThat(h.of("b")[2]).as("b's row was not resubmitted").isNaN();
    }

    @Test
    void a_week_without_any_trading_day_is_unknown() throws Exception {
        Set<LocalDate> trading = Set.of(MONDAY, MONDAY.plusDays(8), MONDAY.plusDays(15), MONDAY.plusDays(22));
        Set<LocalDate> closedSecondWeek = Set.of(MONDAY, MONDAY.plusDays(15), MONDAY.plusDays(22));

        DemandHistory open = DemandHistory.load(List.of(sales()), List.of(), Period.WEEK, MONDAY, MONDAY.plusWeeks(4), trading);
        DemandHistory closed = DemandHistory.load(List.of(sales()), List.of(), Period.WEEK, MONDAY, MONDAY.plusWeeks(4),
                closedSecondWeek);

        assertThat(open.of("a")[1]).isZero();
        assertThat(closed.of("a")[1]).isNaN();
    }

    @Test
    void months_bucket_by_calendar_month() throws Exception {
        DemandHistory h = DemandHistory.load(List.of(sales()), List.of(), Period.MONTH, LocalDate.of(2011, 5, 1),
                LocalDate.of(2011, 7, 1), Set.of());

        assertThat(h.of("a")).containsExactly(12);
        assertThat(h.of("b")).containsExactly(11);
        assertThat(Files.exists(dir.resolve("sales.parquet"))).isTrue();
    }
}
