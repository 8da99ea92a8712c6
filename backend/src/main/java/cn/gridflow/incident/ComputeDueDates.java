package cn.gridflow.incident;

import java.util.Date;

import cn.gridflow.calendar.WorkCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import cn.gridflow.process.ProcessBean;

/**
 * {@code ${computeDueDates}}: turns the SLA decision's durations into dates on the working-day calendar
 * (natural time in war mode, as the decision's {@code calendar} says): signDueAt, slaDueAt, the yellow light at
 * {@code yellowPct} of the way, and level3At (通报) after the red light. Uses the engine clock, so tests can move it.
 */
@ProcessBean
@Component("computeDueDates")
public class ComputeDueDates implements JavaDelegate {

    private final WorkCalendar workCalendar;

    public ComputeDueDates(WorkCalendar workCalendar) {
        this.workCalendar = workCalendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date now = ClockUtil.getCurrentTime();
        String calendar = (String) execution.getVariable("calendar");
        String signWithin = (String) execution.getVariable("signWithin");
        String resolveWithin = (String) execution.getVariable("resolveWithin");
        String level3After = (String) execution.getVariable("level3After");
        Number yellowPct = (Number) execution.getVariable("yellowPct");
        if (resolveWithin == null) {
            throw new IllegalStateException("no SLA for urgency " + execution.getVariable("urgency")
                    + ", level " + execution.getVariable("handlingLevel") + ", mode " + execution.getVariable("cityMode"));
        }
        Date slaDueAt = workCalendar.due(now, resolveWithin, calendar);
        // where the clocks started: a later change of mode recomputes the deadlines from here (slaTimers)
        execution.setVariable("slaStartedAt", now);
        execution.setVariable("signStartedAt", now);
        execution.setVariable("signDueAt", signWithin == null ? null : workCalendar.due(now, signWithin, calendar));
        execution.setVariable("slaDueAt", slaDueAt);
        execution.setVariable("yellowAt", workCalendar.fractionOfWay(now, slaDueAt,
                yellowPct == null ? 0.8 : yellowPct.doubleValue(), calendar));
        execution.setVariable("level3At", level3After == null ? null : workCalendar.due(slaDueAt, level3After, calendar));
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
}
