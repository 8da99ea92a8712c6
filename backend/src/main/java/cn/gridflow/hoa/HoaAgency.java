package cn.gridflow.hoa;

import cn.gridflow.process.ProcessBean;
import java.util.List;
import java.util.Optional;

import cn.gridflow.process.hoa.HoaRules.RuleViolation;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code ${hoaAgency}}: 业财代理 is engaged only under a passed and filed APPOINT_FIN_AGENT resolution of the estate
 * (domain-spec §2.6 "engaging an agent through a passed decision"). The decision process starts the agency itself
 * once the resolution is filed ({@link #engage}); one engagement per matter, kept in gf_hoa_agency.
 */
@ProcessBean
@Component("hoaAgency")
public class HoaAgency {

    public static final String PROCESS_KEY = "hoa-fund-agency";

    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final HoaMatters matters;
    private final JdbcTemplate jdbc;

    public HoaAgency(HistoryService historyService, RuntimeService runtimeService, HoaMatters matters,
                     JdbcTemplate jdbc) {
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.matters = matters;
        this.jdbc = jdbc;
    }

    public static String businessKey(String matterId) {
        return "AGENCY-" + matterId;
    }

    /**
     * hoa-major-decision, after its APPOINT_FIN_AGENT resolution is filed: starts hoa-fund-agency with business key
     * AGENCY-{matterId}. The engagement row goes in first; when it is already there (the step ran before, or the
     * chair started the agency by hand) nothing more is started.
     */
    public void engage(DelegateExecution execution) {
        String matterId = (String) execution.getVariable("matterId");
        String key = businessKey(matterId);
        try {
            if (jdbc.queryForObject("select count(*) from gf_hoa_agency where matter_id = ?", Integer.class,
                    matterId) > 0) {
                return;
            }
            jdbc.update("insert into gf_hoa_agency (id, matter_id, estate_id, resolution_no, started_at)"
                            + " values (?, ?, ?, ?, ?)", key, matterId, execution.getVariable("propertyAreaId"),
                    execution.getVariable("resolutionNo"), HoaMatters.now());
        } catch (DuplicateKeyException raced) {
            return;
        }
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, key, Variables.createVariables()
                .putValue("resolutionNo", execution.getVariable("resolutionNo"))
                .putValue("requesterId", execution.getVariable("proposerId")));
    }

    /**
     * First step of hoa-fund-agency: the resolution must be a passed and filed APPOINT_FIN_AGENT one of an estate,
     * and the matter must not have an agency already (a start by hand after the automatic one is refused).
     */
    public void checkAppointment(DelegateExecution execution) {
        Object resolutionNo = execution.getVariable("resolutionNo");
        List<HistoricVariableInstance> holders = resolutionNo == null ? List.of()
                : historyService.createHistoricVariableInstanceQuery().variableName("resolutionNo")
                        .variableValueEquals("resolutionNo", resolutionNo.toString()).listPage(0, 10);
        HoaMatters.Matter matter = holders.stream()
                .map(v -> jdbc.queryForList("select id from gf_hoa_matter where proc_inst_id = ?", String.class,
                        v.getProcessInstanceId()))
                .flatMap(List::stream).map(matters::byId).flatMap(Optional::stream)
                .filter(m -> "APPOINT_FIN_AGENT".equals(m.matterType()))
                .filter(m -> jdbc.queryForObject("select count(*) from gf_hoa_filing where matter_id = ?"
                        + " and kind = 'RESOLUTION' and outcome = 'ACCEPTED'", Integer.class, m.id()) > 0)
                .findFirst()
                .orElseThrow(() -> new RuleViolation("hoa.agency.no-resolution",
                        "no passed and filed resolution " + resolutionNo + " appointing an agent"));
        String pid = execution.getProcessInstanceId();
        // The automatic start wrote the row without an instance; a start by hand writes its own row.
        int claimed = jdbc.update("update gf_hoa_agency set proc_inst_id = ? where matter_id = ?"
                + " and (proc_inst_id is null or proc_inst_id = ?)", pid, matter.id(), pid);
        if (claimed == 0) {
            try {
                jdbc.update("insert into gf_hoa_agency (id, matter_id, estate_id, resolution_no, proc_inst_id,"
                                + " started_at) values (?, ?, ?, ?, ?, ?)", businessKey(matter.id()), matter.id(),
                        matter.estateId(), resolutionNo.toString(), pid, HoaMatters.now());
            } catch (DuplicateKeyException exists) {
                throw new RuleViolation("hoa.agency.already-engaged",
                        "resolution " + resolutionNo + " already has an accounting agency");
            }
        }
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(businessKey(matter.id()));
        }
        execution.setVariable("matterId", matter.id());
        execution.setVariable("propertyAreaId", matter.estateId());
        execution.setVariable("communityId", matter.communityId());
        execution.setVariable("title", matter.title());
    }
}
