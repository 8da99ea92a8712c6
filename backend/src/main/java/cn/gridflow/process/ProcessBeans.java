package cn.gridflow.process;

import java.util.Date;

import cn.gridflow.calendar.WorkCalendar;
import cn.gridflow.notification.Notifications;
import cn.gridflow.org.GridRepository;
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

    @Bean
    @ProcessBean
    Coordination coordination() {
        return new Coordination();
    }

    /** Deadlines moved after the fact (extension, change of mode) on the working-day calendar. */
    @Bean
    @ProcessBean
    SlaTimers slaTimers(WorkCalendar workCalendar) {
        return new SlaTimers(new SlaTimers.Calendar() {
            @Override
            public Date due(Date from, String isoDuration, String calendarType) {
                return workCalendar.due(from, isoDuration, calendarType);
            }

            @Override
            public Date fractionOfWay(Date start, Date due, double fraction, String calendarType) {
                return workCalendar.fractionOfWay(start, due, fraction, calendarType);
            }
        });
    }

    /** 自动分拨: a category with a known lead department is dispatched without a dispatcher. */
    @Bean
    @ProcessBean
    AutoDispatch autoDispatch() {
        return new AutoDispatch();
    }

    /** 市级指令直达网格: grids checked against the org data, reminders and results through the outbox. */
    @Bean
    @ProcessBean
    CityCommand cityCommand(GridRepository grids, Notifications notifications) {
        return new CityCommand((gridId, communityId) -> grids.findById(gridId)
                .map(grid -> grid.getCommunityId().equals(communityId)).orElse(false), notifications::toGroup);
    }

    /** 网格事项准入: an approved item becomes the next version of the admission decision. */
    @Bean
    @ProcessBean
    AdmissionList admissionList() {
        return new AdmissionList();
    }
}
