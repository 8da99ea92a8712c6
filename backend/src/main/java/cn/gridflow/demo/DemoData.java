package cn.gridflow.demo;

import java.util.List;
import java.util.Map;

import cn.gridflow.incident.DutyRosters;
import cn.gridflow.org.Community;
import cn.gridflow.org.CommunityRepository;
import cn.gridflow.org.Department;
import cn.gridflow.org.DepartmentRepository;
import cn.gridflow.org.Grid;
import cn.gridflow.org.GridRepository;
import cn.gridflow.process.BusinessKeys;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo org, one user per role and a few open grid events, for the default (H2) profile only.
 * Community and grid names are illustrative: Longgang's real grid list is master data (domain-spec §5).
 */
@Component
@ConditionalOnProperty(name = "gridflow.demo.enabled", havingValue = "true")
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    public static final String PASSWORD = DemoUser.PASSWORD;

    /** id, surname+given name, groups. */
    static final List<DemoUser> USERS = List.of(
            new DemoUser("grid0101", "张", "伟", List.of("grid-staff", "grid-staff:G0101")),
            new DemoUser("grid0102", "李", "娜", List.of("grid-staff", "grid-staff:G0102")),
            new DemoUser("grid0201", "王", "芳", List.of("grid-staff", "grid-staff:G0201")),
            new DemoUser("grid0202", "刘", "洋", List.of("grid-staff", "grid-staff:G0202")),
            new DemoUser("parttime0101", "陈", "静", List.of("grid-parttime", "grid-parttime:G0101")),
            new DemoUser("leader0101", "杨", "磊", List.of("grid-leader", "grid-leader:G0101")),
            new DemoUser("instructor0101", "赵", "强", List.of("grid-instructor", "grid-instructor:G0101")),
            new DemoUser("cstaff01", "黄", "敏", List.of("community-staff", "community-staff:C01")),
            new DemoUser("chead01", "周", "杰", List.of("community-head", "community-head:C01")),
            new DemoUser("cstaff02", "吴", "霞", List.of("community-staff", "community-staff:C02")),
            new DemoUser("chead02", "徐", "刚", List.of("community-head", "community-head:C02")),
            new DemoUser("dispatcher", "孙", "丽", List.of("sgc-dispatcher")),
            new DemoUser("supervisor", "马", "超", List.of("sgc-supervisor")),
            new DemoUser("enforce", "朱", "军", List.of("dept-handler", "dept-handler:ENFORCE")),
            new DemoUser("enforce2", "许", "亮", List.of("dept-handler", "dept-handler:ENFORCE")),
            new DemoUser("market", "胡", "斌", List.of("dept-handler", "dept-handler:MARKET")),
            new DemoUser("housing", "郭", "宁", List.of("dept-handler", "dept-handler:HOUSING")),
            new DemoUser("emergency", "何", "平", List.of("dept-handler", "dept-handler:EMERGENCY_MGMT")),
            new DemoUser("governance", "高", "峰", List.of("dept-handler", "dept-handler:GOVERNANCE")),
            new DemoUser("enforcelead", "林", "涛", List.of("dept-leader", "dept-leader:ENFORCE")),
            new DemoUser("govadmin", "罗", "红", List.of("governance-admin")),
            new DemoUser("commander", "梁", "军", List.of("city-commander", "emergency-command")),
            new DemoUser("hotline", "宋", "佳", List.of("hotline-agent")),
            new DemoUser("bridge", "接口", "账号", List.of("intake-bridge")),
            new DemoUser("resident01", "钱", "多多", List.of("resident")),
            new DemoUser("designer", "郑", "浩", List.of("process-designer")),
            new DemoUser("manager", "谢", "丹", List.of("manager")));

    private final CommunityRepository communities;
    private final GridRepository grids;
    private final DepartmentRepository departments;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final BusinessKeys businessKeys;
    private final DutyRosters dutyRosters;

    public DemoData(CommunityRepository communities, GridRepository grids, DepartmentRepository departments,
                    IdentityService identityService, RuntimeService runtimeService, TaskService taskService,
                    BusinessKeys businessKeys, DutyRosters dutyRosters) {
        this.communities = communities;
        this.grids = grids;
        this.departments = departments;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.businessKeys = businessKeys;
        this.dutyRosters = dutyRosters;
    }

    public void loadOrg() {
        if (communities.count() > 0) {
            return;
        }
        communities.saveAll(List.of(new Community("C01", "华中社区", 1), new Community("C02", "湖前社区", 2)));
        grids.saveAll(List.of(
                new Grid("G0101", "C01", null, "华中社区第一网格", 420, 1),
                new Grid("G0102", "C01", null, "华中社区第二网格", 380, 2),
                new Grid("G0201", "C02", null, "湖前社区第一网格", 450, 3),
                new Grid("G0202", "C02", null, "湖前社区第二网格", 310, 4)));
        grids.saveAll(List.of(
                new Grid("G010101", "C01", "G0101", "华中社区第一网格·第1微网格", 60, 5),
                new Grid("G010102", "C01", "G0101", "华中社区第一网格·第2微网格", 55, 6)));
        departments.saveAll(List.of(
                new Department("ENFORCE", "综合行政执法局", 1),
                new Department("EMERGENCY_MGMT", "应急管理局", 2),
                new Department("MARKET", "市场监督管理局", 3),
                new Department("HOUSING", "住房和城乡建设局", 4),
                new Department("GOVERNANCE", "社会治理中心（矛盾调处）", 5)));
        // 微网格值守名单: who stands duty in the two micro-grids when 华中社区 goes to war footing
        List.of(new DutyRosters.Draft("G010101", "陈静", "parttime0101", "微网格长", "全天", "13800000101"),
                new DutyRosters.Draft("G010101", "吴建国", null, "楼栋长", "夜班 20:00-08:00", "13900000102"),
                new DutyRosters.Draft("G010102", "杨磊", "leader0101", "网格长（兼微网格长）", "白班 08:00-20:00", null),
                new DutyRosters.Draft("G010102", "郑小红", null, "党员志愿者", "夜班 20:00-08:00", "13900000103"))
                .forEach(duty -> dutyRosters.create(duty, "系统"));
        log.info("demo org loaded: 2 communities, 4 grids, 2 micro-grids with duty rosters, 5 departments");
    }

    public void loadUsersAndWork() {
        DemoUser.ensure(identityService, USERS);
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey("grid-event").count() == 0) {
            report("grid0101", "G0101", "ENV_CLUTTER", "ROUTINE", "3幢2单元楼道堆放纸箱杂物，影响消防通道");
            report("grid0101", "G010101", "FACILITY_DAMAGE", "URGENT", "小区东门路灯损坏，夜间无照明");
            report("grid0102", "G0102", "DISPUTE", "ROUTINE", "邻里因空调外机噪音发生纠纷");
            report("grid0201", "G0201", "SAFETY_HAZARD", "URGENT", "沿街店铺电动车违规室内充电");
            String dept = report("grid0202", "G0202", "MARKET_ORDER", "ROUTINE", "菜市场门口占道经营");
            triageToDepartment(dept, "grid0202", "dispatcher", "ENFORCE");
            log.info("demo grid events started");
        }
    }

    private String report(String reporter, String gridId, String category, String urgency, String description) {
        actAs(reporter);
        try {
            String key = businessKeys.next("EV");
            return runtimeService.startProcessInstanceByKey("grid-event", key, Variables.createVariables()
                    .putValue("eventId", key).putValue("gridId", gridId).putValue("category", category)
                    .putValue("urgency", urgency).putValue("description", description)
                    .putValue("source", "GRID_PATROL").putValue("reporterId", reporter)).getId();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /**
     * G2 in small: 市场秩序 goes to MARKET by itself (系统自动分拨), MARKET returns it and the dispatcher sends it to
     * the department given, where it waits to be signed.
     */
    private void triageToDepartment(String instanceId, String gridWorker, String dispatcher, String dept) {
        completeAs(instanceId, gridWorker, Map.of("canSelfResolve", false, "complex", false));
        completeAs(instanceId, "market", Map.of("signDecision", "RETURN", "returnReason", "占道经营属综合行政执法职责"));
        completeAs(instanceId, dispatcher, Map.of("leadDept", dept, "dispatchNote", "请依职责处置"));
    }

    /** Demo work goes through the same authorization checks as a real user's. */
    private void actAs(String userId) {
        List<String> groups = USERS.stream().filter(u -> u.id().equals(userId)).findFirst()
                .map(DemoUser::groups).orElse(List.of());
        identityService.setAuthentication(userId, groups);
    }

    private void completeAs(String instanceId, String userId, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        actAs(userId);
        try {
            taskService.claim(task.getId(), userId);
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
