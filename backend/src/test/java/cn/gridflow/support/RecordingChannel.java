package cn.gridflow.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import cn.gridflow.notification.Notification;
import cn.gridflow.notification.NotificationChannel;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Stands in for an SMS gateway in every HTTP test, so a test sees what went out (the product's default only logs).
 * Part of the one shared test context: a second Spring context would start a second engine named "default", and
 * engine-rest, which looks its engine up by name, could then serve requests from the wrong one.
 */
public class RecordingChannel implements NotificationChannel {

    public final List<Notification> delivered = Collections.synchronizedList(new ArrayList<>());
    public volatile boolean failing;

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public void deliver(Notification notification) {
        if (failing) {
            throw new IllegalStateException("gateway down");
        }
        delivered.add(notification);
    }

    @TestConfiguration
    public static class Config {
        @Bean
        @Primary
        RecordingChannel recordingChannel() {
            return new RecordingChannel();
        }
    }
}
