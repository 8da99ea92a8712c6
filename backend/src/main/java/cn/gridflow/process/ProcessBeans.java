package cn.gridflow.process;

import cn.gridflow.notification.Notifications;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Expression beans the BPMN models use, each on the expression allow-list through {@link ProcessBean}; the plain
 * classes live in the processes module so model tests share them.
 */
@Configuration
public class ProcessBeans {

    @Bean
    @ProcessBean
    Groups groups() {
        return new Groups();
    }

    @Bean
    @ProcessBean
    Counter counter() {
        return new Counter();
    }

    /** The supervision ladder sends through the notification outbox: once per step, even if a timer job runs twice. */
    @Bean
    @ProcessBean
    Supervision supervision(Notifications notifications) {
        return new Supervision(notifications::toGroup);
    }
}
