package cn.gridflow.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.ApiException.FieldProblem;
import cn.gridflow.common.EngineSystemCalls;
import cn.gridflow.org.GridRepository;
import cn.gridflow.process.BusinessKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a report from the resident app, the 12345 bridge or an IoT bridge into a grid event through the message
 * start event {@code MSG_EVENT_REPORTED}. Idempotent on (source, reportId): a repeated report returns the event
 * the first one started. Everything is checked before anything is written.
 */
@Service
public class EventIntake {

    public static final String MESSAGE = "MSG_EVENT_REPORTED";

    private final JdbcTemplate jdbc;
    private final GridRepository grids;
    private final Attachments attachments;
    private final BusinessKeys businessKeys;
    private final RuntimeService runtimeService;
    private final ObjectMapper json;
    private final EngineSystemCalls system;

    public EventIntake(JdbcTemplate jdbc, GridRepository grids, Attachments attachments, BusinessKeys businessKeys,
                       RuntimeService runtimeService, ObjectMapper json, EngineSystemCalls system) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.attachments = attachments;
        this.businessKeys = businessKeys;
        this.runtimeService = runtimeService;
        this.json = json;
        this.system = system;
    }

    public record Report(String reportId, String source, String gridId, String category, String urgency,
                         String description, String reporterId, String reporterPhone, Double lat, Double lng,
                         List<Attachments.Photo> photos) {
    }

    public record Result(String eventId, String processInstanceId, boolean duplicate) {
    }

    @Transactional
    public Result report(Report report, String caller) {
        List<Attachments.CheckedPhoto> photos = check(report);
        Result earlier = existing(report.source(), report.reportId());
        if (earlier != null) {
            return earlier;
        }
        String eventId = businessKeys.next("EV");
        try {
            jdbc.update("insert into gf_report_intake (source, report_id, business_key, created) values (?, ?, ?, ?)",
                    report.source(), report.reportId(), eventId, Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException sameReportAtTheSameMoment) {
            return existing(report.source(), report.reportId());
        }
        List<String> attachmentIds = attachments.store(eventId, caller, photos);
        VariableMap variables = Variables.createVariables()
                .putValue("eventId", eventId)
                .putValue("source", report.source())
                .putValue("reportId", report.reportId())
                .putValue("gridId", report.gridId())
                .putValue("category", report.category())
                .putValue("urgency", report.urgency() == null ? "ROUTINE" : report.urgency())
                .putValue("description", report.description().strip())
                .putValue("reporterId", report.reporterId())
                .putValue("reporterPhone", report.reporterPhone())
                .putValue("lat", report.lat())
                .putValue("lng", report.lng())
                .putValueTyped("attachmentIds", SpinValues.jsonValue(json.valueToTree(attachmentIds).toString()).create());
        ProcessInstance instance = runtimeService.createMessageCorrelation(MESSAGE)
                .processInstanceBusinessKey(eventId).setVariables(variables).correlateStartMessage();
        jdbc.update("update gf_report_intake set proc_inst_id = ? where source = ? and report_id = ?",
                instance.getId(), report.source(), report.reportId());
        return new Result(eventId, instance.getId(), false);
    }

    public record Rating(String eventId, String satisfaction, String comment) {
    }

    static final Set<String> SATISFACTION = Set.of("SATISFIED", "BASIC", "DISSATISFIED");

    /**
     * The reporter's rating of a closed-out event (MSG_RATING_RECEIVED). Correlated as the system: the caller, checked
     * by the controller, may rate events without any right on the instances themselves.
     */
    public void rate(Rating rating) {
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(rating.eventId())) {
            problems.add(new FieldProblem("eventId", "field.required", "eventId"));
        }
        if (rating.satisfaction() == null || !SATISFACTION.contains(rating.satisfaction())) {
            problems.add(new FieldProblem("satisfaction", "field.option", "satisfaction", rating.satisfaction()));
        }
        if (rating.comment() != null && rating.comment().length() > 1000) {
            problems.add(new FieldProblem("comment", "field.maxLength", "comment", "1000"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "REPORT_INVALID", problems);
        }
        List<MessageCorrelationResult> results = system.call(() ->
                runtimeService.createMessageCorrelation("MSG_RATING_RECEIVED")
                        .processInstanceBusinessKey(rating.eventId())
                        .setVariable("satisfaction", rating.satisfaction())
                        .setVariable("ratingComment", rating.comment())
                        .correlateAllWithResult());
        if (results.isEmpty()) {
            throw ApiException.conflict("RATING_NOT_AWAITED", rating.eventId());
        }
    }

    private Result existing(String source, String reportId) {
        return jdbc.query("select business_key, proc_inst_id from gf_report_intake where source = ? and report_id = ?",
                rs -> rs.next() ? new Result(rs.getString(1), rs.getString(2), true) : null, source, reportId);
    }

    private List<Attachments.CheckedPhoto> check(Report r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(r.reportId())) {
            problems.add(new FieldProblem("reportId", "field.required", "reportId"));
        } else if (r.reportId().length() > 100) {
            problems.add(new FieldProblem("reportId", "field.maxLength", "reportId", "100"));
        }
        if (blank(r.source())) {
            problems.add(new FieldProblem("source", "field.required", "source"));
        } else if (!EventCategories.INTAKE_SOURCES.contains(r.source())) {
            problems.add(new FieldProblem("source", "field.source.unknown", r.source()));
        }
        if (blank(r.gridId())) {
            problems.add(new FieldProblem("gridId", "field.required", "gridId"));
        } else if (!grids.existsById(r.gridId())) {
            problems.add(new FieldProblem("gridId", "field.grid.unknown", r.gridId()));
        }
        if (blank(r.category())) {
            problems.add(new FieldProblem("category", "field.required", "category"));
        } else if (!EventCategories.ALL.contains(r.category())) {
            problems.add(new FieldProblem("category", "field.category.unknown", r.category()));
        }
        if (r.urgency() != null && !EventCategories.URGENCIES.contains(r.urgency())) {
            problems.add(new FieldProblem("urgency", "field.option", "urgency", r.urgency()));
        }
        if (blank(r.description())) {
            problems.add(new FieldProblem("description", "field.required", "description"));
        } else if (r.description().length() > 1000) {
            problems.add(new FieldProblem("description", "field.maxLength", "description", "1000"));
        }
        if (r.reporterPhone() != null && !r.reporterPhone().matches("^\\+?[0-9][0-9 -]{5,19}$")) {
            problems.add(new FieldProblem("reporterPhone", "field.phone", "reporterPhone"));
        }
        List<Attachments.CheckedPhoto> photos =
                PhotoChecks.collect(r.photos() == null ? List.of() : r.photos(), problems);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "REPORT_INVALID", problems);
        }
        return photos;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
