package cn.gridflow.process.hoa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import cn.gridflow.process.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** hoa-fund-agency (业财代理, domain-spec §2.6): engagement, contract filing, the monthly statement cycle. */
@Deployment(resources = {"bpmn/hoa-fund-agency.bpmn", "forms/hoa-agency-request.form", "forms/hoa-agency-contract.form",
        "forms/hoa-agency-end.form", "forms/hoa-filing.form", "forms/hoa-statement.form",
        "forms/hoa-statement-confirm.form", "forms/hoa-community-review.form", "forms/hoa-rectify.form"})
class HoaFundAgencyTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    static final Instant START = Instant.parse("2026-03-10T02:00:00Z"); // 10:00 Beijing time

    final HoaStandIns.Journal journal = new HoaStandIns.Journal();

    /** Stands in for the backend check that a passed APPOINT_FIN_AGENT resolution exists. */
    public static class Appointments {
        public void checkAppointment(DelegateExecution execution) {
            if (!"JY-7".equals(execution.getVariable("resolutionNo"))) {
                throw new HoaRules.RuleViolation("hoa.agency.no-resolution", "no passed resolution to appoint an agent");
            }
            execution.setVariable("matterId", "HOA-7");
            execution.setVariable("propertyAreaId", "EST01");
            execution.setVariable("communityId", "C01");
        }
    }

    public static class AgencyNotices extends HoaStandIns.Notices {
        AgencyNotices(HoaStandIns.Journal journal) {
            super(journal);
        }

        public void rectifyOverdue(DelegateExecution execution) {
            journal.add("ESCALATE rectification");
        }
    }

    @BeforeEach
    void register() {
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("groups", new Groups());
        Mocks.register("hoaRules", new HoaRules());
        Mocks.register("workCalendar", new HoaStandIns.NaturalCalendar());
        Mocks.register("hoaAgency", new Appointments());
        Mocks.register("hoaPublications", new HoaStandIns.Publications(journal));
        Mocks.register("hoaFilings", new HoaStandIns.Filings(journal));
        Mocks.register("hoaNotices", new AgencyNotices(journal));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private Task taskAt(ProcessInstance pi, String activityId) {
        return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).singleResult();
    }

    private void completeAs(ProcessInstance pi, String activityId, String user, Map<String, Object> variables) {
        Task task = taskAt(pi, activityId);
        assertThat(task).as("task " + activityId).isNotNull();
        taskService().setAssignee(task.getId(), user);
        taskService().complete(task.getId(), variables);
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    }

    private void fire(Job job) {
        if (job.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(job.getDuedate());
        }
        managementService().executeJob(job.getId());
    }

    private ProcessInstance engaged() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("hoa-fund-agency",
                withVariables("resolutionNo", "JY-7", "agentName", "龙港诚信会计师事务所"));
        assertThat(pi).isWaitingAt("signContract");
        assertThat(taskAt(pi, "signContract")).hasCandidateGroup("hoa-chair:EST01");
        completeAs(pi, "signContract", "chair", withVariables("contractNo", "HT-01", "monthlyFeeFen", 300_000));
        assertThat(taskAt(pi, "fileContract")).hasCandidateGroup("community-filing:C01");
        completeAs(pi, "fileContract", "filer", withVariables("filingOutcome", "RETURNED", "filingNote", "缺营业执照"));
        completeAs(pi, "signContract", "chair", withVariables("contractNo", "HT-01"));
        completeAs(pi, "fileContract", "filer", withVariables("filingOutcome", "ACCEPTED"));
        assertThat(pi).isWaitingAt("agencyInForce");
        assertThat(journal.entries).containsExactly("FILING AGENCY_CONTRACT RETURNED", "FILING AGENCY_CONTRACT ACCEPTED");
        return pi;
    }

    private void statement(ProcessInstance pi, String period) {
        completeAs(pi, "bookStatement", "agent", withVariables("statementPeriod", period, "incomeFen", 1_250_000,
                "expenseFen", 980_000, "statementText", "物业费、停车费收入；保洁、维修支出"));
    }

    @Test
    void aContractIsFiledThenEachMonthTheStatementIsConfirmedTwicePublishedAndReviewed() {
        ProcessInstance pi = engaged();
        Job first = timer(pi, "monthlyStatement");
        // The first statement is due on the 1st of next month, 00:00 Beijing time.
        assertThat(first.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-03-31T16:00:00Z")));
        fire(first);
        assertThat(taskAt(pi, "bookStatement")).hasCandidateGroup("fin-agent:EST01");
        statement(pi, "2026-03");
        assertThat(taskAt(pi, "chairConfirm")).hasCandidateGroup("hoa-chair:EST01");
        assertThat(taskAt(pi, "supervisorConfirm")).hasCandidateGroup("hoa-supervisor:EST01");
        completeAs(pi, "chairConfirm", "chair", withVariables("approved", true));
        completeAs(pi, "supervisorConfirm", "supervisor", withVariables("approved", true));
        assertThat(journal.entries).contains("PUBLISH FINANCIAL_STATEMENT");
        assertThat(taskAt(pi, "communityReview")).hasCandidateGroup("community-staff:C01");
        completeAs(pi, "communityReview", "staff", withVariables("reviewOutcome", "OK"));
        assertThat(pi).hasPassed("cycleDone").isWaitingAt("agencyInForce");

        // Next month: the community finds an anomaly; rectification is escalated after 10 working days.
        Job second = timer(pi, "monthlyStatement");
        assertThat(second.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-04-30T16:00:00Z")));
        fire(second);
        statement(pi, "2026-04");
        completeAs(pi, "chairConfirm", "chair", withVariables("approved", true));
        completeAs(pi, "supervisorConfirm", "supervisor", withVariables("approved", true));
        completeAs(pi, "communityReview", "staff", withVariables("reviewOutcome", "ANOMALY", "reviewNote", "支出缺发票"));
        assertThat(taskAt(pi, "rectify")).hasCandidateGroup("hoa-chair:EST01");
        fire(timer(pi, "rectifyOverdue"));
        assertThat(journal.entries).contains("ESCALATE rectification");
        completeAs(pi, "rectify", "chair", withVariables("rectifyReport", "已补发票"));
        assertThat(journal.count("PUBLISH FINANCIAL_STATEMENT")).isEqualTo(2);

        completeAs(pi, "agencyInForce", "chair", withVariables("endReason", "合同期满"));
        assertThat(pi).isEnded().hasPassed("agencyEnded");
    }

    @Test
    void aStatementNotConfirmedByBothGoesBackToTheAgentAndIsNotPublished() {
        ProcessInstance pi = engaged();
        fire(timer(pi, "monthlyStatement"));
        statement(pi, "2026-03");
        completeAs(pi, "chairConfirm", "chair", withVariables("approved", true));
        completeAs(pi, "supervisorConfirm", "supervisor", withVariables("approved", false, "confirmNote", "支出不符"));
        assertThat(pi).isWaitingAt("agencyInForce", "bookStatement");
        assertThat(journal.count("PUBLISH")).isZero();
        // The same person cannot confirm for both sides.
        statement(pi, "2026-03");
        completeAs(pi, "chairConfirm", "chair", withVariables("approved", true));
        assertThatThrownBy(() -> completeAs(pi, "supervisorConfirm", "chair", withVariables("approved", true)))
                .hasMessageContaining("different people");
    }

    @Test
    void withoutAPassedAppointmentResolutionNoAgencyStarts() {
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("hoa-fund-agency",
                withVariables("resolutionNo", "JY-404", "agentName", "某公司"))).hasMessageContaining("no passed resolution");
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("hoa-fund-agency").count()).isZero();
    }

    @Test
    void monthlyTimersStopWhenTheAgencyEnds() {
        ProcessInstance pi = engaged();
        ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(1))));
        completeAs(pi, "agencyInForce", "chair", withVariables("endReason", "解聘"));
        assertThat(pi).isEnded();
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }
}
