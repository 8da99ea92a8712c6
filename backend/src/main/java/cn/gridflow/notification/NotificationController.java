package cn.gridflow.notification;

import java.util.Map;

import cn.gridflow.common.ApiException;
import cn.gridflow.security.CurrentUser;
import cn.gridflow.tasklist.TaskInbox;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
public class NotificationController {

    private static final java.util.Set<String> STATUSES = java.util.Set.of("PENDING", "SENT");

    private final NotificationQueries queries;
    private final Notifications notifications;

    public NotificationController(NotificationQueries queries, Notifications notifications) {
        this.queries = queries;
        this.notifications = notifications;
    }

    @GetMapping
    public NotificationQueries.Page mine(@RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "20") int size,
                                         @RequestParam(required = false) String kind,
                                         @RequestParam(required = false) String status,
                                         @RequestParam(required = false) String text) {
        if (size < 1 || size > TaskInbox.MAX_PAGE_SIZE || page < 0) {
            throw ApiException.badRequest("PAGE_INVALID");
        }
        if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
            throw ApiException.badRequest("NOTIFICATION_STATUS_INVALID", status);
        }
        if (text != null && text.length() > 200) {
            throw ApiException.badRequest("NOTIFICATION_TEXT_TOO_LONG", 200);
        }
        return queries.forUser(CurrentUser.get(), new NotificationQueries.Filter(kind, status, text), page, size);
    }

    /** Administrators push out what a failed channel left pending. */
    @PostMapping("/resend-pending")
    public Map<String, Integer> resendPending() {
        CurrentUser.admin();
        int sent = 0;
        for (Notification pending : notifications.pending(TaskInbox.MAX_PAGE_SIZE)) {
            if (notifications.deliver(pending)) {
                sent++;
            }
        }
        return Map.of("sent", sent);
    }
}
