package cn.gridflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox screen's filters on GET /api/notifications: kind, delivery status and text, server-side. */
@GridFlowTest
class NotificationFilterTest {

    @LocalServerPort
    int port;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate tx;

    private static List<String> subjects(AppClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        for (JsonNode item : reply.json().path("items")) {
            out.add(item.path("subject").asText());
        }
        return out;
    }

    @Test
    void administratorsNarrowTheOutboxByKindStatusAndText() {
        String marker = "F" + UUID.randomUUID().toString().substring(0, 8);
        tx.executeWithoutResult(s -> {
            notifications.send(marker + "-1", "RED", Notification.RecipientKind.GROUP, "sgc-supervisor",
                    "督办 " + marker, null, "EV-" + marker, null);
            notifications.send(marker + "-2", "YELLOW", Notification.RecipientKind.USER, "enforce",
                    "预警 " + marker, null, "EV-" + marker, null);
        });
        AppClient admin = AppClient.login(port, "admin", "admin");
        String byText = "/api/notifications?size=50&text=" + marker.toLowerCase();

        assertThat(subjects(admin.get(byText))).containsExactlyInAnyOrder("督办 " + marker, "预警 " + marker);
        assertThat(subjects(admin.get(byText + "&kind=RED"))).containsExactly("督办 " + marker);
        // Delivered after commit by the logging channel: nothing of these is pending.
        assertThat(subjects(admin.get(byText + "&status=PENDING"))).isEmpty();
        assertThat(subjects(admin.get(byText + "&status=SENT"))).hasSize(2);

        // A user still sees only what was sent to them, filters or not.
        AppClient enforce = AppClient.login(port, "enforce", "demo");
        assertThat(subjects(enforce.get(byText))).containsExactly("预警 " + marker);

        AppClient.Reply bad = admin.get("/api/notifications?status=LOST");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("message")).contains("LOST");
    }
}
