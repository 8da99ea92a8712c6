package cn.gridflow.process.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DMN {@code owner-vote-threshold} (UNIQUE), domain spec §2.5, row by row. The inputs are the exact Booleans that
 * VoteTallyService precomputes; each row is also checked with the Booleans it must ignore flipped.
 */
@Deployment(resources = "dmn/owner-vote-threshold.dmn")
class OwnerVoteThresholdDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private DmnDecisionResultEntries decide(String tier, boolean qArea, boolean qCount, boolean sArea, boolean sCount,
                                            boolean mArea, boolean mCount) {
        return engine.getDecisionService().evaluateDecisionByKey("owner-vote-threshold")
                .variables(Variables.createVariables().putValue("voteTier", tier)
                        .putValue("pQuorumArea", qArea).putValue("pQuorumCount", qCount)
                        .putValue("superArea", sArea).putValue("superCount", sCount)
                        .putValue("majArea", mArea).putValue("majCount", mCount))
                .evaluate().getSingleResult();
    }

    @ParameterizedTest(name = "row 1: {0} quorum area={1} count={2} → neither quorum nor passed")
    @CsvSource({"SPECIAL, false, true", "SPECIAL, true, false", "ORDINARY, false, false", "ORDINARY, false, true",
            "ORDINARY, true, false"})
    void row1WithoutTwoThirdsByAreaAndByCountThereIsNoQuorum(String tier, boolean qArea, boolean qCount) {
        DmnDecisionResultEntries r = decide(tier, qArea, qCount, true, true, true, true);
        assertThat(r.<Boolean>getEntry("quorumMet")).isFalse();
        assertThat(r.<Boolean>getEntry("passed")).isFalse();
    }

    @ParameterizedTest(name = "row 2: SPECIAL, majority flags {0}/{1} ignored → passed")
    @CsvSource({"true, true", "false, false"})
    void row2ASpecialMatterPassesWithThreeQuartersByAreaAndCount(boolean mArea, boolean mCount) {
        DmnDecisionResultEntries r = decide("SPECIAL", true, true, true, true, mArea, mCount);
        assertThat(r.<Boolean>getEntry("quorumMet")).isTrue();
        assertThat(r.<Boolean>getEntry("passed")).isTrue();
    }

    @ParameterizedTest(name = "row 3: SPECIAL super area={0} count={1} → rejected")
    @CsvSource({"true, false", "false, true", "false, false"})
    void row3ASpecialMatterFailsWhenEitherThreeQuartersTestFails(boolean sArea, boolean sCount) {
        DmnDecisionResultEntries r = decide("SPECIAL", true, true, sArea, sCount, true, true);
        assertThat(r.<Boolean>getEntry("quorumMet")).isTrue();
        assertThat(r.<Boolean>getEntry("passed")).isFalse();
    }

    @ParameterizedTest(name = "row 4: ORDINARY, super flags {0}/{1} ignored → passed")
    @CsvSource({"true, true", "false, false"})
    void row4AnOrdinaryMatterPassesWithMoreThanHalfByAreaAndCount(boolean sArea, boolean sCount) {
        DmnDecisionResultEntries r = decide("ORDINARY", true, true, sArea, sCount, true, true);
        assertThat(r.<Boolean>getEntry("quorumMet")).isTrue();
        assertThat(r.<Boolean>getEntry("passed")).isTrue();
    }

    @ParameterizedTest(name = "row 5: ORDINARY majority area={0} count={1} → rejected")
    @CsvSource({"true, false", "false, true", "false, false"})
    void row5AnOrdinaryMatterFailsWhenEitherMajorityTestFails(boolean mArea, boolean mCount) {
        DmnDecisionResultEntries r = decide("ORDINARY", true, true, true, true, mArea, mCount);
        assertThat(r.<Boolean>getEntry("quorumMet")).isTrue();
        assertThat(r.<Boolean>getEntry("passed")).isFalse();
    }
}
