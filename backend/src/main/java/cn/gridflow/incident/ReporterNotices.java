package cn.gridflow.incident;

import cn.gridflow.process.ProcessBean;
import cn.gridflow.notification.Notification;
import cn.gridflow.notification.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Messages to whoever reported an event: a user of GridFlow (reporterId), else a phone number (the app, 12345),
 * else the dispatch desk, which then answers by other means. One message per event and kind.
 */
@ProcessBean
@Component
public class ReporterNotices {

    private final Notifications notifications;

    public ReporterNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    public void send(DelegateExecution execution, String kind, String subject, String body) {
        String reporterId = (String) execution.getVariable("reporterId");
        String phone = (String) execution.getVariable("reporterPhone");
        Notification.RecipientKind recipientKind = reporterId != null ? Notification.RecipientKind.USER
                : phone != null ? Notification.RecipientKind.PHONE : Notification.RecipientKind.GROUP;
        String recipient = reporterId != null ? reporterId : phone != null ? phone : "sgc-dispatcher";
        // Keyed by activity instance: a reopened event asks for a new rating, a job run twice asks once.
        notifications.send(execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId() + ":" + kind,
                kind, recipientKind, recipient, subject, body, execution.getProcessBusinessKey(),
                execution.getProcessInstanceId());
    }

    /** An approved extension (延期) is told to the reporter, with the new deadline. */
    public void extensionGranted(DelegateExecution execution) {
        send(execution, "EXTENSION_GRANTED", "您反映的事项办理时限已延长",
                "事件 " + execution.getProcessBusinessKey() + " 经批准延期 " + execution.getVariable("extensionWorkdays")
                        + " 个工作日，新的办理时限：" + execution.getVariable("slaDueAt"));
    }
}
