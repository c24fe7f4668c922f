package keel.store.jdbc;

import static keel.store.jdbc.SampleCycles.T0;
import static keel.store.jdbc.SampleCycles.cycle;
import static keel.store.jdbc.SampleCycles.recommendation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import keel.core.contract.Batch;
import keel.core.contract.BatchStatus;
import keel.core.cycle.Recommendation;
import keel.core.review.Review;
import keel.core.review.ReviewAction;
import keel.core.review.Status;
import org.junit.jupiter.api.Test;

/** What every store does, whatever its engine. */
abstract class KeelStoreCases extends StoreCases {

    KeelStoreCases(StoreKind kind) {
        super(kind);
    }

    @Test
    void a_stored_recommendation_reads_back_equal() {
        Recommendation r = recommendation("c1", "10002", 14, List.of("value at stake"));

        store.saveCycle(cycle("c1"), List.of(new KeelStore.NewRecommendation(r, Status.AWAITING_REVIEW, 30)), T0.plusSeconds(3600));

        StoredRecommendation back = store.recommendation(r.id()).orElseThrow();
        assertThat(back.recommendation().toString()).isEqualTo(r.toString());
        assertThat(back.status()).isEqualTo(Status.AWAITING_REVIEW);
        assertThat(back.finalQuantity()).isEqualTo(14);
        assertThat(back.deadline()).isEqualTo(T0.plusSeconds(3600));
        assertThat(store.cycle("c1")).contains(cycle("c1"));
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
    void rerunning_a_cycle_of_the_same_type_date_and_batches_writes_nothing_and_returns_the_same_recommendations() {
        var recs = SampleCycles.recommendations("c-2011-06-06", 300);
        store.saveCycle(SampleCycles.cycle("c-2011-06-06", SampleCycles.AS_OF, 300), recs, T0.plusSeconds(86_400));
        Map<String, Long> counts = store.counts();
        long ledgerSize = store.ledger().size();
        var first = store.recommendations("c-2011-06-06");

        boolean stored = store.saveCycle(SampleCycles.cycle("c-2011-06-06", SampleCycles.AS_OF, 300), recs,
                T0.plusSeconds(86_400));

        assertThat(stored).isFalse();
        assertThat(store.counts()).isEqualTo(counts);
        assertThat(store.ledger().size()).isEqualTo(ledgerSize).isEqualTo(301);
        assertThat(store.recommendations("c-2011-06-06").toString()).isEqualTo(first.toString());
        assertThat(first).hasSize(300);
        assertThat(store.ledger().verify().intact()).isTrue();
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
        assertThat(store.reviews(r.id()).get(0).reasonCode()).contains("promotion");
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
    void outcomes_are_recorded_once() {
        store.saveCycle(cycle("c1"), SampleCycles.recommendations("c1", 3), T0);
        var o = new OutcomeRecord("c1/item-00001", 7, 1.5, 2.5, 3.5, "{\"span\":4}");

        int first = store.recordOutcomes(List.of(o), T0.plusSeconds(86_400));
        int second = store.recordOutcomes(List.of(o), T0.plusSeconds(86_401));

        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        assertThat(store.outcomes("replenish-test")).containsExactly(o);
    }

    @Test
    void a_batch_with_quarantined_rows_reads_back_and_is_recorded_once() {
        Batch batch = SampleBatches.salesWithOneBadRow();

        boolean first = store.recordBatch(batch, Optional.of(LocalDate.of(2011, 1, 3)), Optional.of(LocalDate.of(2011, 1, 9)), T0);
        boolean second = store.recordBatch(batch, Optional.empty(), Optional.empty(), T0);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        BatchRecord back = store.batch(batch.contentHash()).orElseThrow();
        assertThat(back.status()).isEqualTo(BatchStatus.ACCEPTED_WITH_WARNINGS);
        assertThat(back.lastDate()).contains(LocalDate.of(2011, 1, 9));
        assertThat(store.quarantineReasons(batch.contentHash(), 10)).singleElement().asString()
                .contains("sales.csv row 3: units was \"-3\"");
        assertThat(store.counts().get("ledger")).isEqualTo(2);
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
        assertThat(store.ledger().verify().brokenAt()).contains(2L);
    }

    @Test
    void changes_since_a_version_name_the_reviewed_recommendations_and_anything_else_asks_for_a_fresh_read() {
        store.saveCycle(cycle("c1"), SampleCycles.awaitingReview("c1", 3), T0.plusSeconds(86_400));
        long v0 = store.version();
        assertThat(store.changesSince(v0, 100)).isEqualTo(new KeelStore.Changes(v0, Optional.of(java.util.Set.of())));

        store.review(new Review("c1/item-00000", ReviewAction.ACCEPT, "ana", 1, Optional.empty(), "", T0.plusSeconds(60), false), 0);
        store.review(new Review("c1/item-00002", ReviewAction.ESCALATE, "ana", 1, Optional.empty(), "", T0.plusSeconds(60), false), 0);

        KeelStore.Changes reviews = store.changesSince(v0, 100);
        assertThat(reviews.version()).isEqualTo(store.version()).isEqualTo(v0 + 2);
        assertThat(reviews.reviewed()).contains(java.util.Set.of("c1/item-00000", "c1/item-00002"));
        assertThat(store.changesSince(v0, 1).reviewed()).as("more entries than the limit").isEmpty();
        assertThat(store.recommendationsById(reviews.reviewed().get())).extracting(StoredRecommendation::status)
                .containsExactlyInAnyOrder(Status.ACCEPTED, Status.ESCALATED);

        store.saveCycle(cycle("c2"), SampleCycles.awaitingReview("c2", 1), T0.plusSeconds(86_400));
        assertThat(store.changesSince(v0, 100).reviewed()).as("a cycle among the changes").isEmpty();
        assertThat(store.changesSince(v0, 100).version()).isEqualTo(store.version());
    }

    @Test
    void a_verification_that_overlaps_appends_finds_the_ledger_intact() throws Exception {
        store.saveCycle(cycle("c1"), SampleCycles.awaitingReview("c1", 3), T0.plusSeconds(86_400));
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread appender = new Thread(() -> {
            for (int i = 0; i < 2_000 && !stop.get(); i++) {
                store.ledger().append(List.of(new keel.core.ledger.NewEntry(T0.plusSeconds(i),
                        keel.core.ledger.EventType.DECISION_TYPE_CHANGED, "race/" + i, "{}")));
            }
        });
        appender.start();
        try {
            for (int i = 0; i < 40 && appender.isAlive(); i++) {
                var v = store.ledger().verify();
                assertThat(v.intact()).as(v.message()).isTrue();
            }
        } finally {
            stop.set(true);
            appender.join();
        }
        assertThat(store.ledger().verify().intact()).isTrue();
    }

    @Test
    void verifying_after_an_intact_verification_checks_the_new_entries_and_that_the_last_verified_one_is_unchanged() {
        store.saveCycle(cycle("c1"), SampleCycles.awaitingReview("c1", 3), T0.plusSeconds(86_400));
        var full = store.ledger().verify();
        assertThat(full.intact()).isTrue();
        long head = full.entriesChecked();
        store.review(new Review("c1/item-00000", ReviewAction.ACCEPT, "ana", 1, Optional.empty(), "", T0.plusSeconds(60), false), 0);

        var recent = store.ledger().verifyAfter(head, full.headHash());
        assertThat(recent.intact()).as(recent.message()).isTrue();
        assertThat(recent.entriesChecked()).isEqualTo(head + 1);
        assertThat(recent.headHash()).isEqualTo(store.ledger().verify().headHash());
        assertThat(store.ledger().verifyAfter(0, "").entriesChecked()).as("after nothing: the whole chain").isEqualTo(head + 1);

        store.jdbi().useHandle(h -> h.execute("update ledger set subject = 'elsewhere' where seq = " + (head + 1)));
        assertThat(store.ledger().verifyAfter(head, full.headHash()).brokenAt()).contains(head + 1);
    }

    @Test
    void verifying_after_an_entry_names_it_when_it_changed_but_leaves_older_entries_to_the_full_verification() {
        store.saveCycle(cycle("c1"), SampleCycles.awaitingReview("c1", 3), T0.plusSeconds(86_400));
        var full = store.ledger().verify();
        long head = full.entriesChecked();

        store.jdbi().useHandle(h -> h.execute("update ledger set subject = 'elsewhere' where seq = 2"));
        assertThat(store.ledger().verifyAfter(head, full.headHash()).intact()).isTrue();
        assertThat(store.ledger().verify().brokenAt()).contains(2L);

        store.jdbi().useHandle(h -> h.execute("update ledger set subject = 'elsewhere' where seq = " + head));
        var v = store.ledger().verifyAfter(head, full.headHash());
        assertThat(v.brokenAt()).contains(head);
        assertThat(v.message()).contains("entry " + head + " was changed");
    }
}
