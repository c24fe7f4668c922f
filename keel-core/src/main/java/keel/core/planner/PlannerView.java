package keel.core.planner;

/**
 * What a simulated planner is shown, plus what it may "know": the truth the model lacks.
 *
 * @param systemQuantity the recommendation, units
 * @param expectedDemand the system's expected demand over the protection interval, units
 * @param actualDemand   the demand that will actually occur over the protection interval, units; an informed
 *                       planner sees the shock {@code actualDemand − expectedDemand}, with noise
 * @param trueDriver     the reason code that names the shock's real cause (e.g. {@code "promotion"})
 */
public record PlannerView(long systemQuantity, double expectedDemand, double actualDemand, String trueDriver) {
    public PlannerView {
        if (systemQuantity < 0 || !(expectedDemand >= 0) || !(actualDemand >= 0)) {
            throw new IllegalArgumentException("planner view: system quantity " + systemQuantity + ", expected demand "
                    + expectedDemand + ", actual demand " + actualDemand + "; expected values >= 0");
        }
        if (trueDriver == null || trueDriver.isBlank()) {
            throw new IllegalArgumentException("planner view: trueDriver is missing; expected a reason code");
        }
    }
}
