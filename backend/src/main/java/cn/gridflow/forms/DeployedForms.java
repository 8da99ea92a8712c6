package cn.gridflow.forms;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form (form-js JSON) deployed for a task or a start event, if the model references one.
 *
 * <p>A form bound with {@code binding="deployment"} is the one in the process definition's own deployment, and a
 * deployment never changes, so its parsed schema is kept per process definition and form key: completing a task
 * then costs no engine command, resource read or JSON parse for its form (the benchmark's profile showed them on
 * every completion). Forms bound to {@code latest} or a version are read each time, since a later deployment (or a
 * redeployed version number) can change what they resolve to. Callers get a copy, so nobody can change the cached
 * schema. Who may see the form is settled before: a task comes from a query run with the caller's authorizations,
 * and a start form still asks the engine for the definition's form data as the caller.
 */
@Component
public class DeployedForms {

    /** Bounds the cache; process definitions number in the hundreds even after years of redeployments. */
    static final int MAX_CACHED = 2_000;

    private final FormService formService;
    private final ObjectMapper json;
    private final Map<String, JsonNode> byDefinitionAndKey = new ConcurrentHashMap<>();

    public DeployedForms(FormService formService, ObjectMapper json) {
        this.formService = formService;
        this.json = json;
    }

    /** @param task a task queried with {@code initializeFormKeys()}, so that its form reference is known */
    public Optional<JsonNode> forTask(Task task) {
        CamundaFormRef ref = task.getCamundaFormRef();
        if (ref == null) {
            return Optional.empty();
        }
        return Optional.of(schema(task.getProcessDefinitionId(), ref,
                () -> formService.getDeployedTaskForm(task.getId())));
    }

    public Optional<JsonNode> forStart(String processDefinitionId) {
        CamundaFormRef ref = formService.getStartFormData(processDefinitionId).getCamundaFormRef();
        if (ref == null) {
            return Optional.empty();
        }
        return Optional.of(schema(processDefinitionId, ref,
                () -> formService.getDeployedStartForm(processDefinitionId)));
    }

    private JsonNode schema(String processDefinitionId, CamundaFormRef ref, Supplier<InputStream> deployed) {
        if (processDefinitionId == null || !"deployment".equals(ref.getBinding())) {
            return read(deployed.get());
        }
        String key = processDefinitionId + "\n" + ref.getKey();
        JsonNode cached = byDefinitionAndKey.get(key);
        if (cached == null) {
            cached = read(deployed.get());
            if (byDefinitionAndKey.size() >= MAX_CACHED) {
                byDefinitionAndKey.clear();
            }
            byDefinitionAndKey.put(key, cached);
        }
        return cached.deepCopy();
    }

    private JsonNode read(InputStream in) {
        try (in) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("deployed form is not readable JSON", e);
        }
    }
}
