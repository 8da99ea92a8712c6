package cn.gridflow.tasklist;

import java.time.Instant;

/**
 * Where a task stands on the supervision ladder (domain-spec §0.3): on time, yellow (near due), red (overdue),
 * 通报 (level 3). Tasks that run against a process's SLA carry its yellow and level-3 points, computed on the
 * working-day calendar; other tasks turn yellow at 80% of their clock time.
 */
public enum SlaState {
    NONE, ON_TIME, NEAR_DUE, OVERDUE, LEVEL3;

    static final double YELLOW_AT = 0.8;

    public static SlaState of(Instant created, Instant due, Instant now) {
        return of(created, due, null, null, now);
    }

    public static SlaState of(Instant created, Instant due, Instant yellowAt, Instant level3At, Instant now) {
        if (level3At != null && !now.isBefore(level3At)) {
            return LEVEL3;
        }
        if (due == null) {
            return NONE;
        }
        if (!now.isBefore(due)) {
            return OVERDUE;
        }
        if (yellowAt != null) {
            return now.isBefore(yellowAt) ? ON_TIME : NEAR_DUE;
        }
        long allowed = due.toEpochMilli() - created.toEpochMilli();
        long used = now.toEpochMilli() - created.toEpochMilli();
        return allowed > 0 && used >= allowed * YELLOW_AT ? NEAR_DUE : ON_TIME;
    }
}
