package cn.gridflow.procurement;

import cn.gridflow.process.ProcessBean;
import java.util.Date;
import java.util.List;

import cn.gridflow.process.ContractTerms;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * {@code ${serviceCatalog}}: what the {@code service-catalog-item} process does to the catalogue — register a proposal,
 * reject it, publish the catalogue as a new version, record necessity reviews, remove an item.
 */
@ProcessBean
@Component("serviceCatalog")
public class ServiceCatalog {

    private final CatalogItems items;
    private final Contracts contracts;
    private final IdentityService identityService;
    private final ObjectMapper json = new ObjectMapper();

    public ServiceCatalog(CatalogItems items, Contracts contracts, IdentityService identityService) {
        this.items = items;
        this.contracts = contracts;
        this.identityService = identityService;
    }

    /**
     * Also for instances started through engine-rest, which bring the item only as the spec's variables (§3.3):
     * the spec names no department and no input of negative-list-check, so both may be missing here.
     */
    public void register(DelegateExecution execution) {
        Authentication caller = identityService.getCurrentAuthentication();
        String nature = text(execution, "serviceNature");
        items.insert(new CatalogItems.Item(text(execution, "itemCode"), text(execution, "itemName"),
                text(execution, "class"), text(execution, "deliveryMode"), text(execution, "legalBasis"),
                nature == null || nature.isBlank() ? UNSPECIFIED : nature, deptOf(execution, caller), "PROPOSED", null,
                execution.getProcessInstanceId(), caller == null ? "engine" : caller.getUserId(), null, null));
    }

    static final String UNSPECIFIED = "UNSPECIFIED";

    /**
     * The buying department: the variable deptId, else the caller's one purchasing-dept:X group (then also set as
     * deptId, so the department's steps reach it), else UNSPECIFIED in the record and the role group for the steps.
     */
    static String deptOf(DelegateExecution execution, Authentication caller) {
        String dept = text(execution, "deptId");
        if (dept != null && !dept.isBlank()) {
            return dept;
        }
        List<String> own = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds().stream()
                .filter(g -> g.startsWith("purchasing-dept:")).map(cn.gridflow.process.Groups::scopeOf).toList();
        if (own.size() == 1) {
            execution.setVariable("deptId", own.get(0));
            return own.get(0);
        }
        return UNSPECIFIED;
    }

    public void reject(DelegateExecution execution, String reason) {
        Object detail = execution.getVariable("negativeListReason");
        items.setStatus(text(execution, "itemCode"), reason,
                "REJECTED_NEGATIVE_LIST".equals(reason) && detail != null ? detail.toString() : reason);
    }

    /** Publishes the whole catalogue as a new version; which change it carries depends on the step publishing. */
    public void publish(DelegateExecution execution) {
        String code = text(execution, "itemCode");
        String reason = switch (String.valueOf(execution.getCurrentActivityId())) {
            case "publishRevision" -> {
                items.revise(code, text(execution, "itemName"), text(execution, "legalBasis"));
                // a revised item is kept: one suspended by a withdrawal is bought again
                boolean reinstated = items.reinstate(code, "评估调整后恢复");
                yield "修订事项 " + code + "：" + text(execution, "itemName") + (reinstated ? "（恢复实施）" : "");
            }
            case "reinstateItem" -> {
                items.reinstate(code, "临时评估保留，恢复实施");
                yield "恢复事项 " + code + "：" + text(execution, "itemName") + "（临时评估保留）";
            }
            case "publishRemoval" -> "移出事项 " + code + "（" + execution.getVariable("adjustment") + "）";
            default -> {
                items.setStatus(code, "PUBLISHED", null);
                yield "新增事项 " + code + "：" + text(execution, "itemName");
            }
        };
        execution.setVariable("catalogVersion", items.publish(reason));
    }

    /**
     * At the start of a review: the item's stored state into {@code status}. A contract's withdrawal suspends the
     * item in the catalogue while this process waits, so only the stored state tells a review that it is SUSPENDED.
     */
    public void syncStatus(DelegateExecution execution) {
        items.find(text(execution, "itemCode")).map(CatalogItems.Item::status)
                .ifPresent(status -> execution.setVariable("status", status));
    }

    /** The grades of the item's contracts in the last two years, for catalog-adjustment. */
    public void collectGrades(DelegateExecution execution) {
        String code = text(execution, "itemCode");
        Date since = ContractTerms.plusMonths(ClockUtil.getCurrentTime(), -24);
        List<String> grades = contracts.gradesSince(code, since);
        execution.setVariable("poorGradesLast2Years", contracts.poorGradesSince(code, since));
        try {
            execution.setVariable("lastGrades", SpinValues.jsonValue(json.writeValueAsString(grades)).create());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void recordReview(DelegateExecution execution) {
        Object score = execution.getVariable("necessityScore");
        Object poor = execution.getVariable("poorGradesLast2Years");
        items.recordReview(text(execution, "itemCode"), score instanceof Number n ? n.intValue() : 0,
                Boolean.TRUE.equals(execution.getVariable("legalChange")), poor instanceof Number p ? p.intValue() : 0,
                text(execution, "adjustment"), execution.getActivityInstanceId());
    }

    /** Removed from the catalogue: running contracts finish their term without renewal (no new contract is allowed). */
    public void remove(DelegateExecution execution) {
        String adjustment = text(execution, "adjustment");
        String code = text(execution, "itemCode");
        items.setStatus(code, "REMOVED", "REMOVE_AND_TAKE_BACK".equals(adjustment) ? "移出目录并收回管理权限" : "移出目录");
        if ("REMOVE_AND_TAKE_BACK".equals(adjustment)) {
            takeBackRunningContracts(execution, code);
        }
    }

    /**
     * §3.3: TAKE_BACK terminates the contracts still running for the item. Each one in performance catches
     * MSG_ITEM_TAKEN_BACK and goes to the approval of termination and take-back; contracts already ending are left.
     */
    static void takeBackRunningContracts(DelegateExecution execution, String itemCode) {
        execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation("MSG_ITEM_TAKEN_BACK")
                .processInstanceVariableEquals("itemCode", itemCode).correlateAll();
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
