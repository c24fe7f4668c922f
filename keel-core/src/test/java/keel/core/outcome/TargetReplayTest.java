package keel.core.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import keel.core.policy.Tradeoff;
import keel.core.policy.UnmetDemand;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TargetReplayTest {
    private final Tradeoff tradeoff = Tradeoff.of(1, 9).withReviewPeriod(2).withLeadTime(1).withPack(2, 0)
            .withUnmetDemand(UnmetDemand.LOST_SALES);
    private final InventoryState start = new InventoryState(10, 0, new double[] {4});

    /** A ledger-like history: order-up-to 30 with a few overrides, recorded with the positions seen. */
    private Ledger history(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] demand = new double[40];
        for (int t = 0; t < demand.length; t++) demand[t] = random.nextInt(11);
        double[] quantities = new double[20];
        List<RecordedReview> reviews = new ArrayList<>();
        InventoryPath path = new InventorySimulation(tradeoff).run(start, demand, (review, period, ip) -> {
            double q = tradeoff.feasibleAtOrAbove(30 - ip);
            if (review % 5 == 3) q += 6;
            if (review % 7 == 4) q = 0;
            quantities[review] = q;
            reviews.add(new RecordedReview(period, ip, q));
            return q;
        });
        return new Ledger(demand, reviews, path);
    }

    private record Ledger(double[] demand, List<RecordedReview> reviews, InventoryPath path) {}

    @Test
    void the_actual_path_reproduces_the_recorded_history_exactly() {
        Ledger ledger = history(1);

        TargetReplay replay = new TargetReplay(tradeoff, start, ledger.demand(), ledger.reviews());

        assertThat(replay.actual().periods()).isEqualTo(ledger.path().periods());
        assertThat(replay.actual().end()).isEqualTo(ledger.path().end());
    }

    @Test
    void replaying_the_actual_quantity_with_targets_kept_reproduces_every_later_period() {
        Ledger ledger = history(2);
        TargetReplay replay = new TargetReplay(tradeoff, start, ledger.demand(), ledger.reviews());

        for (int i = 0; i < ledger.reviews().size(); i++) {
            ReplayResult result = replay.replay(i, ledger.reviews().get(i).quantity(), false);

            int from = result.fromPeriod();
            assertThat(result.alternativePeriods())
                    .isEqualTo(ledger.path().periods().subList(from, from + result.periods()));
            assertThat(result.valueOfActual()).isZero();
        }
    }

    @Test
    void the_actual_quantity_merges_at_once_and_is_worth_nothing() {
        Ledger ledger = history(3);
        TargetReplay replay = new TargetReplay(tradeoff, start, ledger.demand(), ledger.reviews());

        ReplayResult result = replay.replay(5, ledger.reviews().get(5).quantity());

        assertThat(result.merged()).isTrue();
        assertThat(result.periods()).isEqualTo(1);
        assertThat(result.valueOfActual()).isZero();
    }

    @Test
    void a_larger_alternative_is_absorbed_by_later_targets_and_stops_when_the_paths_merge() {
        Tradeoff backorders = tradeoff.withUnmetDemand(UnmetDemand.BACKORDERS).withPack(1, 0);
        double[] demand = {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5};
        List<RecordedReview> reviews = new ArrayList<>();
        new InventorySimulation(backorders).run(start, demand, (review, period, ip) -> {
            double q = Math.max(0, 24 - ip);
            reviews.add(new RecordedReview(period, ip, q));
            return q;
        });
        TargetReplay replay = new TargetReplay(backorders, start, demand, reviews);

        ReplayResult result = replay.replay(1, reviews.get(1).quantity() + 6);

        // 6 more units arrive in period 3 and are carried through periods 3 and 4; the review in period 4
        // orders 6 less, which arrives in period 5: the states coincide at the end of period 5. Equal positions
        // after the period-4 order would have stopped one period early and missed nothing here, but would
        // under a stockout in period 5.
        assertThat(result.merged()).isTrue();
        assertThat(result.fromPeriod()).isEqualTo(2);
        assertThat(result.periods()).isEqualTo(4);
        assertThat(result.terminalCharge()).isZero();
        assertThat(result.valueOfActual()).isCloseTo(6 * 2, within(1e-12));
    }

    @Test
    void an_alternative_that_never_merges_stops_at_four_protection_intervals_and_charges_the_stock_gap() {
        double[] demand = new double[30];
        List<RecordedReview> reviews = new ArrayList<>();
        for (int i = 0; i < 15; i++) reviews.add(new RecordedReview(2 * i, 14, 0));
        TargetReplay replay = new TargetReplay(tradeoff, new InventoryState(10, 0, new double[] {4}), demand, reviews);

        ReplayResult result = replay.replay(0, 10);

        assertThat(result.merged()).isFalse();
        assertThat(result.periods()).isEqualTo(4 * 3);
        assertThat(result.terminalCharge()).isEqualTo(10);
        assertThat(result.alternativeCost() - result.actualCost()).isCloseTo(10 * 11 + 10, within(1e-9));
    }

    @Test
    void a_history_that_does_not_match_the_demand_is_refused_naming_the_review() {
        Ledger ledger = history(4);
        List<RecordedReview> tampered = new ArrayList<>(ledger.reviews());
        RecordedReview third = tampered.get(3);
        tampered.set(3, new RecordedReview(third.period(), third.inventoryPosition() + 1, third.quantity()));

        assertThatThrownBy(() -> new TargetReplay(tradeoff, start, ledger.demand(), tampered))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("review 3 (period 6) recorded inventory position");
    }
}
