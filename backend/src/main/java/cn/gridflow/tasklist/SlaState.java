package cn.gridflow.tasklist;

import java.time.Instant;

/** Where a task stands against its due date: yellow from 80% of the allowed time (domain-spec §0.3). */
public enum SlaState {
    NONE, ON_TIME, NEAR_DUE, OVERDUE;

    static final double YELLOW_AT = 0.8;

    public static SlaState of(Instant created, Instant due, Instant now) {
        if (due == null) {
            return NONE;
        }
        if (!now.isBefore(due)) {
            return OVERDUE;
        }
        long allowed = due.toEpochMilli() - created.toEpochMilli();
        long used = now.toEpochMilli() - created.toEpochMilli();
        return allowed > 0 && used >= allowed * YELLOW_AT ? NEAR_DUE : ON_TIME;
    }
}
