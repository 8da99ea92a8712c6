package cn.gridflow.incident;

import cn.gridflow.process.ProcessBean;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;

import cn.gridflow.notification.Notifications;
import cn.gridflow.process.FormDates;
import cn.gridflow.process.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code ${admissionItems}}: the published side of the grid-matter admission list — an approved item is recorded for
 * the public list and the applying department is told; a refusal is told too. Re-running a step changes nothing.
 */
@ProcessBean
@Component("admissionItems")
public class AdmissionItems {

    public record Item(String itemCode, String itemName, String categoryCode, String requestingDept, String legalBasis,
                       boolean temporary, Date validTo, int listVersion, Date approvedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Notifications notifications;

    public AdmissionItems(JdbcTemplate jdbc, Notifications notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    public void record(DelegateExecution execution) {
        String code = (String) execution.getVariable("admissionItemCode");
        boolean temporary = Boolean.TRUE.equals(execution.getVariable("temporary"));
        Date validTo = temporary
                ? FormDates.endOfDay(execution.getVariable("validTo"), FormDates.VALID_TO_MISSING) : null;
        jdbc.update("delete from gf_admission_item where item_code = ?", code);
        jdbc.update("""
                insert into gf_admission_item (item_code, item_name, category_code, requesting_dept, legal_basis,
                    temporary_item, valid_to, list_version, approved_at, proc_inst_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                code, execution.getVariable("itemName"), execution.getVariable("categoryCode"),
                execution.getVariable("requestingDept"), execution.getVariable("legalBasis"), temporary,
                validTo == null ? null : new Timestamp(validTo.getTime()), execution.getVariable("admissionListVersion"),
                new Timestamp(ClockUtil.getCurrentTime().getTime()), execution.getProcessInstanceId());
        tellDepartment(execution, "ADMISSION_APPROVED", "准入申请已批准，事项编码 " + code + "，已纳入网格事项准入清单");
    }

    public void rejected(DelegateExecution execution) {
        tellDepartment(execution, "ADMISSION_REJECTED", "准入申请未获批准：" + execution.getVariable("itemName") + "。"
                + execution.getVariable("evaluationNote"));
    }

    public List<Item> published() {
        return jdbc.query("select * from gf_admission_item order by item_code", (rs, n) -> new Item(
                rs.getString("item_code"), rs.getString("item_name"), rs.getString("category_code"),
                rs.getString("requesting_dept"), rs.getString("legal_basis"), rs.getBoolean("temporary_item"),
                rs.getTimestamp("valid_to"), rs.getInt("list_version"), rs.getTimestamp("approved_at")));
    }

    private void tellDepartment(DelegateExecution execution, String kind, String subject) {
        notifications.toGroup(execution, kind,
                Groups.scopedId("dept-leader", (String) execution.getVariable("requestingDept")), subject);
    }
}
