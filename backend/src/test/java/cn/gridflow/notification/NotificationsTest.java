package cn.gridflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import cn.gridflow.support.RecordingChannel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox: once per dedup key, nothing from a rolled-back transaction, delivered once, shown to its readers. */
@GridFlowTest
class NotificationsTest {

    @Autowired
    Notifications notifications;
    @Autowired
    RecordingChannel channel;
    @Autowired
    TransactionTemplate transaction;
    @LocalServerPort
    int port;

    @BeforeEach
    void reset() {
        channel.delivered.clear();
        channel.failing = false;
    }

    private long deliveredWithKey(String subject) {
        return channel.delivered.stream().filter(n -> n.subject().equals(subject)).count();
    }

    @Test
    void theSameRequestTwiceIsOneNotificationDeliveredOnceAfterCommit() {
        String subject = "督办 " + UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            assertThat(notifications.send("k-" + subject, "RED", Notification.RecipientKind.GROUP,
                    "dept-leader:ENFORCE", subject, null, "EV-1", null)).isTrue();
            assertThat(notifications.send("k-" + subject, "RED", Notification.RecipientKind.GROUP,
                    "dept-leader:ENFORCE", subject, null, "EV-1", null)).isFalse();
            assertThat(deliveredWithKey(subject)).as("nothing leaves before commit").isZero();
        });
        assertThat(deliveredWithKey(subject)).isEqualTo(1);
    }

    @Test
    void aRolledBackTransactionSendsNothing() {
        String subject = "黄灯 " + UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            notifications.send("k-" + subject, "YELLOW", Notification.RecipientKind.USER, "enforce", subject,
                    null, null, null);
            status.setRollbackOnly();
        });
        assertThat(deliveredWithKey(subject)).isZero();
        assertThat(notifications.pending(200)).noneMatch(n -> n.subject().equals(subject));
    }

    @Test
    void aFailedDeliveryStaysPendingUntilResentAndIsNeverSentTwice() {
        String subject = "回访 " + UUID.randomUUID();
        channel.failing = true;
        notifications.send("k-" + subject, "RATING", Notification.RecipientKind.USER, "resident01", subject,
                null, null, null);
        assertThat(notifications.pending(200)).anyMatch(n -> n.subject().equals(subject));

        channel.failing = false;
        AppClient admin = AppClient.login(port, "admin", "admin");
        assertThat(AppClient.login(port, "grid0101", "demo").post("/api/notifications/resend-pending",
                java.util.Map.of()).status()).isEqualTo(403);
        assertThat(admin.post("/api/notifications/resend-pending", java.util.Map.of()).status()).isEqualTo(200);
        assertThat(deliveredWithKey(subject)).isEqualTo(1);
        Notification sent = channel.delivered.stream().filter(n -> n.subject().equals(subject)).findFirst()
                .orElseThrow();
        assertThat(notifications.deliver(sent)).as("a second delivery of the same row").isFalse();
        assertThat(deliveredWithKey(subject)).isEqualTo(1);
    }

    @Test
    void usersSeeWhatWasSentToThemOrTheirGroupsOnly() {
        String subject = "督办单 " + UUID.randomUUID();
        notifications.send("k-" + subject, "RED", Notification.RecipientKind.GROUP, "dept-leader:ENFORCE", subject,
                "请于今日内处置", "EV-2", null);
        assertThat(AppClient.login(port, "enforcelead", "demo").get("/api/notifications?size=200").body())
                .contains(subject);
        assertThat(AppClient.login(port, "market", "demo").get("/api/notifications?size=200").body())
                .doesNotContain(subject);
    }
}
