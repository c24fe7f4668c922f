package keel.app.demo;

import java.util.List;
import java.util.SplittableRandom;
import keel.store.jdbc.StoredRecommendation;

/** Who reviews the demo's exceptions: a simulated planner, labelled as such everywhere it appears. */
interface Reviewer {

    /** What the reviewer does with one recommendation in the queue. */
    record Act(Kind kind, double quantity, String reasonCode, String comment) {
        enum Kind { ACCEPT, OVERRIDE, ESCALATE }
    }

    /**
     * @param trueDemand actual demand over the recommendation's protection interval (the simulated
     *     planner may "know" part of it, as a real planner may know of a promotion)
     */
    Act review(StoredRecommendation recommendation, double trueDemand, List<String> reasonCodes, SplittableRandom random);
}
