package cn.gridflow.hoa;

import cn.gridflow.process.ProcessBean;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code ${hoaFilings}}: 一备案 — every filing decision (accepted, returned for documents, defect) is kept. */
@ProcessBean
@Component("hoaFilings")
public class HoaFilings {

    public record Filing(String id, String kind, String outcome, String note, String filedBy, Instant filedAt) {
    }

    private final JdbcTemplate jdbc;
    private final IdentityService identityService;

    public HoaFilings(JdbcTemplate jdbc, IdentityService identityService) {
        this.jdbc = jdbc;
        this.identityService = identityService;
    }

    public void record(DelegateExecution execution, String kind) {
        Object outcome = execution.getVariable("filingOutcome");
        execution.setVariable("filingStatus", kind + "_" + outcome);
        if (jdbc.queryForObject("select count(*) from gf_hoa_filing where act_inst_id = ?", Integer.class,
                execution.getActivityInstanceId()) > 0) {
            return;
        }
        Authentication auth = identityService.getCurrentAuthentication();
        Object note = execution.getVariable("filingNote");
        jdbc.update("insert into gf_hoa_filing (id, matter_id, kind, outcome, note, filed_by, filed_at, act_inst_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), execution.getVariable("matterId"), kind, String.valueOf(outcome),
                note == null ? null : note.toString(), auth == null ? null : auth.getUserId(), HoaMatters.now(),
                execution.getActivityInstanceId());
    }

    public List<Filing> of(String matterId) {
        return jdbc.query("select id, kind, outcome, note, filed_by, filed_at from gf_hoa_filing where matter_id = ?"
                        + " order by filed_at, id",
                (rs, i) -> new Filing(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()), matterId);
    }
}
