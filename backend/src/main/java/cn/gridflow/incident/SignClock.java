package cn.gridflow.incident;

import cn.gridflow.calendar.WorkCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import cn.gridflow.process.ProcessBean;

/**
 * {@code ${signClock}}: each dispatch gives the receiving department a fresh signing window (签收时限) of the SLA's
 * {@code signWithin}, on the same calendar; the resolution deadline keeps running.
 */
@ProcessBean
@Component("signClock")
public class SignClock {

    private final WorkCalendar workCalendar;

    public SignClock(WorkCalendar workCalendar) {
        this.workCalendar = workCalendar;
    }

    public void restart(DelegateExecution execution) {
        String signWithin = (String) execution.getVariable("signWithin");
        if (signWithin != null) {
            execution.setVariable("signStartedAt", ClockUtil.getCurrentTime());
            execution.setVariable("signDueAt", workCalendar.due(ClockUtil.getCurrentTime(), signWithin,
                    (String) execution.getVariable("calendar")));
        }
    }
}
