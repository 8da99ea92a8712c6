package cn.gridflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Money in fen (domain-spec §0.3): a plan always adds up to the price, to the fen. */
class PaymentPlanTest {

    @Test
    void theAdvanceAndTheInstalmentsAddUpToThePriceEvenWhenItDoesNotDivide() {
        PaymentPlan plan = new PaymentPlan(100_000_01L, 30, 7);
        long total = plan.advanceFen() + IntStream.rangeClosed(1, 7).mapToLong(plan::instalmentFen).sum();
        assertThat(plan.advanceFen()).isEqualTo(3_000_000L);
        assertThat(plan.instalmentFen(1)).isEqualTo(1_000_000L);
        assertThat(plan.instalmentFen(7)).isEqualTo(1_000_001L);
        assertThat(total).isEqualTo(100_000_01L);
    }

    @Test
    void aPoorGradePaysEightyPercentFlooredToTheFen() {
        assertThat(PaymentPlan.payable(1_000_001L, 80)).isEqualTo(800_000L);
        assertThat(PaymentPlan.payable(1_000_001L, 100)).isEqualTo(1_000_001L);
    }

    @Test
    void theUnearnedAdvanceIsProRataOfTheTimeLeft() {
        Date start = new Date(0);
        Date end = new Date(1000L * 60 * 60 * 24 * 100);
        Date quarterWay = new Date(1000L * 60 * 60 * 24 * 25);
        assertThat(PaymentPlan.unearned(40_000L, start, end, quarterWay)).isEqualTo(30_000L);
        assertThat(PaymentPlan.unearned(40_000L, start, end, end)).isZero();
        assertThat(PaymentPlan.unearned(40_000L, start, end, start)).isEqualTo(40_000L);
    }

    @Test
    void aPlanOutsideItsBoundsIsRefused() {
        assertThatThrownBy(() -> new PaymentPlan(-1, 30, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentPlan(100, 101, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentPlan(100, 30, 4).instalmentFen(5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEvaluationCycleIsAWholeNumberOfMonths() {
        assertThat(ContractTerms.cycleMonths("R/P3M")).isEqualTo(3);
        assertThat(ContractTerms.cycleMonths("R4/P6M")).isEqualTo(6);
        assertThat(ContractTerms.cycleMonths("P1M")).isEqualTo(1);
        assertThat(ContractTerms.periods(24, 3)).isEqualTo(8);
        assertThat(ContractTerms.periods(10, 3)).isEqualTo(4);
        assertThatThrownBy(() -> ContractTerms.cycleMonths("R/P10D")).isInstanceOf(IllegalArgumentException.class);
    }
}
