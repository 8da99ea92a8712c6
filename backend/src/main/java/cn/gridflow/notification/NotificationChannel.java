package cn.gridflow.notification;

/**
 * Where notifications go out: SMS gateway, 浙政钉 (Zhejiang government DingTalk), app push… The product ships
 * {@link LoggingNotificationChannel}; an installation replaces it with a bean of its own.
 */
public interface NotificationChannel {

    String name();

    /** Delivers one notification; throws when the channel could not take it (it stays pending in the outbox). */
    void deliver(Notification notification);
}
