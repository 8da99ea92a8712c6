package cn.gridflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SlaStateTest {

    static final Instant FRIDAY_16 = Instant.parse("2025-11-14T08:00:00Z");   // Fri 16:00 Beijing
    static final Instant MONDAY_1730 = Instant.parse("2025-11-17T09:30:00Z"); // due: 1 working day later
    static final Instant MONDAY_1542 = Instant.parse("2025-11-17T07:42:00Z"); // 80% of the working time
    static final Instant LEVEL3 = Instant.parse("2025-11-18T09:30:00Z");

    @Test
    void aTaskOnTheSlaTurnsYellowAtTheWorkingTimePointNotAtEightyPercentOfTheClock() {
        Instant sunday = Instant.parse("2025-11-16T20:00:00Z"); // Mon 04:00 Beijing: 82% of the clock, no work time
        assertThat(SlaState.of(FRIDAY_16, MONDAY_1730, null, null, sunday)).isEqualTo(SlaState.NEAR_DUE);
        assertThat(SlaState.of(FRIDAY_16, MONDAY_1730, MONDAY_1542, LEVEL3, sunday)).isEqualTo(SlaState.ON_TIME);
        assertThat(SlaState.of(FRIDAY_16, MONDAY_1730, MONDAY_1542, LEVEL3, MONDAY_1542)).isEqualTo(SlaState.NEAR_DUE);
    }

    @Test
    void theLadderGoesRedAtTheDueDateAndLevelThreeAtItsNotice() {
        assertThat(SlaState.of(FRIDAY_16, MONDAY_1730, MONDAY_1542, LEVEL3, MONDAY_1730)).isEqualTo(SlaState.OVERDUE);
        assertThat(SlaState.of(FRIDAY_16, MONDAY_1730, MONDAY_1542, LEVEL3, LEVEL3.minusMillis(1)))
                .isEqualTo(SlaState.OVERDUE);
        assertThat(SlaState.of(FRIDAY_16, MONDAY_1730, MONDAY_1542, LEVEL3, LEVEL3)).isEqualTo(SlaState.LEVEL3);
    }

    @Test
    void aTaskWithoutDueDateHasNoClock() {
        assertThat(SlaState.of(FRIDAY_16, null, Instant.now())).isEqualTo(SlaState.NONE);
    }
}
