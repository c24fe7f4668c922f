package keel.core.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import keel.core.outcome.DecisionValueReport.Dimension;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DecisionValueReportTest {
    private final List<DecisionValue> decisions = List.of(
            new DecisionValue("d1", "alice", "promotion", 100, 160, 40),
            new DecisionValue("d2", "alice", "gut feel", 100, 105, -3),
            new DecisionValue("d3", "bob", "promotion", 100, 130, 10),
            new DecisionValue("d4", "bob", "gut feel", 100, 92, 1),
            new DecisionValue("d5", "bob", "", 100, 100, 0),
            new DecisionValue("d6", "alice", "weather", 0, 3, -6));

    @Test
    void size_band_is_relative_to_the_system_quantity_with_a_floor_of_one() {
        assertThat(decisions).extracting(DecisionValue::sizeBand)
                .containsExactly("over 50%", "under 10%", "25-50%", "under 10%", "under 10%", "over 50%");
        assertThat(decisions).extracting(DecisionValue::direction)
                .containsExactly("up", "up", "up", "down", "none", "up");
    }

    @Test
    void groups_by_owner_count_overrides_only_with_hit_rate_mean_and_total() {
        List<ValueGroup> byOwner = DecisionValueReport.by(decisions, Dimension.OWNER, 7);

        assertThat(byOwner).extracting(ValueGroup::key).containsExactly("alice", "bob");
        ValueGroup alice = byOwner.get(0);
        assertThat(alice.count()).isEqualTo(3);
        assertThat(alice.hitRate()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(alice.totalValue()).isEqualTo(31);
        assertThat(alice.meanValue()).isCloseTo(31.0 / 3, within(1e-12));
        assertThat(byOwner.get(1).count()).isEqualTo(2);
    }

    @Test
    void bootstrap_interval_brackets_the_mean_and_is_reproducible_from_the_seed() {
        List<ValueGroup> first = DecisionValueReport.by(decisions, Dimension.DIRECTION, 11);
        List<ValueGroup> again = DecisionValueReport.by(decisions, Dimension.DIRECTION, 11);

        assertThat(first).isEqualTo(again);
        assertThat(first).allSatisfy(g -> assertThat(g.meanValue()).isBetween(g.meanLow(), g.meanHigh()));
        assertThat(first.get(0).key()).isEqualTo("up");
        assertThat(first.get(0).meanLow()).isLessThan(first.get(0).meanHigh());
    }

    @Test
    void size_bands_come_in_band_order_and_empty_bands_are_left_out() {
        List<ValueGroup> bands = DecisionValueReport.by(decisions, Dimension.SIZE_BAND, 3);

        assertThat(bands).extracting(ValueGroup::key).containsExactly("under 10%", "25-50%", "over 50%");
        assertThat(DecisionValueReport.describe(bands.get(0))).startsWith("under 10%: 2 overrides, hit rate 50%, mean DVA -1.00");
    }

    @Test
    void size_quartiles_split_the_overrides_by_their_own_distribution_of_sizes() {
        List<ValueGroup> quartiles = DecisionValueReport.by(decisions, Dimension.SIZE_QUARTILE, 5);

        // relative sizes of the five overrides: 0.05, 0.08, 0.30, 0.60, 3.00
        assertThat(quartiles).extracting(ValueGroup::key)
                .containsExactly("Q1 (5-8%)", "Q2 (8-30%)", "Q3 (30-60%)", "Q4 (60-300%)");
        assertThat(quartiles).extracting(ValueGroup::count).containsExactly(2, 1, 1, 1);
    }
}
