package keel.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import keel.core.cycle.Alternative;
import keel.core.cycle.CostFigures;
import keel.core.cycle.ForecastSummary;
import keel.core.cycle.Lineage;
import keel.core.cycle.Recommendation;
import keel.core.review.Review;
import keel.core.review.ReviewAction;
import keel.core.review.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KeelStoreTest {
    static final Instant T0 = Instant.parse("2011-06-06T06:00:00Z");

    @TempDir Path dir;
    KeelStore store;

    @BeforeEach
    void open() {
        store = KeelStore.open(StoreConfig.embedded(dir));
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Recommendation recommendation(String cycle, String item, double quantity, List<String> reasons) {
        return new Recommendation(cycle + "/" + item, cycle, "replenish-test", item, "ONLINE_UK", LocalDate.of(2011, 6, 6),
                quantity, quantity + 5, 5, 12.5, 0.08, 3.2, 0.4, 18,
                List.of(new Alternative("order nothing", 0, 80.0, 0.9, 0.1, 20),
                        new Alternative("naive policy", 18, 14.0, 0.05, 6, 0.2)),
                new ForecastSummary("sba", "sba: lowest backtest error", 40, List.of(6.0, 6.5), List.of(0.5, 0.9),
                        List.of(12.0, 19.0), Double.NaN),
                "Order " + quantity + ".", new Lineage(List.of("abc"), "v1", "auto", Map.of("alpha", 0.1), "order-up-to/1"),
                new CostFigures("GBP", 1.2, 0.007, 0.9, 0.992), Optional.empty(), reasons);
    }

    CycleRecord cycle(String id) {
        return new CycleRecord(id, "replenish-test", LocalDate.of(2011, 6, 6), List.of("abc", "def"), 2, 1, "{}", T0);
    }

    @Test
    void a_stored_recommendation_reads_back_equal() {
        Recommendation r = recommendation("c1", "10002", 14, List.of("value at stake"));

        store.saveCycle(cycle("c1"), List.of(new KeelStore.NewRecommendation(r, Status.AWAITING_REVIEW, 30)), T0.plusSeconds(3600));

        StoredRecommendation back = store.recommendation(r.id()).orElseThrow();
        assertThat(back.recommendation().toString()).isEqualTo(r.toString());
        assertThat(back.status()).isEqualTo(Status.AWAITING_REVIEW);
        assertThat(back.finalQuantity()).isEqualTo(14);
    }

    @Test
    void saving_the_same_cycle_twice_writes_nothing_the_second_time() {
        var recs = List.of(new KeelStore.NewRecommendation(recommendation("c1", "a", 3, List.of()), Status.TOUCHLESS, 1),
                new KeelStore.NewRecommendation(recommendation("c1", "b", 4, List.of("x")), Status.AWAITING_REVIEW, 9));
        assertThat(store.saveCycle(cycle("c1"), recs, T0)).isTrue();
        Map<String, Long> before = store.counts();

        boolean again = store.saveCycle(cycle("c1"), recs, T0);

        assertThat(again).isFalse();
        assertThat(store.counts()).isEqualTo(before);
        assertThat(before.get("ledger")).isEqualTo(3);
    }

    @Test
    void the_second_of_two_reviews_of_the_same_version_gets_a_conflict_with_the_current_state() {
        Recommendation r = recommendation("c1", "a", 10, List.of("x"));
        store.saveCycle(cycle("c1"), List.of(new KeelStore.NewRecommendation(r, Status.AWAITING_REVIEW, 5)), T0.plusSeconds(7200));
        store.review(new Review(r.id(), ReviewAction.OVERRIDE, "ana", 14, Optional.of("promotion"), "", T0.plusSeconds(60), false), 0);

        assertThatThrownBy(() -> store.review(new Review(r.id(), ReviewAction.ACCEPT, "ben", 10, Optional.empty(), "",
                T0.plusSeconds(61), false), 0))
                .isInstanceOfSatisfying(ReviewConflictException.class, e -> {
                    assertThat(e.current().status()).isEqualTo(Status.OVERRIDDEN);
                    assertThat(e.current().finalQuantity()).isEqualTo(14);
                });
        assertThat(store.reviews(r.id())).hasSize(1);
    }

    @Test
    void a_review_after_the_deadline_is_refused() {
        Recommendation r = recommendation("c1", "a", 10, List.of("x"));
        store.saveCycle(cycle("c1"), List.of(new KeelStore.NewRecommendation(r, Status.AWAITING_REVIEW, 5)), T0.plusSeconds(60));

        assertThatThrownBy(() -> store.review(new Review(r.id(), ReviewAction.ACCEPT, "ana", 10, Optional.empty(), "",
                T0.plusSeconds(61), false), 0))
                .isInstanceOf(ReviewConflictException.class).hasMessageContaining("deadline");
    }

    @Test
    void entries_stamped_to_the_nanosecond_by_the_system_clock_still_verify() {
        java.time.Instant nanos = java.time.Instant.parse("2024-01-01T06:00:00.123456789Z");

        store.ledger().append(List.of(new keel.core.ledger.NewEntry(nanos, keel.core.ledger.EventType.CYCLE_RUN, "c", "{}")));

        assertThat(store.ledger().verify().intact()).isTrue();
    }

    @Test
    void an_intact_ledger_verifies_and_an_edited_entry_is_named() {
        store.saveCycle(cycle("c1"), List.of(new KeelStore.NewRecommendation(recommendation("c1", "a", 3, List.of()),
                Status.TOUCHLESS, 1)), T0);
        assertThat(store.ledger().verify().intact()).isTrue();

        store.jdbi().useHandle(h -> h.execute("update ledger set payload = replace(payload, '3.0', '30.0') where seq = 2"));

        var v = store.ledger().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).contains(2L);
        assertThat(v.message()).contains("entry 2").contains("changed");
    }

    @Test
    void a_deleted_last_entry_is_detected_against_the_recorded_head() {
        store.saveCycle(cycle("c1"), List.of(new KeelStore.NewRecommendation(recommendation("c1", "a", 3, List.of()),
                Status.TOUCHLESS, 1)), T0);

        store.jdbi().useHandle(h -> h.execute("delete from ledger where seq = 2"));

        assertThat(store.ledger().verify().intact()).isFalse();
    }
}
