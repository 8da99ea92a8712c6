package cn.gridflow.process;

import cn.gridflow.notification.Notifications;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Expression beans the BPMN models use; the plain classes live in the processes module so model tests share them. */
@Configuration
public class ProcessBeans {

    @Bean
    Groups groups() {
        return new Groups();
    }

    @Bean
    Counter counter() {
        return new Counter();
    }

    /** The supervision ladder sends through the notification outbox: once per step, even if a timer job runs twice. */
    @Bean
    Supervision supervision(Notifications notifications) {
        return new Supervision(notifications::toGroup);
    }
}
