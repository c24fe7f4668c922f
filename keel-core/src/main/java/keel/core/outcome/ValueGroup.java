package keel.core.outcome;

/**
 * DVA of one group of overrides (one reviewer, reason code, size band or direction).
 *
 * @param key        the group, e.g. {@code "alice"}, {@code "promotion"}, {@code "10-25%"}, {@code "up"}
 * @param count      overrides in the group
 * @param hitRate    share with DVA {@code > 0}
 * @param meanValue  mean DVA per override, money
 * @param totalValue total DVA, money
 * @param meanLow    5th percentile of the bootstrap distribution of the mean (90 % interval)
 * @param meanHigh   95th percentile of the bootstrap distribution of the mean
 */
public record ValueGroup(String key, int count, double hitRate, double meanValue, double totalValue, double meanLow,
        double meanHigh) {}
