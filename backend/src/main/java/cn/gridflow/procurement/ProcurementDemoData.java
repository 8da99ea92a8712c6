package cn.gridflow.procurement;

import java.util.List;
import java.util.Map;

import cn.gridflow.demo.DemoUser;

import cn.gridflow.process.BusinessKeys;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users of 政府购买服务 and a small published catalogue with one contract in force, run through the real
 * processes. Demo profile only; runs after the org, groups and authorizations exist, and only once.
 */
@Component
@ConditionalOnProperty(name = "gridflow.demo.enabled", havingValue = "true")
public class ProcurementDemoData {

    private static final Logger log = LoggerFactory.getLogger(ProcurementDemoData.class);

    static final List<DemoUser> USERS = List.of(
            new DemoUser("buyer01", "蔡", "文", List.of("purchasing-dept", "purchasing-dept:GOVERNANCE")),
            new DemoUser("buyer02", "潘", "越", List.of("purchasing-dept", "purchasing-dept:HOUSING")),
            new DemoUser("finance01", "董", "敏", List.of("finance-reviewer")),
            new DemoUser("legal01", "袁", "正", List.of("legal-reviewer")),
            new DemoUser("citygov01", "于", "诚", List.of("city-gov-approver")),
            new DemoUser("provider01", "程", "晓", List.of("service-provider", "service-provider:P001")),
            new DemoUser("evaluator01", "魏", "衡", List.of("third-party-evaluator")));

    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final CatalogItems items;
    private final Contracts contracts;
    private final BusinessKeys businessKeys;

    public ProcurementDemoData(IdentityService identityService, RuntimeService runtimeService, TaskService taskService,
                               CatalogItems items, Contracts contracts, BusinessKeys businessKeys) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.items = items;
        this.contracts = contracts;
        this.businessKeys = businessKeys;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(10)
    public void load() {
        if (identityService.createGroupQuery().groupId("service-provider:P001").count() == 0) {
            Group group = identityService.newGroup("service-provider:P001");
            group.setName("承接主体 · 龙港市夕阳红社会工作服务中心");
            group.setType("provider");
            identityService.saveGroup(group);
        }
        contracts.ensureProvider("P001", "龙港市夕阳红社会工作服务中心");
        DemoUser.ensure(identityService, USERS);
        if (items.page(null, 0, 1).total() > 0) {
            return;
        }
        String meals = publishItem("社区老年助餐服务", "PUBLIC_SERVICE", "PURCHASE",
                "《龙港市社区治理条例》第六条、第七条；《政府购买服务管理办法》（财政部令第102号）");
        publishItem("垃圾分类督导服务", "PUBLIC_SERVICE", "PURCHASE", "《龙港市社区治理条例》第六条");
        signContract(meals);
        log.info("procurement demo: 2 published catalogue items, 1 contract in force");
    }

    private String publishItem(String name, String itemClass, String mode, String legalBasis) {
        String code = businessKeys.next("GS");
        String pi;
        identityService.setAuthentication("buyer01", List.of("purchasing-dept", "purchasing-dept:GOVERNANCE"));
        try {
            pi = runtimeService.createProcessInstanceByKey("service-catalog-item").businessKey(code)
                    .setVariables(Variables.createVariables().putValue("itemCode", code).putValue("itemName", name)
                            .putValue("class", itemClass).putValue("deliveryMode", mode)
                            .putValue("legalBasis", legalBasis).putValue("serviceNature", "PUBLIC_SERVICE_DELIVERY")
                            .putValue("deptId", "GOVERNANCE").putValue("proposedBy", "buyer01"))
                    .execute().getId();
        } finally {
            identityService.clearAuthentication();
        }
        complete(pi, "reviewItem", "govadmin", Map.of("reviewDecision", "APPROVE", "reviewNote", "符合第六条"));
        complete(pi, "approveItem", "citygov01", Map.of("approvalDecision", "APPROVE"));
        return code;
    }

    private void signContract(String itemCode) {
        String id = businessKeys.next("HT");
        String pi = runtimeService.createProcessInstanceByKey("service-contract").businessKey(id)
                .setVariables(Variables.createVariables().putValue("contractId", id).putValue("itemCode", itemCode)
                        .putValue("deptId", "GOVERNANCE").putValue("communityId", "C01")
                        .putValue("budgetFen", 120_000_000L))
                .execute().getId();
        complete(pi, "checkBudget", "finance01", Map.of("budgetDecision", "APPROVE"));
        runtimeService.createMessageCorrelation("MSG_PROCUREMENT_AWARDED").processInstanceId(pi)
                .setVariable("providerId", "P001").setVariable("priceFen", 118_800_000L).correlate();
        complete(pi, "draftContract", "buyer01", Map.of("serviceItems", "为华中、湖前社区 80 岁以上老人每日配送午餐",
                "qualityKpis", "准时送达率≥98%，餐品抽检合格率 100%，满意度≥90%", "termMonths", 24,
                "stableContinuous", true, "priceFen", 118_800_000L, "paymentMethod", "签订后预付 30%，其余按季度评价结果支付",
                "prepayPct", 30, "evalCycle", "R/P3M"));
        complete(pi, "legalReview", "legal01", Map.of("legalDecision", "APPROVE"));
        complete(pi, "signByBuyer", "buyer01", Map.of("signed", true));
        complete(pi, "signByProvider", "provider01", Map.of("signed", true));
    }

    private void complete(String processInstanceId, String taskKey, String user, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                .singleResult();
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), variables);
    }
}
