package cn.gridflow.notification;

import java.util.Date;

/** One message to a user, a group (everyone in it) or a phone number. */
public record Notification(String id, String kind, RecipientKind recipientKind, String recipient, String subject,
                           String body, String businessKey, String processInstanceId, Date created, Date sentAt) {

    public enum RecipientKind { USER, GROUP, PHONE }
}
