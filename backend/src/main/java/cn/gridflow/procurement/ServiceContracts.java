package cn.gridflow.procurement;

import cn.gridflow.process.ProcessBean;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.gridflow.notification.Notifications;
import cn.gridflow.process.ContractTerms;
import cn.gridflow.process.Groups;
import cn.gridflow.process.PaymentPlan;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code ${serviceContracts}}: what the {@code service-contract} process records about a contract. */
@ProcessBean
@Component("serviceContracts")
public class ServiceContracts {

    private static final Logger log = LoggerFactory.getLogger(ServiceContracts.class);
    /** A provider whose contract was withdrawn may not take a new one for a year (BK). */
    static final int RESTRICTION_MONTHS = 12;

    private final Contracts contracts;
    private final CatalogItems items;
    private final Notifications notifications;
    private final IdentityService identityService;
    private final ObjectMapper json = new ObjectMapper();

    public ServiceContracts(Contracts contracts, CatalogItems items, Notifications notifications,
                            IdentityService identityService) {
        this.contracts = contracts;
        this.items = items;
        this.notifications = notifications;
        this.identityService = identityService;
    }

    public void register(DelegateExecution execution) {
        String itemCode = text(execution, "itemCode");
        CatalogItems.Item item = items.find(itemCode)
                .orElseThrow(() -> new IllegalStateException("catalogue item " + itemCode + " does not exist"));
        if (!"PUBLISHED".equals(item.status())) {
            throw new IllegalStateException("catalogue item " + itemCode + " is " + item.status() + ", not PUBLISHED");
        }
        execution.setVariable("itemName", item.itemName());
        Object budget = execution.getVariable("budgetFen");
        execution.setVariable("budgetFen", budget instanceof Number n ? n.longValue() : 0L);
        String deptId = ServiceCatalog.deptOf(execution, identityService.getCurrentAuthentication());
        contracts.insert(contractId(execution), itemCode, deptId, text(execution, "communityId"),
                budget instanceof Number n ? n.longValue() : 0L, execution.getProcessInstanceId(), caller());
    }

    public void close(DelegateExecution execution, String status) {
        contracts.setStatus(contractId(execution), status);
    }

    /** Keeps the stored status in step where the process moves on without a step of its own (e.g. PROCURING). */
    public void status(DelegateExecution execution, String status) {
        contracts.setStatus(contractId(execution), status);
    }

    /** The award (MSG_PROCUREMENT_AWARDED): the provider gets its group, so its tasks reach its people. */
    public void awarded(DelegateExecution execution) {
        String providerId = text(execution, "providerId");
        Object price = execution.getVariable("priceFen");
        if (providerId == null || providerId.isBlank() || !(price instanceof Number n) || n.longValue() <= 0) {
            throw new IllegalArgumentException("an award needs providerId and a positive priceFen");
        }
        execution.setVariable("priceFen", n.longValue());
        contracts.ensureProvider(providerId, providerId);
        String group = Groups.scopedId("service-provider", providerId);
        if (identityService.createGroupQuery().groupId(group).count() == 0) {
            Group g = identityService.newGroup(group);
            g.setName("承接主体 · " + contracts.providerName(providerId).orElse(providerId));
            g.setType("provider");
            identityService.saveGroup(g);
        }
        contracts.awarded(contractId(execution), providerId, n.longValue());
    }

