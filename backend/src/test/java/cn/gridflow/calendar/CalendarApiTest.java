package cn.gridflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The holiday table's admin API over HTTP with real security, and its effect on the {@code workCalendar} bean.
 * Changes use days in 2031, far from the demo data's due dates, and are removed after each test.
 */
@GridFlowTest
class CalendarApiTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    WorkCalendar workCalendar;

    @Autowired
    CalendarDays calendarDays;

    @Autowired
    CalendarProperties properties;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeTestDays() {
        for (CalendarDay day : calendarDays.year(2031)) {
            calendarDays.delete(day.date());
        }
        workCalendar.reload();
    }

    private static Date at(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant());
    }

    private static Map<String, String> day(String kind, String name) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("name", name);
        return body;
    }

    /** Another node of the cluster: its own cache over the same table, checking it as often as given. */
    private WorkCalendar node(Duration refreshInterval) {
        return new WorkCalendar(calendarDays,
                new CalendarProperties(properties.zone(), properties.workingHours(), refreshInterval));
    }

    @Test
    void everyoneReadsTheSeededOfficialSchedules() {
        AppClient grid = AppClient.login(port, "grid0101", "demo");
        AppClient.Reply year2026 = grid.get("/api/calendar/days?year=2026");
        assertThat(year2026.status()).as(year2026.body()).isEqualTo(200);
        Map<LocalDate, DayKind> listed = new LinkedHashMap<>();
        for (JsonNode row : year2026.json()) {
            listed.put(LocalDate.parse(row.path("date").asText()), DayKind.valueOf(row.path("kind").asText()));
        }
        // 33 holiday days and 6 make-up working days, in date order
        assertThat(listed).containsExactlyEntriesOf(OfficialSchedule.year2026());
        assertThat(year2026.json()).hasSize(39);
        JsonNode first = year2026.json().get(0);
        assertThat(first.path("date").asText()).isEqualTo("2026-01-01");
        assertThat(first.path("name").asText()).isEqualTo("元旦");
        assertThat(year2026.json().get(3).path("date").asText()).isEqualTo("2026-01-04");
        assertThat(year2026.json().get(3).path("name").asText()).isEqualTo("元旦调休上班");
        assertThat(first.path("updatedBy").asText()).isEqualTo("system");

        AppClient.Reply year2025 = grid.get("/api/calendar/days?year=2025");
        assertThat(year2025.json()).hasSize(33);
        assertThat(year2025.json().get(1).path("date").asText()).isEqualTo("2025-01-26");
        assertThat(year2025.json().get(1).path("kind").asText()).isEqualTo("WORKDAY");

        assertThat(grid.get("/api/calendar/days?year=2031").json()).isEmpty();
        assertThat(grid.get("/api/calendar/days?year=abc").status()).isEqualTo(400);
        assertThat(grid.get("/api/calendar/days?year=1800").status()).isEqualTo(400);
        assertThat(AppClient.anonymous(port).get("/api/calendar/days?year=2026").status()).isEqualTo(401);

        // and the bean reads the same seed: the make-up Sunday 2026-01-04 works, New Year's Day does not
        assertThat(workCalendar.isWorkday(LocalDate.parse("2026-01-04"))).isTrue();
        assertThat(workCalendar.isWorkday(LocalDate.parse("2026-01-01"))).isFalse();
        assertThat(workCalendar.addWorkdays(at("2025-12-31T10:00"), 2)).isEqualTo(at("2026-01-05T17:30"));
    }

    @Test
    void onlyAdministratorsChangeTheTable() {
        AppClient grid = AppClient.login(port, "grid0101", "demo");
        AppClient.Reply put = grid.put("/api/calendar/days/2031-03-04", day("HOLIDAY", "网格员自定假日"));
        assertThat(put.status()).as(put.body()).isEqualTo(403);
        assertThat(put.json().path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(put.json().path("message").asText()).isEqualTo("您没有执行此操作的权限。");
        assertThat(grid.delete("/api/calendar/days/2026-10-01").status()).isEqualTo(403);

        assertThat(calendarDays.year(2031)).isEmpty();
        assertThat(calendarDays.year(2026)).hasSize(39);
    }

    @Test
    void badInputIsRefused() {
        AppClient admin = AppClient.login(port, "admin", "admin");
        for (String badDate : new String[] {"2031-02-30", "2031-3-4", "not-a-date", "20310304", "1999-12-31"}) {
            AppClient.Reply reply = admin.put("/api/calendar/days/" + badDate, day("HOLIDAY", "假日"));
            assertThat(reply.status()).as(badDate + ": " + reply.body()).isEqualTo(400);
            assertThat(reply.json().path("code").asText()).isEqualTo("CALENDAR_DATE_INVALID");
            assertThat(reply.json().path("message").asText()).isEqualTo("“" + badDate + "”不是有效日期（格式 yyyy-MM-dd，年份 2000–2100）。");
        }
        AppClient.Reply kind = admin.put("/api/calendar/days/2031-03-04", day("FESTIVAL", "假日"));
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.json().path("fieldErrors").get(0).path("field").asText()).isEqualTo("kind");
        AppClient.Reply lowerCase = admin.put("/api/calendar/days/2031-03-04", day("holiday", "假日"));
        assertThat(lowerCase.status()).isEqualTo(400);
        AppClient.Reply blank = admin.put("/api/calendar/days/2031-03-04", day("HOLIDAY", "  "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().path("fieldErrors").get(0).path("field").asText()).isEqualTo("name");
        AppClient.Reply tooLong = admin.put("/api/calendar/days/2031-03-04", day("HOLIDAY", "节".repeat(101)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("fieldErrors").get(0).path("message").asText()).contains("100");
        assertThat(admin.put("/api/calendar/days/2031-03-04", "{not json").status()).isEqualTo(400);
        assertThat(calendarDays.year(2031)).isEmpty();

        // exactly 100 characters fit
        assertThat(admin.put("/api/calendar/days/2031-03-04", day("HOLIDAY", "节".repeat(100))).status())
                .isEqualTo(200);
        assertThat(calendarDays.year(2031).get(0).name()).hasSize(100);

        assertThat(admin.delete("/api/calendar/days/2031-03-05").status()).isEqualTo(404);
        assertThat(admin.delete("/api/calendar/days/2031-13-01").status()).isEqualTo(400);
    }

    @Test
    void anAdministratorsChangesMoveDueDatesAtOnceAndOnOtherNodesAfterTheirCheck() {
        // Mon 2031-03-03 10:00 + 1 workday = Tue 03-04 17:30 (2031 has no rows: plain weeks)
        Date monday = at("2031-03-03T10:00");
        assertThat(workCalendar.addWorkdays(monday, 1)).isEqualTo(at("2031-03-04T17:30"));
        WorkCalendar eagerNode = node(Duration.ZERO);
        WorkCalendar lazyNode = node(Duration.ofHours(1));
        assertThat(eagerNode.addWorkdays(monday, 1)).isEqualTo(at("2031-03-04T17:30"));
        assertThat(lazyNode.addWorkdays(monday, 1)).isEqualTo(at("2031-03-04T17:30"));

        AppClient admin = AppClient.login(port, "admin", "admin");
        AppClient.Reply put = admin.put("/api/calendar/days/2031-03-04", day("HOLIDAY", "测试假日"));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().path("date").asText()).isEqualTo("2031-03-04");
        assertThat(put.json().path("kind").asText()).isEqualTo("HOLIDAY");
        assertThat(put.json().path("updatedBy").asText()).isEqualTo("admin");

        // Tuesday is now a holiday: the 1st workday after Monday is Wednesday
        assertThat(workCalendar.addWorkdays(monday, 1)).isEqualTo(at("2031-03-05T17:30"));
        assertThat(workCalendar.due(monday, "P1D", "WORKDAY")).isEqualTo(at("2031-03-05T17:30"));
        // Mon 10:00 + 8 work-hours: 2 h + 4 h on Monday, Tuesday off, 2 h from Wed 08:30
        assertThat(workCalendar.due(monday, "PT8H", "WORKDAY")).isEqualTo(at("2031-03-05T10:30"));
        assertThat(workCalendar.due(monday, "P1D", "NATURAL")).isEqualTo(at("2031-03-04T10:00"));
        // another node that checks on every call sees it; one that checked less than an hour ago does not yet
        assertThat(eagerNode.addWorkdays(monday, 1)).isEqualTo(at("2031-03-05T17:30"));
        assertThat(lazyNode.addWorkdays(monday, 1)).isEqualTo(at("2031-03-04T17:30"));
        lazyNode.reload();
        assertThat(lazyNode.addWorkdays(monday, 1)).isEqualTo(at("2031-03-05T17:30"));

        // a make-up Saturday, then changed in place to a holiday within the same second: both are seen
        Date friday = at("2031-03-07T10:00");
        assertThat(eagerNode.addWorkdays(friday, 1)).isEqualTo(at("2031-03-10T17:30"));
        assertThat(admin.put("/api/calendar/days/2031-03-08", day("WORKDAY", "测试调休上班")).status())
                .isEqualTo(200);
        assertThat(workCalendar.isWorkday(LocalDate.parse("2031-03-08"))).isTrue();
        assertThat(eagerNode.addWorkdays(friday, 1)).isEqualTo(at("2031-03-08T17:30"));
        assertThat(admin.put("/api/calendar/days/2031-03-08", day("HOLIDAY", "测试假日")).status())
                .isEqualTo(200);
        assertThat(eagerNode.isWorkday(LocalDate.parse("2031-03-08"))).isFalse();
        assertThat(eagerNode.addWorkdays(friday, 1)).isEqualTo(at("2031-03-10T17:30"));

        AppClient.Reply listed = admin.get("/api/calendar/days?year=2031");
        assertThat(listed.json().findValuesAsText("date")).containsExactly("2031-03-04", "2031-03-08");
        assertThat(listed.json().findValuesAsText("name")).containsExactly("测试假日", "测试假日");

        // deleting the Tuesday holiday brings the old due date back, here and on the eager node
        assertThat(admin.delete("/api/calendar/days/2031-03-04").status()).isEqualTo(204);
        assertThat(workCalendar.addWorkdays(monday, 1)).isEqualTo(at("2031-03-04T17:30"));
        assertThat(eagerNode.addWorkdays(monday, 1)).isEqualTo(at("2031-03-04T17:30"));
    }

    @Test
    void bpmnExpressionsCallTheBeanByName() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("calendar-expression-test")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .camundaExecutionListenerExpression("end",
                        "${execution.setVariable('slaDueAt', workCalendar.due(reportedAt, resolveWithin, calendar))}")
                .userTask("handle").name("calendar expression test")
                .camundaDueDate("${slaDueAt}")
                .camundaExecutionListenerExpression("start",
                        "${execution.setVariable('yellowAt', workCalendar.fractionOfWay(reportedAt, slaDueAt, yellowPct, calendar))}")
                .camundaExecutionListenerExpression("start",
                        "${execution.setVariable('fiveDays', workCalendar.addWorkdays(reportedAt, 5))}")
                .endEvent()
                .done();
        String deployment = repositoryService.createDeployment().name("calendar-expression-test")
                .addModelInstance("calendar-expression-test.bpmn", model).deploy().getId();
        try {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("reportedAt", at("2025-11-14T16:00"));
            variables.put("resolveWithin", "P1D");
            variables.put("calendar", "WORKDAY");
            variables.put("yellowPct", 0.8);
            String instance = runtimeService.startProcessInstanceByKey("calendar-expression-test", variables).getId();

            Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
            // Fri 16:00 + 1 workday = Mon 17:30; yellow at 80% of the 9 working hours = Mon 15:42;
            // 5 workdays = Mon 17, Tue 18, Wed 19, Thu 20, Fri 21
            assertThat(task.getDueDate()).isEqualTo(at("2025-11-17T17:30"));
            assertThat(runtimeService.getVariable(instance, "yellowAt")).isEqualTo(at("2025-11-17T15:42"));
            assertThat(runtimeService.getVariable(instance, "fiveDays")).isEqualTo(at("2025-11-21T17:30"));
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
        // the inbox's read model followed the cascade delete: nothing left over for other tests
        assertThat(jdbc.queryForObject("select count(*) from gf_task where name = 'calendar expression test'",
                Long.class)).isZero();
    }
}
