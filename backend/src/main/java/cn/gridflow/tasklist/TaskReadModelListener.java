package cn.gridflow.tasklist;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the read model in step with the engine. The Camunda Spring Boot starter publishes every task event
 * ({@code camunda.bpm.eventing.task}) synchronously, inside the engine's command and transaction.
 */
@Component
public class TaskReadModelListener {

    private final TaskReadModel readModel;

    public TaskReadModelListener(TaskReadModel readModel) {
        this.readModel = readModel;
    }

    @EventListener
    public void on(DelegateTask task) {
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> readModel.insert(TaskReadModel.rowOf(task));
            case TaskListener.EVENTNAME_ASSIGNMENT -> readModel.updateAssignee(task.getId(), task.getAssignee());
            case TaskListener.EVENTNAME_UPDATE -> readModel.update(TaskReadModel.rowOf(task));
            case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> readModel.delete(task.getId());
            default -> { }
        }
    }
}
