package cn.gridflow.metrics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Objects;

/**
 * What the dashboards know about one grid event (a row of {@code gf_metric_event}), and how each engine fact
 * changes it. The incremental projection and the rebuild from history both go through these methods, and each
 * fact is applied so that the result does not depend on the order facts arrive in (earliest sign, latest
 * resolution, a count of open handling scopes), which is what makes a rebuild equal the live model.
 */
final class EventFacts {

    static final String PROCESS_KEY = "grid-event";
    /** The subprocess whose end is the resolution (处置完毕) the SLA measures. */
    static final String HANDLING = "handling";
    static final String SIGN_TASK = "signOrReturn";
    static final String SIGN_OVERDUE = "signOverdue";
    /** The department's handling task starts once the event is signed (or a lead department designated). */
    static final String DEPT_HANDLE = "deptHandle";

    String procInstId;
    String businessKey;
    String communityId;
    String gridId;
    String leadDept;
    String category;
    String source;
    String cityMode;
    String urgency;
    String handlingLevel;
    boolean admitted = true;
    Date reportedAt;
    boolean signRequired;
    Date signDueAt;
    Date signedAt;
    boolean signOverdue;
    Date slaDueAt;
    int handlingActive;
    Date resolvedAt;
    boolean slaBreached;
    Date closedAt;
    String closeType;
    String satisfaction;
    int reopenCount;
    int escalationLevel;
    /** What this row adds to gf_metric_daily as last written (null: nothing yet); see MetricsStore. */
    DailyCell written;

    EventFacts(String procInstId, Date reportedAt) {
        this.procInstId = procInstId;
        this.reportedAt = reportedAt;
    }

    static boolean tracks(String variableName) {
        return switch (variableName) {
            case "communityId", "gridId", "leadDept", "category", "source", "cityMode", "urgency", "handlingLevel",
                 "admitted", "signDueAt", "slaDueAt", "slaBreached", "closeType", "satisfaction", "reopenCount",
                 "escalationLevel" -> true;
            default -> false;
        };
    }

    void started(Date startTime, String businessKey) {
        this.reportedAt = startTime;
        this.businessKey = businessKey;
    }

    void ended(Date endTime) {
        this.closedAt = endTime;
    }

    void variable(String name, Object value) {
        switch (name) {
            case "communityId" -> communityId = text(value);
            case "gridId" -> gridId = text(value);
            case "leadDept" -> leadDept = text(value);
            case "category" -> category = text(value);
            case "source" -> source = text(value);
            case "cityMode" -> cityMode = text(value);
            case "urgency" -> urgency = text(value);
            case "handlingLevel" -> handlingLevel = text(value);
            case "admitted" -> admitted = !Boolean.FALSE.equals(value);
            case "signDueAt" -> signDueAt = value instanceof Date d ? d : null;
            case "slaDueAt" -> slaDueAt = value instanceof Date d ? d : null;
            case "slaBreached" -> slaBreached = Boolean.TRUE.equals(value);
            case "closeType" -> closeType = text(value);
            case "satisfaction" -> satisfaction = text(value);
            case "reopenCount" -> reopenCount = value instanceof Number n ? n.intValue() : 0;
            case "escalationLevel" -> escalationLevel = value instanceof Number n ? n.intValue() : 0;
            default -> { }
        }
    }

    void activityStarted(String activityId, Date time) {
        switch (activityId) {
            case HANDLING -> handlingActive++;
            case SIGN_TASK -> signRequired = true;
            case SIGN_OVERDUE -> signOverdue = true;
            case DEPT_HANDLE -> {
                if (signedAt == null || time.before(signedAt)) {
                    signedAt = time;
                }
            }
            default -> { }
        }
    }

    void activityEnded(String activityId, Date time) {
        if (HANDLING.equals(activityId)) {
            handlingActive = Math.max(0, handlingActive - 1);
            if (resolvedAt == null || time.after(resolvedAt)) {
                resolvedAt = time;
            }
        }
    }

    /**
     * 签收及时: signed, no signing window ran out (the sign timer sends the event back to dispatch), and not after
     * the signing deadline (the timer job may run late). Null while not yet signed.
     */
    Boolean signedInTime() {
        if (signedAt == null) {
            return null;
        }
        return !signOverdue && (signDueAt == null || !signedAt.after(signDueAt));
    }

    /**
     * 按时办结: closed, never in breach (the red light stays on record across a reopening), and resolved no later
     * than the SLA deadline (a resolution exactly at the deadline is on time). Null while open or without an SLA.
     */
    Boolean closedInTime() {
        if (closedAt == null || slaDueAt == null) {
            return null;
        }
        return !slaBreached && resolvedAt != null && !resolvedAt.after(slaDueAt);
    }

    /** The signing deadline while the event must still be signed (required, unsigned, window not run out). */
    Date signPendingDue() {
        return signRequired && signedAt == null && !signOverdue ? signDueAt : null;
    }

    /**
     * Report to close in whole seconds (as milliseconds): MySQL/MariaDB keep the engine's history times without
     * fractions, so the live value and one rebuilt from history only agree to the second.
     */
    Long handlingMs() {
        return closedAt == null ? null : wholeSeconds(closedAt) - wholeSeconds(reportedAt);
    }

    private static long wholeSeconds(Date time) {
        return Math.floorDiv(time.getTime(), 1000L) * 1000L;
    }

    Long handlingMinutes() {
        Long ms = handlingMs();
        return ms == null ? null : ms / 60_000;
    }

    LocalDate reportedDay() {
        return reportedAt.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }

    private static String text(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
