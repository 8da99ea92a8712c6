package cn.gridflow.process;

import java.util.List;
import java.util.Map;

import cn.gridflow.common.ApiException;
import cn.gridflow.forms.DeployedForms;
import cn.gridflow.forms.FormOptions;
import cn.gridflow.forms.FormValidator;
import cn.gridflow.forms.VariableValues;
import cn.gridflow.security.CurrentUser;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Starting processes from the app: what the user may start, its start form, and the start itself. */
@RestController
@RequestMapping("/api/processes")
public class ProcessStartController {

    /** Business-key prefixes per process (domain-spec: grid events are EV-yyyyMMdd-nnnnn). */
    private static final Map<String, String> KEY_PREFIXES = Map.of("grid-event", "EV", "city-command-dispatch", "CMD");

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final FormService formService;
    private final DeployedForms forms;
    private final FormValidator formValidator;
    private final FormOptions formOptions;
    private final VariableValues variableValues;
    private final BusinessKeys businessKeys;

    public ProcessStartController(RepositoryService repositoryService, RuntimeService runtimeService,
                                  FormService formService, DeployedForms forms, FormValidator formValidator,
                                  FormOptions formOptions, VariableValues variableValues, BusinessKeys businessKeys) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.formService = formService;
        this.forms = forms;
        this.formValidator = formValidator;
        this.formOptions = formOptions;
        this.variableValues = variableValues;
        this.businessKeys = businessKeys;
    }

    public record Startable(String key, String name, int version, boolean hasStartForm) {
    }

    public record StartForm(JsonNode schema, Map<String, Object> data) {
    }

    public record StartRequest(Map<String, Object> variables) {
    }

    public record Started(String processInstanceId, String businessKey) {
    }

    @GetMapping("/startable")
    public List<Startable> startable() {
        CurrentUser.get();
        return repositoryService.createProcessDefinitionQuery().latestVersion().active().startableInTasklist()
                .startablePermissionCheck().orderByProcessDefinitionKey().asc().listPage(0, 200).stream()
                .map(d -> new Startable(d.getKey(), d.getName(), d.getVersion(),
                        formService.getStartFormData(d.getId()).getCamundaFormRef() != null))
                .toList();
    }

    @GetMapping("/{key}/start-form")
    public StartForm startForm(@PathVariable String key) {
        CurrentUser user = CurrentUser.get();
        ProcessDefinition definition = startableDefinition(key);
        JsonNode schema = forms.forStart(definition.getId()).orElseThrow(() -> ApiException.notFound("NO_FORM"));
        return new StartForm(schema, formOptions.forUser(user));
    }

    @PostMapping("/{key}/start")
    @ResponseStatus(HttpStatus.CREATED)
    public Started start(@PathVariable String key, @RequestBody StartRequest request) {
        CurrentUser user = CurrentUser.get();
        ProcessDefinition definition = startableDefinition(key);
        Map<String, Object> submitted = request.variables() == null ? Map.of() : request.variables();
        VariableMap variables = forms.forStart(definition.getId())
                .map(schema -> formValidator.validate(schema, submitted, () -> formOptions.forUser(user)))
                .orElseGet(() -> variableValues.fromJson(submitted));
        String prefix = KEY_PREFIXES.get(key);
        String businessKey = prefix == null ? null : businessKeys.next(prefix);
        if ("grid-event".equals(key)) {
            variables.putValue("eventId", businessKey);
            variables.putValue("source", "GRID_PATROL");
            variables.putValue("reporterId", user.id());
        }
        ProcessInstance instance = runtimeService.startProcessInstanceById(definition.getId(), businessKey, variables);
        return new Started(instance.getId(), businessKey);
    }

    private ProcessDefinition startableDefinition(String key) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().active().startablePermissionCheck().singleResult();
        if (definition == null) {
            throw ApiException.notFound("PROCESS_NOT_FOUND", key);
        }
        return definition;
    }
}
