package cn.gridflow.process;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * {@code ${slaTimers}}: moves the deadlines of a running grid event after they were first computed — an approved
 * extension (延期) or a change of mode (平战转换, domain-spec §1.6) — and keeps everything that watches them in step:
 * the deadline variables, the due dates of the open tasks and the timer jobs of the supervision ladder. Timers are
 * moved in place ({@link ManagementService#setJobDuedate}), so a step already taken (yellow sent, red issued) is not
 * repeated and one not yet due fires at its new time.
 */
public class SlaTimers {

    /** The working-day calendar (the backend's {@code workCalendar}; natural time in model tests). */
    public interface Calendar {
        Date due(Date from, String isoDuration, String calendarType);

        Date fractionOfWay(Date start, Date due, double fraction, String calendarType);
    }

    public static final String WORKDAY = "WORKDAY";
    public static final String NATURAL = "NATURAL";

    /** Which deadline each ladder timer watches. */
    private static final Map<String, String> TIMER_DEADLINES = Map.of(
            "signOverdue", "signDueAt", "yellowLight", "yellowAt", "redLight", "slaDueAt", "level3Due", "level3At");

    /** Which deadline is the due date of each open task. */
    private static final Map<String, String> TASK_DEADLINES = Map.of(
            "dispatch", "signDueAt", "signOrReturn", "signDueAt", "designateLeadDept", "signDueAt",
            "resolveInGrid", "slaDueAt", "resolveInCommunity", "slaDueAt", "deptHandle", "slaDueAt");

    /** Nobody has signed for the event while it waits at one of these. */
    private static final Set<String> BEFORE_SIGNING = Set.of("dispatch", "signOrReturn", "designateLeadDept");
    /** Grid and community tasks have no signing step: unclaimed counts as not signed. */
    private static final Set<String> SIGNED_WHEN_CLAIMED = Set.of("resolveInGrid", "resolveInCommunity");

    private final Calendar calendar;

    public SlaTimers(Calendar calendar) {
        this.calendar = calendar;
    }

    /** A short deadline that depends on the mode only, e.g. verification: 1 workday in peace, 2 natural hours in war. */
    public Date within(String cityMode, String peace, String war) {
        Date now = ClockUtil.getCurrentTime();
        return "WAR".equals(cityMode) ? calendar.due(now, war, NATURAL) : calendar.due(now, peace, WORKDAY);
    }

    /**
     * An approved extension: the resolution deadline moves by {@code extensionWorkdays} on the event's calendar, the
     * yellow point and 通报 follow it.
     */
    public void extend(DelegateExecution execution) {
        Number workdays = (Number) execution.getVariable("extensionWorkdays");
        if (workdays == null || workdays.intValue() < 1) {
            throw new IllegalArgumentException("extensionWorkdays must be at least 1");
        }
        String calendarType = calendarOf(execution);
        Date slaDueAt = calendar.due(date(execution, "slaDueAt"), "P" + workdays.intValue() + "D", calendarType);
        Map<String, Date> deadlines = new LinkedHashMap<>();
        deadlines.put("slaDueAt", slaDueAt);
        deadlines.put("yellowAt", yellowPoint(execution, slaDueAt, calendarType));
        deadlines.put("level3At", level3Point(execution, slaDueAt, calendarType));
        apply(execution, deadlines);
        execution.setVariable("extensionGrantedAt", ClockUtil.getCurrentTime());
    }

    /**
     * The first computation ({@code computeDueDates}, also after a reopening): the clocks start now and the SLA
     * decision's durations become signDueAt, slaDueAt, yellowAt and level3At on the decision's calendar. The same
     * {@link #deadlines} as {@link #recompute}, so first computation and recomputation cannot drift apart.
     */
    public void start(DelegateExecution execution) {
        if (execution.getVariable("resolveWithin") == null) {
            throw new IllegalStateException("no SLA for urgency " + execution.getVariable("urgency")
                    + ", level " + execution.getVariable("handlingLevel") + ", mode " + execution.getVariable("cityMode"));
        }
        Date now = ClockUtil.getCurrentTime();
        // where the clocks started: a later change of mode recomputes the deadlines from here
        execution.setVariable("slaStartedAt", now);
        execution.setVariable("signStartedAt", now);
        deadlines(execution).forEach(execution::setVariable);
        if (execution.getVariable("slaBreached") == null) {
            execution.setVariable("slaBreached", false);
        }
        if (execution.getVariable("extensionUsed") == null) {
            execution.setVariable("extensionUsed", false);
        }
        if (execution.getVariable("escalationLevel") == null) {
            execution.setVariable("escalationLevel", 0);
        }
    }

    /**
     * After the SLA decision was taken again for the new mode: an event nobody has signed for gets the new deadlines,
     * counted from when its clocks started; one already being handled keeps the earlier of old and new.
     */
    public void recompute(DelegateExecution execution) {
        Map<String, Date> fresh = deadlines(execution);
        boolean signed = isSigned(execution);
        Map<String, Date> deadlines = new LinkedHashMap<>();
        fresh.forEach((name, proposed) -> {
            Date current = (Date) execution.getVariable(name);
            deadlines.put(name, !signed || current == null ? proposed : earlier(current, proposed));
        });
        apply(execution, deadlines);
        execution.setVariable("slaRecomputedAt", ClockUtil.getCurrentTime());
    }

    /** signDueAt, slaDueAt, yellowAt (at yellowPct of the way) and level3At, counted from when the clocks started. */
    private Map<String, Date> deadlines(DelegateExecution execution) {
        String calendarType = calendarOf(execution);
        String resolveWithin = (String) execution.getVariable("resolveWithin");
        String signWithin = (String) execution.getVariable("signWithin");
        Date slaDueAt = calendar.due(startOf(execution, "slaStartedAt"), resolveWithin, calendarType);
        Map<String, Date> deadlines = new LinkedHashMap<>();
        deadlines.put("signDueAt", signWithin == null ? null
                : calendar.due(startOf(execution, "signStartedAt"), signWithin, calendarType));
        deadlines.put("slaDueAt", slaDueAt);
        deadlines.put("yellowAt", yellowPoint(execution, slaDueAt, calendarType));
        deadlines.put("level3At", level3Point(execution, slaDueAt, calendarType));
        return deadlines;
    }

    private boolean isSigned(DelegateExecution execution) {
        List<Task> open = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).list();
        for (Task task : open) {
            String key = task.getTaskDefinitionKey();
            if (BEFORE_SIGNING.contains(key) || SIGNED_WHEN_CLAIMED.contains(key) && task.getAssignee() == null) {
                return false;
            }
        }
        return true;
    }

    private void apply(DelegateExecution execution, Map<String, Date> deadlines) {
        deadlines.forEach(execution::setVariable);
        String processInstanceId = execution.getProcessInstanceId();
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
            String deadline = TASK_DEADLINES.get(task.getTaskDefinitionKey());
            if (deadline != null && deadlines.containsKey(deadline)
                    && !Objects.equals(task.getDueDate(), deadlines.get(deadline))) {
                tasks.setDueDate(task.getId(), deadlines.get(deadline));
            }
        }
        ManagementService management = execution.getProcessEngineServices().getManagementService();
        TIMER_DEADLINES.forEach((activityId, deadline) -> {
            Date due = deadlines.get(deadline);
            if (due == null) {
                return;
            }
            for (Job timer : management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                    .timers().list()) {
                management.setJobDuedate(timer.getId(), due);
            }
        });
    }

    private Date yellowPoint(DelegateExecution execution, Date slaDueAt, String calendarType) {
        Number pct = (Number) execution.getVariable("yellowPct");
        return calendar.fractionOfWay(startOf(execution, "slaStartedAt"), slaDueAt, pct == null ? 0.8 : pct.doubleValue(),
                calendarType);
    }

    private Date level3Point(DelegateExecution execution, Date slaDueAt, String calendarType) {
        String level3After = (String) execution.getVariable("level3After");
        return level3After == null ? null : calendar.due(slaDueAt, level3After, calendarType);
    }

    private static String calendarOf(DelegateExecution execution) {
        Object type = execution.getVariable("calendar");
        return type == null ? WORKDAY : type.toString();
    }

    private static Date startOf(DelegateExecution execution, String name) {
        Object start = execution.getVariable(name);
        return start instanceof Date d ? d : ClockUtil.getCurrentTime();
    }

    private static Date date(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value instanceof Date d) {
            return d;
        }
        throw new IllegalStateException(name + " is not set on " + execution.getProcessBusinessKey());
    }

    private static Date earlier(Date a, Date b) {
        return b == null || a.before(b) ? a : b;
    }
}