    /** 合同公告: the signed contract with its five clauses, its term and its payment plan. */
    public void publish(DelegateExecution execution) {
        long priceFen = ((Number) execution.getVariable("priceFen")).longValue();
        int prepayPct = intOf(execution.getVariable("prepayPct"));
        int instalments = intOf(execution.getVariable("instalments"));
        Date termStart = (Date) execution.getVariable("termStart");
        int cycleMonths = intOf(execution.getVariable("cycleMonths"));
        PaymentPlan plan = new PaymentPlan(priceFen, prepayPct, instalments);
        List<Map<String, Object>> schedule = new java.util.ArrayList<>();
        schedule.add(Map.of("kind", "ADVANCE", "dueAt", termStart.getTime(), "pct", prepayPct,
                "amountFen", plan.advanceFen()));
        for (int period = 1; period <= instalments; period++) {
            Date due = ContractTerms.plusMonths(termStart, Math.min(period * cycleMonths,
                    intOf(execution.getVariable("termMonths"))));
            schedule.add(Map.of("kind", "INSTALMENT", "period", period, "dueAt", due.getTime(),
                    "amountFen", plan.instalmentFen(period)));
        }
        try {
            execution.setVariable("paymentPlan", SpinValues.jsonValue(json.writeValueAsString(schedule)).create());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        contracts.signed(contractId(execution), text(execution, "serviceItems"), text(execution, "qualityKpis"),
                text(execution, "paymentMethod"), intOf(execution.getVariable("termMonths")),
                Boolean.TRUE.equals(execution.getVariable("stableContinuous")), termStart,
                (Date) execution.getVariable("termEnd"), text(execution, "evalCycle"), prepayPct, instalments,
                priceFen);
    }

    public void recordEvaluation(DelegateExecution execution, String kind) {
        Object period = "PERIODIC".equals(kind) || "FINAL".equals(kind) ? execution.getVariable("periodIndex") : null;
        // only the periodic evaluation is made with the community's feedback of that period (its own user task)
        boolean withFeedback = "PERIODIC".equals(kind);
        contracts.recordEvaluation(contractId(execution), text(execution, "itemCode"), kind,
                period instanceof Number n ? n.intValue() : null, intOf(execution.getVariable("evalScore")),
                text(execution, "evalGrade"), intOf(execution.getVariable("payPct")), text(execution, "evalNote"),
                caller(), withFeedback ? text(execution, "communitySatisfaction") : null,
                withFeedback ? text(execution, "communityFeedback") : null, execution.getActivityInstanceId());
    }

    public void resumed(DelegateExecution execution) {
        contracts.setStatus(contractId(execution), "IN_FORCE");
    }

    public void noticeTermination(DelegateExecution execution) {
        contracts.setStatus(contractId(execution), "TERMINATING");
        notifications.toGroup(execution, "CONTRACT_TERMINATED",
                Groups.scopedId("service-provider", text(execution, "providerId")),
                "合同终止通知：" + contractId(execution) + "（" + text(execution, "itemName") + "）经复评仍不合格，"
                        + "市政府已批准终止合同并收回管理权限");
    }

    /** 收回管理权限: the item is suspended, the provider restricted, the department delivers in the meantime. */
    public void takeBack(DelegateExecution execution) {
        String itemCode = text(execution, "itemCode");
        if (items.suspend(itemCode, "合同 " + contractId(execution) + " 终止，收回管理权限")) {
            // the public catalogue says so at once, not only after the off-cycle review
            items.publish("暂停事项 " + itemCode + "（合同 " + contractId(execution) + " 终止，收回管理权限）");
        } else {
            log.info("catalogue item {} was not published any more; left as it is", itemCode);
        }
        Date until = ContractTerms.plusMonths(ClockUtil.getCurrentTime(), RESTRICTION_MONTHS);
        contracts.restrictProvider(text(execution, "providerId"), until);
        execution.setVariable("restrictedUntil", until);
        contracts.setStatus(contractId(execution), "TERMINATED_TAKEN_BACK");
        notifications.toGroup(execution, "AUTHORITY_TAKEN_BACK", "governance-admin",
                "收回管理权限：" + itemCode + " 已暂停，请组织目录临时评估");
    }

    public void archive(DelegateExecution execution) {
        contracts.setStatus(contractId(execution), "COMPLETED");
    }

    private String caller() {
        Authentication caller = identityService.getCurrentAuthentication();
        return caller == null ? "engine" : caller.getUserId();
    }

    static String contractId(DelegateExecution execution) {
        Object id = execution.getVariable("contractId");
        return id != null ? id.toString() : execution.getProcessBusinessKey();
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    static int intOf(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
