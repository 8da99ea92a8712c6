package cn.gridflow.process.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.gridflow.process.promotion.PromotionRanking.Scored;

/** The ranking's stated tie-break: total, then written test, then interview, then service years, then applicant id. */
class PromotionRankingTest {

    private static List<String> order(Scored... candidates) {
        return PromotionRanking.rank(List.of(candidates)).stream().map(Scored::applicantId).toList();
    }

    @Test
    void higherTotalRanksFirst() {
        assertThat(order(new Scored("a", 80, 90, 90, 9), new Scored("b", 85, 70, 70, 3))).containsExactly("b", "a");
    }

    @Test
    void equalTotalsAreBrokenByTheWrittenTest() {
        assertThat(order(new Scored("a", 85, 80, 90, 5), new Scored("b", 85, 82, 70, 5))).containsExactly("b", "a");
    }

    @Test
    void thenByTheInterview() {
        assertThat(order(new Scored("a", 85, 80, 88, 5), new Scored("b", 85, 80, 89, 5))).containsExactly("b", "a");
    }

    @Test
    void thenByLongerService() {
        assertThat(order(new Scored("a", 85, 80, 88, 5), new Scored("b", 85, 80, 88, 6.5))).containsExactly("b", "a");
    }

    @Test
    void aCompleteTieIsOrderedByApplicantIdSoEveryRunAgrees() {
        assertThat(order(new Scored("z", 85, 80, 88, 5), new Scored("m", 85, 80, 88, 5))).containsExactly("m", "z");
    }

    @Test
    void theTotalIsRoundedToTwoDecimalsAndTheBonusCapped() {
        PromotionScoring scoring = new PromotionScoring(3.0);
        assertThat(scoring.total(86, 86, 80, 0)).isEqualTo(84.2);
        assertThat(scoring.total(88, 88, 80, 5)).isEqualTo(88.6);
        assertThat(scoring.total(88, 88, 80, 2)).isEqualTo(87.6);
        assertThat(scoring.total(100, 100, 100, -1)).isEqualTo(100.0);
    }
}
