package keel.core.review;

import java.util.List;
import java.util.Optional;

/**
 * What the review rules look at for one recommendation.
 *
 * @param valueAtStake expected cost gap, in money, between the recommendation and the naive policy's quantity
 * @param quantity the recommended order quantity
 * @param lastOrder the quantity of the previous order for this item, if any
 * @param historyPeriods periods of demand history the forecast had
 * @param backtestScaledError the chosen model's backtest error scaled by mean demand (a WAPE-like figure), NaN if unknown
 * @param stockoutProbability probability that demand over the protection interval exceeds the order-up-to level
 * @param dataWarnings warnings from the contracts of the inputs this item used
 * @param fallbackReason why the fallback policy acted, if it did
 */
public record ReviewFacts(double valueAtStake, double quantity, Optional<Double> lastOrder, int historyPeriods,
        double backtestScaledError, double stockoutProbability, List<String> dataWarnings,
        Optional<String> fallbackReason) {
    public ReviewFacts {
        dataWarnings = List.copyOf(dataWarnings);
    }
}
