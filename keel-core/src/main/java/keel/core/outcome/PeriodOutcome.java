package keel.core.outcome;

/**
 * What happened to one item in one period (DECISIONS §4): arrivals, the order placed (at review periods),
 * demand, sales, unmet demand and the cost charged.
 *
 * @param period         zero-based period of the window
 * @param positionBefore inventory position at the review, before ordering (every period, review or not)
 * @param ordered        units ordered this period (0 when it is no review or nothing was ordered)
 * @param arrived        units received at the start of the period
 * @param demand         units demanded
 * @param sales          units sold (to this period's demand or to the backlog)
 * @param lost           units of demand lost (lost sales; 0 under backorders)
 * @param backlog        units owed at the end of the period (backorders; 0 under lost sales)
 * @param onHandEnd      units on hand at the end of the period
 * @param holdingCost    {@code h · onHandEnd}
 * @param shortageCost   {@code p · lost} or {@code p · backlog}
 */
public record PeriodOutcome(int period, double positionBefore, double ordered, double arrived, double demand,
        double sales, double lost, double backlog, double onHandEnd, double holdingCost, double shortageCost) {

    /** Holding plus shortage cost of the period, money. */
    public double cost() {
        return holdingCost + shortageCost;
    }
}
