package cn.gridflow.promotion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.gridflow.demo.DemoUser;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo people of the promotion feature and HR records of the demo grid workers. Idempotent. */
@Component
@ConditionalOnProperty(name = "gridflow.demo.enabled", havingValue = "true")
public class PromotionDemoData {

    private static final Logger log = LoggerFactory.getLogger(PromotionDemoData.class);

    static final List<DemoUser> USERS = List.of(
            new DemoUser("hr01", "沈", "燕", List.of("hr-admin")),
            new DemoUser("panel01", "韩", "梅", List.of("assessment-panel")),
            new DemoUser("check01", "冯", "诚", List.of("discipline-check")),
            new DemoUser("committee01", "曹", "毅", List.of("promotion-committee")),
            new DemoUser("approver01", "邓", "华", List.of("city-gov-approver")));

    private final IdentityService identity;
    private final HrRecords records;

    public PromotionDemoData(IdentityService identity, HrRecords records) {
        this.identity = identity;
        this.records = records;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(10)
    public void load() {
        DemoUser.ensure(identity, USERS);
        record("grid0101", "C01", "G0101", "5.0", LocalDate.of(1991, 3, 12), 3, "86",
                List.of(new HrRecords.Assessment(2024, "EXCELLENT"), new HrRecords.Assessment(2025, "COMPETENT")));
        record("grid0102", "C01", "G0102", "2.5", LocalDate.of(1995, 8, 2), 3, "78",
                List.of(new HrRecords.Assessment(2024, "COMPETENT"), new HrRecords.Assessment(2025, "COMPETENT")));
        record("grid0201", "C02", "G0201", "12.0", LocalDate.of(1978, 5, 20), 3, "90",
                List.of(new HrRecords.Assessment(2024, "EXCELLENT"), new HrRecords.Assessment(2025, "EXCELLENT")));
        record("grid0202", "C02", "G0202", "6.0", LocalDate.of(1988, 11, 5), 4, "82",
                List.of(new HrRecords.Assessment(2024, "COMPETENT"), new HrRecords.Assessment(2025, "EXCELLENT")));
        log.info("promotion demo data ready");
    }

    private void record(String userId, String community, String grid, String years, LocalDate born, int education,
                        String performance, List<HrRecords.Assessment> assessments) {
        if (records.find(userId).isEmpty()) {
            records.save(new HrRecords.HrRecord(userId, community, grid, "FULL_TIME_GRID", new BigDecimal(years), born,
                    education, null, new BigDecimal(performance), BigDecimal.ZERO, assessments, 0), null);
        }
    }
}
