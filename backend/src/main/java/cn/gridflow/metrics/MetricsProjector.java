package cn.gridflow.metrics;

import java.util.Date;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the metrics read model in step with the engine. The Camunda Spring Boot starter publishes every history
 * event ({@code camunda.bpm.eventing.history}) synchronously next to the database history handler, inside the
 * engine's command and transaction: a rolled-back command leaves no trace here either.
 * <p>
 * One command produces many history events of one grid event (a start sets a dozen tracked variables): the event's
 * row is locked and read once per transaction, the facts change in memory, and the row and its daily cells are
 * written once just before the transaction commits ({@link PendingEvents}) — not once per history event.
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
            changed(facts);
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
            changed(facts);
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
            changed(facts);
        }
    }

    /** Variables given at start are recorded before the instance's own start event. */
    private EventFacts lockOrCreate(String procInstId, Date reportedAt) {
        PendingEvents pending = pending();
        EventFacts facts = pending == null ? null : pending.events.get(procInstId);
        if (facts != null) {
            return facts;
        }
        facts = store.lockEvent(procInstId);
        if (facts == null) {
            facts = new EventFacts(procInstId, reportedAt);
            store.insertEvent(facts);
        }
        if (pending != null) {
            pending.events.put(procInstId, facts);
        }
        return facts;
    }

    /**
     * Inside a transaction the facts wait in {@link PendingEvents} ({@link #lockOrCreate} put them there); outside
     * one (none in the app; kept for safety) they are written at once.
     */
    private void changed(EventFacts facts) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            store.updateEvent(facts);
        }
    }

    /**
     * The grid events this transaction changed, written before it commits (in id order, like their row locks).
     * Found among the current transaction's synchronizations, so a transaction suspended for another keeps its own.
     */
    private final class PendingEvents implements TransactionSynchronization {
        final Map<String, EventFacts> events = new TreeMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            events.values().forEach(store::updateEvent);
            events.clear();
        }
    }

    private PendingEvents pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof PendingEvents p) {
                return p;
            }
        }
        PendingEvents p = new PendingEvents();
        TransactionSynchronizationManager.registerSynchronization(p);
        return p;
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
