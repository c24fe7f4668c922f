package keel.core.review;

import java.util.Locale;
import java.util.Optional;

/**
 * A rule that makes a recommendation an exception for a person to review. Each rule that fires gives
 * the reason shown in the owner's queue; a recommendation no rule fires on is touchless.
 */
public sealed interface ReviewRule {

    /** The reason this recommendation needs review, or empty when the rule does not fire. */
    Optional<String> reason(ReviewFacts facts);

    /** The rule's name as written in decision type files. */
    String name();

    /** Expected cost gap vs the naive policy above a money threshold. */
    record ValueAtStake(double above) implements ReviewRule {
        public Optional<String> reason(ReviewFacts f) {
            return f.valueAtStake() > above
                    ? Optional.of(String.format(Locale.ROOT, "value at stake %.2f above %.2f", f.valueAtStake(), above))
                    : Optional.empty();
        }
        public String name() { return "value-at-stake"; }
    }

    /** Order differs from the last order by more than a share, and by at least some units. */
    record ChangeVsLastOrder(double above, double minUnits) implements ReviewRule {
        public Optional<String> reason(ReviewFacts f) {
            if (f.lastOrder().isEmpty()) return Optional.empty();
            double last = f.lastOrder().get();
            double change = Math.abs(f.quantity() - last);
            if (change < minUnits || change <= above * Math.max(last, 1)) return Optional.empty();
            return Optional.of(String.format(Locale.ROOT, "order %.0f vs last %.0f (change %.0f%% above %.0f%%)",
                    f.quantity(), last, 100 * change / Math.max(last, 1), 100 * above));
        }
        public String name() { return "change-vs-last-order"; }
    }

    /** Too little history for a trusted forecast. */
    record NewItem(int historyBelow) implements ReviewRule {
        public Optional<String> reason(ReviewFacts f) {
            return f.historyPeriods() < historyBelow
                    ? Optional.of("new item: " + f.historyPeriods() + " periods of history, fewer than " + historyBelow)
                    : Optional.empty();
        }
        public String name() { return "new-item"; }
    }

    /** Backtest error of the chosen model above a limit. */
    record Uncertainty(double scaledErrorAbove) implements ReviewRule {
        public Optional<String> reason(ReviewFacts f) {
            return f.backtestScaledError() > scaledErrorAbove
                    ? Optional.of(String.format(Locale.ROOT, "backtest error %.2f of mean demand above %.2f",
                            f.backtestScaledError(), scaledErrorAbove))
                    : Optional.empty();
        }
        public String name() { return "uncertainty"; }
    }

    /** High probability of running out before the next order can arrive. */
    record StockoutRisk(double above) implements ReviewRule {
        public Optional<String> reason(ReviewFacts f) {
            return f.stockoutProbability() > above
                    ? Optional.of(String.format(Locale.ROOT, "stockout probability %.0f%% above %.0f%%",
                            100 * f.stockoutProbability(), 100 * above))
                    : Optional.empty();
        }
        public String name() { return "stockout-risk"; }
    }

    /** The inputs this item used carry contract warnings. */
    record DataWarnings() implements ReviewRule {
        public Optional<String> reason(ReviewFacts f) {
            return f.dataWarnings().isEmpty() ? Optional.empty()
                    : Optional.of("data warning: " + String.join("; ", f.dataWarnings()));
        }
        public String name() { return "data-warnings"; }
    }

    /** The model could not forecast and the fallback policy acted: always reviewed. */
    record FallbackUsed() implements ReviewRule {
        public Optional<String> reason(ReviewFacts f) {
            return f.fallbackReason().map(r -> "fallback policy used: " + r);
        }
        public String name() { return "fallback-used"; }
    }
}
