package cn.gridflow.hoa;

import cn.gridflow.process.ProcessBean;
import java.util.List;

import cn.gridflow.process.hoa.HoaRules.RuleViolation;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code ${hoaAgency}}: 业财代理 is engaged only under a passed and filed APPOINT_FIN_AGENT resolution of the estate
 * (domain-spec §2.6 "engaging an agent through a passed decision").
 */
@ProcessBean
@Component("hoaAgency")
public class HoaAgency {

    private final HistoryService historyService;
    private final HoaMatters matters;
    private final JdbcTemplate jdbc;

    public HoaAgency(HistoryService historyService, HoaMatters matters, JdbcTemplate jdbc) {
        this.historyService = historyService;
        this.matters = matters;
        this.jdbc = jdbc;
    }

    public void checkAppointment(DelegateExecution execution) {
        Object resolutionNo = execution.getVariable("resolutionNo");
        List<HistoricVariableInstance> holders = resolutionNo == null ? List.of()
                : historyService.createHistoricVariableInstanceQuery().variableName("resolutionNo")
                        .variableValueEquals("resolutionNo", resolutionNo.toString()).listPage(0, 10);
        HoaMatters.Matter matter = holders.stream()
                .map(v -> jdbc.queryForList("select id from gf_hoa_matter where proc_inst_id = ?", String.class,
                        v.getProcessInstanceId()))
                .flatMap(List::stream).map(matters::byId).flatMap(java.util.Optional::stream)
                .filter(m -> "APPOINT_FIN_AGENT".equals(m.matterType()))
                .filter(m -> jdbc.queryForObject("select count(*) from gf_hoa_filing where matter_id = ?"
                        + " and kind = 'RESOLUTION' and outcome = 'ACCEPTED'", Integer.class, m.id()) > 0)
                .findFirst()
                .orElseThrow(() -> new RuleViolation("hoa.agency.no-resolution",
                        "no passed and filed resolution " + resolutionNo + " appointing an agent"));
        execution.setVariable("matterId", matter.id());
        execution.setVariable("propertyAreaId", matter.estateId());
        execution.setVariable("communityId", matter.communityId());
        execution.setVariable("title", matter.title());
    }
}
