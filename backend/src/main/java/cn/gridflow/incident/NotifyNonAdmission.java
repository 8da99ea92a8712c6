package cn.gridflow.incident;

import cn.gridflow.notification.Notification;
import cn.gridflow.notification.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${notifyNonAdmission}}: tells the reporter why a matter is not taken up by the grid (网格事项准入):
 * explained and closed (REJECT_EXPLAIN), or referred to the competent department / 12345 (REFER_DEPT).
 */
@Component("notifyNonAdmission")
public class NotifyNonAdmission implements JavaDelegate {

    private final Notifications notifications;

    public NotifyNonAdmission(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String action = (String) execution.getVariable("nonAdmissionAction");
        String eventId = execution.getProcessBusinessKey();
        String subject = "REJECT_EXPLAIN".equals(action)
                ? "您反映的事项（" + eventId + "）不属于网格事项准入清单，已作说明，不再派网格办理。"
                : "您反映的事项（" + eventId + "）不属于网格事项，已转交主管部门或 12345 办理。";
        String reporterId = (String) execution.getVariable("reporterId");
        String phone = (String) execution.getVariable("reporterPhone");
        Notification.RecipientKind kind = reporterId != null ? Notification.RecipientKind.USER
                : phone != null ? Notification.RecipientKind.PHONE : Notification.RecipientKind.GROUP;
        String recipient = reporterId != null ? reporterId : phone != null ? phone : "sgc-dispatcher";
        notifications.send(execution.getProcessInstanceId() + ":NOT_ADMITTED", "NOT_ADMITTED", kind, recipient,
                subject, action, eventId, execution.getProcessInstanceId());
    }
}
