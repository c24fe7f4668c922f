package keel.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Golden values of DECISIONS §1, each to the decimals stated there (tolerance half a unit in the last place). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NewsvendorGoldenTest {
    private static final double SIX = 5e-7;

    @Test
    void normal_h2_p18_mean120_sd10_gives_stockpyl_optimum() {
        DemandDistribution demand = DemandDistribution.normal(120, 10);

        double level = Newsvendor.optimalLevel(demand, 2, 18);

        assertThat(level).isCloseTo(132.815516, within(SIX));
        assertThat(Newsvendor.evaluate(demand, level, 2, 18).total()).isCloseTo(35.099666, within(SIX));
    }

    @Test
    void normal_h2_p18_reports_the_parts_of_the_cost_separately() {
        DemandDistribution demand = DemandDistribution.normal(120, 10);

        // The table's parts are those of the exact optimum 132.815516 (at 132.8155 the shortage is 0.473433).
        ExpectedCost cost = Newsvendor.evaluate(demand, 132.815516, 2, 18);

        assertThat(cost.expectedShortage()).isCloseTo(0.473432, within(SIX));
        assertThat(cost.expectedLeftover()).isCloseTo(13.288947, within(1e-6)); // the table truncates 13.2889477
        assertThat(cost.fillRate()).isCloseTo(0.996055, within(SIX));
        assertThat(cost.holdingCost()).isCloseTo(2 * 13.288947, within(2e-6));
        assertThat(cost.shortageCost()).isCloseTo(18 * 0.473432, within(1e-5));
        assertThat(cost.stockoutProbability()).isCloseTo(0.1, within(1e-5));
        assertThat(Newsvendor.evaluate(demand, 120, 2, 18).total()).isCloseTo(79.788456, within(SIX));
        assertThat(Newsvendor.evaluate(demand, 130, 2, 18).total()).isCloseTo(36.663094, within(SIX));
        assertThat(Newsvendor.evaluate(demand, 140, 2, 18).total()).isCloseTo(41.698141, within(SIX));
    }

    @Test
    void normal_h018_p070_mean50_sd8_matches_fosct_examples_4_1_and_4_3() {
        DemandDistribution demand = DemandDistribution.normal(50, 8);

        double level = Newsvendor.optimalLevel(demand, 0.18, 0.70);

        assertThat(level).isCloseTo(56.603956, within(SIX));
        assertThat(Newsvendor.evaluate(demand, level, 0.18, 0.70).total()).isCloseTo(1.997605, within(SIX));
        assertThat(Newsvendor.evaluate(demand, 40, 0.18, 0.70).total()).isCloseTo(7.356132, within(SIX));
        assertThat(Newsvendor.evaluate(demand, 53, 0.18, 0.70).total()).isCloseTo(2.223748, within(SIX));
        assertThat(Newsvendor.evaluate(demand, 60, 0.18, 0.70).total()).isCloseTo(2.156132, within(SIX));
    }

    @Test
    void explicit_price_cost_salvage_gives_fosct_example_4_2_profit() {
        double price = 1;
        double unitCost = 0.30;
        double salvage = 0.12;
        DemandDistribution demand = DemandDistribution.normal(50, 8);

        double underage = price - unitCost;
        double overage = unitCost - salvage;
        double level = Newsvendor.optimalLevel(demand, overage, underage);
        double profit = underage * demand.mean() - Newsvendor.evaluate(demand, level, overage, underage).total();

        assertThat(level).isCloseTo(56.603956, within(SIX));
        assertThat(profit).isCloseTo(33.002395, within(SIX));
    }

    @Test
    void poisson_h1_p4_mean6_optimum_is_8_and_the_cost_curve_matches() {
        DemandDistribution demand = DemandDistribution.poisson(6);

        double level = Newsvendor.optimalLevel(demand, 1, 4);

        assertThat(level).isEqualTo(8);
        double[] expected = {6.590296, 4.818694, 3.850208, 3.570107, 3.806294, 4.386674, 5.173570, 6.073110};
        for (int s = 5; s <= 12; s++) {
            assertThat(Newsvendor.evaluate(demand, s, 1, 4).total()).as("g(%d)", s)
                    .isCloseTo(expected[s - 5], within(SIX));
        }
    }

    @Test
    void poisson_h018_p070_mean50_optimum_is_56() {
        DemandDistribution demand = DemandDistribution.poisson(50);

        double level = Newsvendor.optimalLevel(demand, 0.18, 0.70);

        assertThat(level).isEqualTo(56);
        assertThat(Newsvendor.evaluate(demand, level, 0.18, 0.70).total()).isCloseTo(1.797235, within(SIX));
    }

    @Test
    void geometric_pmf_cut_at_49_gives_stockpyl_tutorial_cost() {
        double[] pmf = new double[50];
        for (int k = 1; k <= 49; k++) pmf[k] = 0.2 * Math.pow(0.8, k - 1);
        double[] longPmf = new double[400];
        for (int k = 1; k < 400; k++) longPmf[k] = 0.2 * Math.pow(0.8, k - 1);
        DemandDistribution cut = DemandDistribution.fromPmf(pmf, "geometric(0.2), cut at 49");
        DemandDistribution full = DemandDistribution.fromPmf(longPmf, "geometric(0.2)");

        double level = Newsvendor.optimalLevel(full, 1, 4);

        assertThat(level).isEqualTo(8);
        assertThat(Newsvendor.evaluate(full, 8, 1, 4).total()).isCloseTo(7.194304, within(SIX));
        // stockpyl sums the truncated pmf without renormalising; Keel renormalises a pmf, so the tutorial's
        // figure is Keel's cost times the mass kept, 1 - 0.8^49.
        double keptMass = 1 - Math.pow(0.8, 49);
        assertThat(Newsvendor.evaluate(cut, 8, 1, 4).total() * keptMass).isCloseTo(7.191021, within(SIX));
    }

    @Test
    void poisson_loss_functions_at_18_with_mean_15_match_stockpyl_doctest() {
        DemandDistribution demand = DemandDistribution.poisson(15);

        assertThat(demand.expectedShortage(18)).isCloseTo(0.517610, within(SIX));
        assertThat(demand.expectedLeftover(18)).isCloseTo(3.517610, within(SIX));
    }

    @Test
    void nineteen_forecast_quantiles_of_normal_120_10_cost_2_5_percent_more_than_exact() {
        double[] levels = new double[19];
        for (int i = 0; i < 19; i++) levels[i] = 0.05 * (i + 1);
        QuantileDemand demand = quantilesOfNormal(levels);

        double cost = Newsvendor.evaluate(demand, 132.8155, 2, 18).total();

        assertThat(demand.mean()).isCloseTo(120.1712, within(5e-5));
        assertThat(demand.tailScale()).isCloseTo(5.2413, within(5e-5));
        assertThat(cost).isCloseTo(35.9794, within(5e-5));
    }

    @Test
    void twenty_three_forecast_quantiles_bring_the_cost_within_1_1_percent() {
        double[] levels = new double[23];
        levels[0] = 0.01;
        levels[1] = 0.025;
        for (int i = 0; i < 19; i++) levels[i + 2] = 0.05 * (i + 1);
        levels[21] = 0.975;
        levels[22] = 0.99;
        QuantileDemand demand = quantilesOfNormal(levels);

        double cost = Newsvendor.evaluate(demand, 132.8155, 2, 18).total();

        assertThat(cost).isCloseTo(35.4704, within(5e-5));
    }

    @Test
    void sample_paths_estimate_is_within_three_standard_errors_of_the_exact_cost() {
        SplittableRandom random = new SplittableRandom(20261127L);
        double[] totals = new double[100_000];
        for (int i = 0; i < totals.length; i++) totals[i] = 120 + 10 * random.nextGaussian();
        SamplePaths demand = DemandDistribution.samplePaths(totals, "normal draws");

        ExpectedCost cost = Newsvendor.evaluate(demand, 132.8155, 2, 18);

        double se = cost.standardError().orElseThrow();
        assertThat(se).isBetween(0.05, 0.2);
        assertThat(cost.total()).isCloseTo(35.099666, within(3 * se));
    }

    private static QuantileDemand quantilesOfNormal(double[] levels) {
        double[] values = new double[levels.length];
        for (int i = 0; i < levels.length; i++) values[i] = 120 + 10 * StandardNormal.quantile(levels[i]);
        return DemandDistribution.fromQuantiles(levels, values);
    }
}
