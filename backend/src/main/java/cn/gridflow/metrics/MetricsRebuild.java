package cn.gridflow.metrics;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds the metrics read model from the engine's history (ACT_HI_*), applying the same facts as the live
 * projection: at start when the model is empty but history is not (a database that predates it), and on an
 * administrator's request. The delete and the rewrite are one transaction, so readers never see it half-built.
 */
@Component
public class MetricsRebuild {

    private static final Logger log = LoggerFactory.getLogger(MetricsRebuild.class);
    private static final int PAGE = 200;

    private final MetricsStore store;
    private final HistoryService historyService;
    private final JdbcTemplate jdbc;

    public MetricsRebuild(MetricsStore store, HistoryService historyService, JdbcTemplate jdbc) {
        this.store = store;
        this.historyService = historyService;
        this.jdbc = jdbc;
    }

    public record Result(long instances, long events, long activities) {
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void rebuildIfEmpty() {
        Long rows = jdbc.queryForObject("select count(*) from gf_metric_instance", Long.class);
        if ((rows == null || rows == 0) && historyService.createHistoricProcessInstanceQuery().count() > 0) {
            log.info("metrics read model is empty but the engine has history: rebuilding");
            rebuild();
        }
    }

    @Transactional
    public Result rebuild() {
        store.deleteAll();
        long instances = 0;
        long events = 0;
        long activities = 0;
        for (int first = 0; ; first += PAGE) {
            List<HistoricProcessInstance> page = historyService.createHistoricProcessInstanceQuery()
                    .orderByProcessInstanceId().asc().listPage(first, PAGE);
            for (HistoricProcessInstance instance : page) {
                activities += project(instance);
                instances++;
                if (EventFacts.PROCESS_KEY.equals(instance.getProcessDefinitionKey())) {
                    events++;
                }
            }
            if (page.size() < PAGE) {
                // the aggregate in SQL from the rows just written, not event by event as the live projection does
                store.rebuildDaily();
                log.info("metrics read model rebuilt: {} instances, {} grid events, {} activity instances",
                        instances, events, activities);
                return new Result(instances, events, activities);
            }
        }
    }

    private int project(HistoricProcessInstance instance) {
        String id = instance.getId();
        List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(id).disableBinaryFetching().disableCustomObjectDeserialization().list()
                .stream().filter(v -> v.getTaskId() == null).toList();
        String communityId = variables.stream().filter(v -> "communityId".equals(v.getName()))
                .map(v -> v.getValue() == null ? null : v.getValue().toString()).findFirst().orElse(null);
        store.insertInstance(new MetricsStore.Instance(id, instance.getProcessDefinitionKey(),
                instance.getProcessDefinitionId(), instance.getBusinessKey(), communityId, instance.getStartTime(),
                instance.getEndTime(), instance.getEndActivityId(), instance.getState()));

        List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(id).list();
        for (HistoricActivityInstance a : activities) {
            store.insertActivity(new MetricsStore.Activity(a.getId(), id, instance.getProcessDefinitionKey(),
                    a.getProcessDefinitionId(), a.getActivityId(), a.getActivityName(), a.getActivityType(),
                    a.getStartTime(), a.getEndTime(), a.getEndTime() == null ? null : a.getDurationInMillis()));
        }

        if (EventFacts.PROCESS_KEY.equals(instance.getProcessDefinitionKey())) {
            EventFacts facts = new EventFacts(id, instance.getStartTime());
            facts.started(instance.getStartTime(), instance.getBusinessKey());
            variables.stream().filter(v -> EventFacts.tracks(v.getName()))
                    .forEach(v -> facts.variable(v.getName(), v.getValue()));
            for (HistoricActivityInstance a : activities) {
                facts.activityStarted(a.getActivityId(), a.getStartTime());
                if (a.getEndTime() != null) {
                    facts.activityEnded(a.getActivityId(), a.getEndTime());
                }
            }
            if (instance.getEndTime() != null) {
                facts.ended(instance.getEndTime());
            }
            store.insertEventRow(facts);
        }
        return activities.size();
    }
}
