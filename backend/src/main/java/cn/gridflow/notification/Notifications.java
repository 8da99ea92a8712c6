package cn.gridflow.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code ${notifications}}: records a notification in the outbox inside the current transaction and delivers it
 * once that transaction has committed. Exactly-once towards the channel:
 * <ul>
 *   <li>a transaction that rolls back (a failed or duplicated job) leaves no row and delivers nothing;</li>
 *   <li>the same {@code dedupKey} twice is one row;</li>
 *   <li>delivery claims the row with a conditional update, so two nodes never both send it.</li>
 * </ul>
 * A delivery that fails stays pending with its error, visible in the outbox, and can be re-sent.
 */
@Component("notifications")
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final JdbcTemplate jdbc;
    private final NotificationChannel channel;

    public Notifications(JdbcTemplate jdbc, NotificationChannel channel) {
        this.jdbc = jdbc;
        this.channel = channel;
    }

    /** From BPMN: one notification per activity instance and recipient, e.g. a 督办单 when a timer fires. */
    public void toGroup(DelegateExecution execution, String kind, String groupId, String subject) {
        send(dedupKey(execution, kind, groupId), kind, Notification.RecipientKind.GROUP, groupId, subject, null,
                execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }

    public void toUser(DelegateExecution execution, String kind, String userId, String subject) {
        send(dedupKey(execution, kind, userId), kind, Notification.RecipientKind.USER, userId, subject, null,
                execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }

    private static String dedupKey(DelegateExecution execution, String kind, String recipient) {
        return execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId() + ":" + kind + ":" + recipient;
    }

    /** @return whether a new notification was recorded (false: this dedupKey was sent before) */
    public boolean send(String dedupKey, String kind, Notification.RecipientKind recipientKind, String recipient,
                        String subject, String body, String businessKey, String processInstanceId) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        Long existing = jdbc.queryForObject("select count(*) from gf_notification where dedup_key = ?", Long.class,
                dedupKey);
        if (existing != null && existing > 0) {
            return false;
        }
        try {
            jdbc.update("""
                    insert into gf_notification (id, dedup_key, kind, recipient_kind, recipient, subject, body,
                        business_key, proc_inst_id, created) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    id, dedupKey, kind, recipientKind.name(), recipient, subject, body, businessKey,
                    processInstanceId, now);
        } catch (DuplicateKeyException raced) {
            return false;
        }
        Notification notification = new Notification(id, kind, recipientKind, recipient, subject, body, businessKey,
                processInstanceId, new Date(now.getTime()), null);
        afterCommit(() -> deliver(notification));
        return true;
    }

    /** Delivers a pending notification unless another node or an earlier call already did. */
    public boolean deliver(Notification notification) {
        Timestamp now = Timestamp.from(Instant.now());
        int claimed = jdbc.update("update gf_notification set sent_at = ?, channel = ?, last_error = null"
                + " where id = ? and sent_at is null", now, channel.name(), notification.id());
        if (claimed == 0) {
            return false;
        }
        try {
            channel.deliver(notification);
            return true;
        } catch (RuntimeException e) {
            log.warn("notification {} not delivered: {}", notification.id(), e.getMessage());
            String error = String.valueOf(e.getMessage());
            jdbc.update("update gf_notification set sent_at = null, last_error = ? where id = ?",
                    error.length() > 500 ? error.substring(0, 500) : error, notification.id());
            return false;
        }
    }

    /** Inside an engine command the engine's transaction decides; otherwise Spring's, or now if there is none. */
    private static void afterCommit(Runnable action) {
        CommandContext command = Context.getCommandContext();
        if (command != null) {
            command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, ctx -> action.run());
        } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    public List<Notification> pending(int max) {
        return jdbc.query("select * from gf_notification where sent_at is null order by created limit ?",
                NotificationQueries::row, max);
    }
}
