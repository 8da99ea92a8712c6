package cn.gridflow.modeler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.gridflow.common.ApiException;
import cn.gridflow.security.CurrentUser;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The process designer's API: the library (every signed-in user may read it, as everyone may read definitions),
 * and drafts, deployment and migration, which only process designers (and administrators) may use.
 */
@RestController
@RequestMapping("/api/designer")
public class DesignerController {

    static final String DESIGNER_ROLE = "process-designer";

    private final ModelLibrary library;
    private final ModelDeployments deployments;
    private final Drafts drafts;
    private final Migrations migrations;
    private final ProcessBeanAllowList beans;
    private final MessageSource messages;

    public DesignerController(ModelLibrary library, ModelDeployments deployments, Drafts drafts,
                              Migrations migrations, ProcessBeanAllowList beans, MessageSource messages) {
        this.library = library;
        this.deployments = deployments;
        this.drafts = drafts;
        this.migrations = migrations;
        this.beans = beans;
        this.messages = messages;
    }

    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    public record Me(boolean canEdit) {
    }

    public record DeployRequest(String content, Integer baseVersion) {
    }

    public record DraftRequest(String content, Integer baseVersion) {
    }

    public record MigrationRequest(int fromVersion, int toVersion, List<String> instanceIds) {
    }

    /** One problem of a refused model, where it is (line, element) when known. */
    public record ModelProblem(String resource, String message, int line, int column, String elementId,
                               String rule) {
    }

    public record Refused(int status, String code, String message, List<Object> fieldErrors,
                          List<ModelProblem> problems) {
    }

    static CurrentUser designer() {
        CurrentUser user = CurrentUser.get();
        if (!user.isAdmin() && !user.hasRole(DESIGNER_ROLE)) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        return user;
    }

    @GetMapping("/me")
    public Me me() {
        CurrentUser user = CurrentUser.get();
        return new Me(user.isAdmin() || user.hasRole(DESIGNER_ROLE));
    }

    @GetMapping("/models")
    public Page<ModelLibrary.Model> models(@RequestParam(required = false) String kind,
                                           @RequestParam(required = false) String text,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size) {
        CurrentUser.get();
        if (page < 0 || size < 1 || size > 200) {
            throw ApiException.badRequest("PAGE_INVALID");
        }
        List<ModelLibrary.Model> all = library.models(kind == null || kind.isBlank() ? null : ModelKind.parse(kind),
                text);
        int from = Math.min(all.size(), page * size);
        return new Page<>(all.subList(from, Math.min(all.size(), from + size)), all.size(), page, size);
    }

    @GetMapping("/models/{kind}/{key}/versions")
    public List<ModelLibrary.Version> versions(@PathVariable String kind, @PathVariable String key) {
        CurrentUser.get();
        return library.versions(ModelKind.parse(kind), key);
    }

    @GetMapping("/models/{kind}/{key}/versions/{version}/content")
    public ModelLibrary.Content content(@PathVariable String kind, @PathVariable String key,
                                        @PathVariable int version) {
        CurrentUser.get();
        return library.content(ModelKind.parse(kind), key, version);
    }

    /** The beans a service task may name ({@code ${bean}} / {@code ${bean.method(..)}}), for the modeler's lint. */
    @GetMapping("/process-beans")
    public List<String> processBeans() {
        CurrentUser.get();
        return List.copyOf(beans.names());
    }

    @PostMapping("/models/{kind}/{key}/deployments")
    @ResponseStatus(HttpStatus.CREATED)
    public ModelDeployments.Deployed deploy(@PathVariable String kind, @PathVariable String key,
                                            @RequestBody DeployRequest request) {
        CurrentUser user = designer();
        ModelKind modelKind = ModelKind.parse(kind);
        ModelDeployments.Deployed deployed = deployments.deploy(modelKind, key, request.content(),
                request.baseVersion());
        drafts.discard(user.id(), modelKind, key);
        return deployed;
    }

    @GetMapping("/drafts")
    public List<Drafts.Draft> myDrafts() {
        return drafts.of(designer().id());
    }

    @GetMapping("/drafts/{kind}/{key}")
    public Drafts.Draft draft(@PathVariable String kind, @PathVariable String key) {
        return drafts.get(designer().id(), ModelKind.parse(kind), key)
                .orElseThrow(() -> ApiException.notFound("NOT_FOUND"));
    }

    @PutMapping("/drafts/{kind}/{key}")
    public Drafts.Draft saveDraft(@PathVariable String kind, @PathVariable String key,
                                  @RequestBody DraftRequest request) {
        CurrentUser user = designer();
        if (request.content() == null || request.content().isBlank()) {
            throw ApiException.badRequest("DESIGNER_EMPTY");
        }
        return drafts.save(user.id(), ModelKind.parse(kind), key, request.content(), request.baseVersion());
    }

    @DeleteMapping("/drafts/{kind}/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void discardDraft(@PathVariable String kind, @PathVariable String key) {
        drafts.discard(designer().id(), ModelKind.parse(kind), key);
    }

    @GetMapping("/processes/{key}/migration")
    public Migrations.Preview migrationPreview(@PathVariable String key, @RequestParam int fromVersion,
                                               @RequestParam int toVersion) {
        designer();
        return migrations.preview(key, fromVersion, toVersion);
    }

    @PostMapping("/processes/{key}/migration")
    public Migrations.Result migrate(@PathVariable String key, @RequestBody MigrationRequest request) {
        designer();
        return migrations.migrate(key, request.fromVersion(), request.toVersion(), request.instanceIds());
    }

    /** Refused by the deploy policy or by the engine's parser: every problem with its line and element. */
    @ExceptionHandler(ParseException.class)
    ResponseEntity<Refused> refused(ParseException e) {
        List<ModelProblem> problems = new ArrayList<>();
        for (ResourceReport report : e.getResorceReports()) {
            for (Problem problem : report.getErrors()) {
                problems.add(new ModelProblem(report.getResourceName(), problem.getMessage(), problem.getLine(),
                        problem.getColumn(), problem.getMainElementId(), null));
            }
        }
        String message = e.getMessage();
        if (!(e instanceof DeployGuardPlugin.PolicyRefusal)) {
            ModelProblem first = problems.isEmpty() ? null : problems.get(0);
            message = text("error.DESIGNER_ENGINE_REJECTED", first == null ? "" : first.resource(),
                    first == null ? e.getMessage() : first.message());
        }
        return ResponseEntity.badRequest().body(new Refused(400, "DESIGNER_REFUSED", message, List.of(), problems));
    }

    /** Broken GridFlow rules: each with its element and rule, the first one in the message. */
    @ExceptionHandler(ModelDeployments.LintRefusal.class)
    ResponseEntity<Refused> brokenRules(ModelDeployments.LintRefusal e) {
        List<ModelProblem> problems = e.findings().stream().map(f -> new ModelProblem(e.resource(), f.message(),
                f.line(), f.column(), f.elementId(), f.rule())).toList();
        String message = text("error.DESIGNER_REFUSED", e.resource(), problems.get(0).message());
        return ResponseEntity.badRequest().body(new Refused(400, "DESIGNER_LINT", message, List.of(), problems));
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
