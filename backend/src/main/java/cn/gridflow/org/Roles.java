package cn.gridflow.org;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roles of domain-spec §0.2 (plus the product's own), each a Camunda group of type "role". Roles whose work is
 * tied to a place also exist once per grid, community or department, as {@code role:scopeId} groups.
 */
public final class Roles {

    /** ESTATE: a residential estate (小区); its groups are kept by the hoa feature (cn.gridflow.hoa.HoaEstates). */
    public enum Scope { NONE, GRID, COMMUNITY, DEPARTMENT, ESTATE }

    public record Role(String id, String nameZh, String nameEn, Scope scope) {
    }

    public static final Map<String, Role> ALL = new LinkedHashMap<>();

    static {
        add("resident", "居民/报事人", "Resident / reporter", Scope.NONE);
        add("grid-staff", "专职网格员", "Full-time grid worker", Scope.GRID);
        add("grid-parttime", "兼职网格员", "Part-time grid worker", Scope.GRID);
        add("grid-leader", "网格长", "Grid leader", Scope.GRID);
        add("grid-instructor", "网格指导员", "Grid instructor", Scope.GRID);
        add("community-staff", "社区工作者", "Community worker", Scope.COMMUNITY);
        add("community-head", "社区党组织书记", "Community head", Scope.COMMUNITY);
        add("sgc-dispatcher", "社会治理中心受理分拨员", "SGC dispatcher", Scope.NONE);
        add("sgc-supervisor", "社会治理中心督办", "SGC supervisor", Scope.NONE);
        add("dept-handler", "部门承办人", "Department handler", Scope.DEPARTMENT);
        add("dept-leader", "部门分管领导", "Department leader", Scope.DEPARTMENT);
        add("governance-admin", "社区治理主管部门", "Community-governance authority", Scope.NONE);
        add("city-commander", "市指挥长", "City commander", Scope.NONE);
        add("emergency-command", "应急指挥部", "Emergency command", Scope.NONE);
        add("hotline-agent", "12345 坐席", "12345 hotline agent", Scope.NONE);
        add("intake-bridge", "上报接口（群众端/12345/物联感知）", "Intake bridge (app, 12345, IoT)", Scope.NONE);
        // 政府购买服务 (domain-spec §3.2); a provider's own group service-provider:{providerId} is made at its award
        add("purchasing-dept", "购买主体（部门）", "Buying department", Scope.DEPARTMENT);
        add("finance-reviewer", "财政局", "Finance bureau", Scope.NONE);
        add("legal-reviewer", "司法/法制审核", "Legal review", Scope.NONE);
        add("city-gov-approver", "市政府", "City government (approval)", Scope.NONE);
        add("service-provider", "承接主体", "Service provider", Scope.NONE);
        add("third-party-evaluator", "第三方评估机构", "Third-party evaluator", Scope.NONE);
        add("owner", "业主", "Owner", Scope.ESTATE);
        add("hoa-member", "业委会委员", "Owners' committee member", Scope.ESTATE);
        add("hoa-chair", "业委会主任", "Owners' committee chair", Scope.ESTATE);
        add("party-org", "小区（社区）党组织", "Party organisation", Scope.COMMUNITY);
        add("community-filing", "社区备案员", "Community filing officer", Scope.COMMUNITY);
        add("hoa-supervisor", "业主监督委员会", "Owners' supervisory committee", Scope.ESTATE);
        add("fin-agent", "业财代理机构", "Accounting agent", Scope.ESTATE);
        add("property-company", "物业服务企业", "Property manager", Scope.ESTATE);
        add("process-designer", "流程设计人员", "Process designer", Scope.NONE);
        add("manager", "管理人员", "Manager", Scope.NONE);
        // 专职网格员选聘与表彰 (domain-spec §4.1)
        add("hr-admin", "基层治理委员会/人社（选聘组织实施）", "HR (organises the selection)", Scope.NONE);
        add("assessment-panel", "考评小组", "Assessment panel", Scope.NONE);
        add("discipline-check", "纪检/政审", "Conduct and background check", Scope.NONE);
        add("promotion-committee", "市级选聘决定", "Promotion committee", Scope.NONE);
    }

    private Roles() {
    }

    private static void add(String id, String zh, String en, Scope scope) {
        ALL.put(id, new Role(id, zh, en, scope));
    }

    public static List<Role> scopedTo(Scope scope) {
        return ALL.values().stream().filter(r -> r.scope() == scope).toList();
    }
}
