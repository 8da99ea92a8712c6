package cn.gridflow.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import cn.gridflow.process.ProcessBean;

/**
 * {@code ${notifyNonAdmission}}: tells the reporter why a matter is not taken up by the grid (网格事项准入):
 * explained and closed (REJECT_EXPLAIN), or referred to the competent department / 12345 (REFER_DEPT).
 */
@ProcessBean
@Component("notifyNonAdmission")
public class NotifyNonAdmission implements JavaDelegate {

    private final ReporterNotices reporter;

    public NotifyNonAdmission(ReporterNotices reporter) {
        this.reporter = reporter;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String action = (String) execution.getVariable("nonAdmissionAction");
        String eventId = execution.getProcessBusinessKey();
        String subject = "REJECT_EXPLAIN".equals(action)
                ? "您反映的事项（" + eventId + "）不属于网格事项准入清单，已作说明，不再派网格办理。"
                : "您反映的事项（" + eventId + "）不属于网格事项，已转交主管部门或 12345 办理。";
        reporter.send(execution, "NOT_ADMITTED", subject, action);
    }
}
