package cn.gridflow.promotion;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.EngineSystemCalls;
import cn.gridflow.process.promotion.RoundSetup;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening rounds, applying within the window, objections and reporting for duty, as the app and HR drive them. */
@Service
public class PromotionRounds {

    public static final Set<String> POOLS = Set.of("CSW_FROM_GRID", "INSTITUTION_RESERVED", "SOE_RESERVED");

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final HrRecords hr;
    private final EngineSystemCalls system;
    private final org.camunda.bpm.engine.ManagementService management;
    private final RoundArchive archive;

    public PromotionRounds(JdbcTemplate jdbc, RuntimeService runtime, HrRecords hr, EngineSystemCalls system,
                           org.camunda.bpm.engine.ManagementService management, RoundArchive archive) {
        this.archive = archive;
        this.management = management;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.hr = hr;
        this.system = system;
    }

    @Transactional
    public String open(int year, String postPool, Integer cswVacancies, Integer institutionPostsPlanned, String by) {
        if (year < 2020 || year > 2100) {
            throw ApiException.badRequest("PROMOTION_YEAR_INVALID", year);
        }
        if (!POOLS.contains(postPool)) {
            throw ApiException.badRequest("PROMOTION_POOL_INVALID", postPool);
        }
        int csw = cswVacancies == null ? 0 : cswVacancies;
        int planned = institutionPostsPlanned == null ? 0 : institutionPostsPlanned;
        if (csw < 0 || csw > 1000 || planned < 0 || planned > 1000) {
            throw ApiException.badRequest("PROMOTION_POSTS_INVALID");
        }
        String roundKey = RoundSetup.roundKey(year, postPool);
        try {
            jdbc.update("insert into gf_promotion_round (round_key, round_year, post_pool, opened_by, opened_at)"
                    + " values (?, ?, ?, ?, ?)", roundKey, year, postPool, by, Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("PROMOTION_ROUND_EXISTS", year, postPool);
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("year", year);
        vars.put("postPool", postPool);
        vars.put("cswVacancies", csw);
        vars.put("institutionPostsPlanned", planned);
        ProcessInstance pi = runtime.startProcessInstanceByKey("promotion-round", roundKey, vars);
        jdbc.update("update gf_promotion_round set proc_inst_id = ? where round_key = ?", pi.getId(), roundKey);
        return roundKey;
    }

    /** A grid worker applies for themself: only while the round's window is open, once per round, with an HR record. */
    @Transactional
    public void apply(String roundKey, String applicantId) {
        String instanceId = instanceOf(roundKey);
        // the applicant has no rights on the round's instance; the app only reads whether the window is open
        boolean open = system.call(() -> {
            Date closesAt = (Date) runtime.getVariable(instanceId, "applicationClosesAt");
            return runtime.createExecutionQuery().processInstanceId(instanceId).activityId("applicationWindow")
                    .count() > 0 && closesAt != null && ClockUtil.getCurrentTime().before(closesAt);
        });
        if (!open) {
            throw ApiException.badRequest("PROMOTION_OUTSIDE_WINDOW", roundKey);
        }
        HrRecords.HrRecord record = hr.find(applicantId)
                .orElseThrow(() -> ApiException.badRequest("PROMOTION_NO_HR_RECORD", applicantId));
        Timestamp now = Timestamp.from(Instant.now());
        try {
            jdbc.update("insert into gf_promotion_application (round_key, applicant_id, community_id, status, applied_at,"
                    + " updated_at) values (?, ?, ?, 'APPLIED', ?, ?)", roundKey, applicantId, record.communityId(), now, now);
        } catch (DuplicateKeyException e) {
            throw ApiException.badRequest("PROMOTION_DUPLICATE_APPLICATION", roundKey);
        }
    }

    /**
     * HR closes the application window now instead of at its computed end (when the published call names an
     * earlier deadline): the window's timer fires at once, screening begins. Outside the window: 409.
     */
    public void closeApplications(String roundKey) {
        String instanceId = instanceOf(roundKey);
        org.camunda.bpm.engine.runtime.Job timer = management.createJobQuery().processInstanceId(instanceId)
                .activityId("applicationWindow").singleResult();
        if (timer == null) {
            throw ApiException.conflict("PROMOTION_NOT_TAKING_APPLICATIONS", roundKey);
        }
        try {
            management.executeJob(timer.getId());
        } catch (org.camunda.bpm.engine.OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException e) {
            // someone else (or the timer itself) closed it at the same moment
            throw ApiException.conflict("PROMOTION_NOT_TAKING_APPLICATIONS", roundKey);
        }
    }

    /** An objection during 公示 (MSG_OBJECTION_FILED); outside the publicity period there is nothing to object to. */
    @Transactional
    public void objection(String roundKey, String applicantId, String text, String by) {
        if (text == null || text.isBlank() || text.length() > 2000) {
            throw ApiException.badRequest("PROMOTION_OBJECTION_TEXT");
        }
        correlate("MSG_OBJECTION_FILED", roundKey, applicantId, Map.of("objectionText", text.strip()),
                "PROMOTION_NOT_IN_PUBLICITY");
        // kept for the candidate's personnel file (§4.3 step 11); the process only holds the latest text
        archive.objectionFiled(roundKey, applicantId, by, text.strip());
    }

    /** An objection to a commendation during its 5-working-day notice. */
    public void commendationObjection(String processInstanceId, String text) {
        if (text == null || text.isBlank() || text.length() > 2000) {
            throw ApiException.badRequest("PROMOTION_OBJECTION_TEXT");
        }
        try {
            runtime.createMessageCorrelation("MSG_OBJECTION_FILED").processInstanceId(processInstanceId)
                    .setVariable("objectionText", text.strip()).correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw ApiException.conflict("PROMOTION_COMMENDATION_NOT_IN_PUBLICITY", processInstanceId);
        }
    }

    public void reported(String roundKey, String applicantId) {
        correlate("MSG_REPORTED", roundKey, applicantId, Map.of("reportedAt", ClockUtil.getCurrentTime()),
                "PROMOTION_NOT_AWAITING_REPORT");
    }

    private void correlate(String message, String roundKey, String applicantId, Map<String, Object> vars, String code) {
        try {
            runtime.createMessageCorrelation(message)
                    .processInstanceBusinessKey(roundKey + "-" + applicantId).setVariables(vars).correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw ApiException.conflict(code, applicantId);
        }
    }

    String instanceOf(String roundKey) {
        List<String> ids = jdbc.queryForList("select proc_inst_id from gf_promotion_round where round_key = ?",
                String.class, roundKey);
        if (ids.isEmpty() || ids.get(0) == null) {
            throw ApiException.notFound("PROMOTION_ROUND_NOT_FOUND", roundKey);
        }
        return ids.get(0);
    }
}
