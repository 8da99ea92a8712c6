package cn.gridflow.metrics;

import java.util.Date;

import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the metrics read model in step with the engine. The Camunda Spring Boot starter publishes every history
 * event ({@code camunda.bpm.eventing.history}) synchronously next to the database history handler, inside the
 * engine's command and transaction: a rolled-back command leaves no trace here either.
 */
@Component
public class MetricsProjector {

    private final MetricsStore store;
    private final EngineMeterBinder meters;

    public MetricsProjector(MetricsStore store, EngineMeterBinder meters) {
        this.store = store;
        this.meters = meters;
    }

    @EventListener
    public void on(HistoryEvent event) {
        if (event.getProcessInstanceId() == null || event.getProcessDefinitionKey() == null) {
            return;
        }
        if (event instanceof HistoricProcessInstanceEventEntity process) {
            onProcess(process);
        } else if (event instanceof HistoricActivityInstanceEventEntity activity) {
            onActivity(activity);
        } else if (event instanceof HistoricVariableUpdateEventEntity variable) {
            onVariable(variable);
        }
    }

    private void onProcess(HistoricProcessInstanceEventEntity e) {
        boolean start = e.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START);
        boolean end = e.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END);
        if (!start && !end && !e.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_UPDATE)) {
            return;
        }
        store.upsertInstance(new MetricsStore.Instance(e.getProcessInstanceId(), e.getProcessDefinitionKey(),
                e.getProcessDefinitionId(), e.getBusinessKey(), null, e.getStartTime(), e.getEndTime(),
                e.getEndActivityId(), e.getState()));
        if (start) {
            meters.started(e.getProcessDefinitionKey());
        } else if (end) {
            meters.ended(e.getProcessDefinitionKey(), e.getState());
        }
        if (isGridEvent(e) && (start || end)) {
            EventFacts facts = lockOrCreate(e.getProcessInstanceId(), firstOf(e.getStartTime(), e.getEndTime()));
            if (start) {
                facts.started(e.getStartTime(), e.getBusinessKey());
            } else {
                facts.ended(e.getEndTime());
            }
            store.updateEvent(facts);
        }
    }

    private void onActivity(HistoricActivityInstanceEventEntity e) {
        boolean start = e.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_START);
        boolean end = e.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_END);
        if (!start && !end) {
            return;
        }
        MetricsStore.Activity row = new MetricsStore.Activity(e.getActivityInstanceId(), e.getProcessInstanceId(),
                e.getProcessDefinitionKey(), e.getProcessDefinitionId(), e.getActivityId(), e.getActivityName(),
                e.getActivityType(), e.getStartTime(), end ? e.getEndTime() : null,
                end ? e.getDurationInMillis() : null);
        if (start) {
            store.insertActivity(row);
        } else {
            store.endActivity(row);
        }
        if (isGridEvent(e) && tracksActivity(e.getActivityId())) {
            EventFacts facts = lockOrCreate(e.getProcessInstanceId(), firstOf(e.getStartTime(), e.getEndTime()));
            if (start) {
                facts.activityStarted(e.getActivityId(), e.getStartTime());
            } else {
                facts.activityEnded(e.getActivityId(), e.getEndTime());
            }
            store.updateEvent(facts);
        }
    }

    private void onVariable(HistoricVariableUpdateEventEntity e) {
        // Task-local variables (form fields kept on the task) are not the event's facts.
        if (e.getTaskId() != null || e.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE)
                || e.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE)) {
            return;
        }
        Object value = HistoricValues.of(e);
        if ("communityId".equals(e.getVariableName())) {
            store.instanceCommunity(e.getProcessInstanceId(), e.getProcessDefinitionKey(),
                    e.getProcessDefinitionId(), e.getTimestamp(), value == null ? null : value.toString());
        }
        if (isGridEvent(e) && EventFacts.tracks(e.getVariableName())) {
            EventFacts facts = lockOrCreate(e.getProcessInstanceId(), e.getTimestamp());
            facts.variable(e.getVariableName(), value);
            store.updateEvent(facts);
        }
    }

    /** Variables given at start are recorded before the instance's own start event. */
    private EventFacts lockOrCreate(String procInstId, Date reportedAt) {
        EventFacts facts = store.lockEvent(procInstId);
        if (facts == null) {
            facts = new EventFacts(procInstId, reportedAt);
            store.insertEvent(facts);
        }
        return facts;
    }

    private static Date firstOf(Date a, Date b) {
        return a != null ? a : b;
    }

    private static boolean isGridEvent(HistoryEvent e) {
        return EventFacts.PROCESS_KEY.equals(e.getProcessDefinitionKey());
    }

    private static boolean tracksActivity(String activityId) {
        return EventFacts.HANDLING.equals(activityId) || EventFacts.SIGN_TASK.equals(activityId)
                || EventFacts.SIGN_OVERDUE.equals(activityId) || EventFacts.DEPT_HANDLE.equals(activityId);
    }
}
