package cn.gridflow.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default channel: writes each notification to the log; the outbox page shows them to users. */
public class LoggingNotificationChannel implements NotificationChannel {

    private static final Logger log = LoggerFactory.getLogger(LoggingNotificationChannel.class);

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void deliver(Notification n) {
        log.info("notify {} {} [{}] {}: {}", n.recipientKind(), n.recipient(), n.kind(), n.subject(),
                n.body() == null ? "" : n.body());
    }

    @Configuration
    static class DefaultChannel {

        @Bean
        @ConditionalOnMissingBean(NotificationChannel.class)
        NotificationChannel loggingNotificationChannel() {
            return new LoggingNotificationChannel();
        }
    }
}
