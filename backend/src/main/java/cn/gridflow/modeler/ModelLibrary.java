package cn.gridflow.modeler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.EngineSystemCalls;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every deployed process, decision and form with its versions, author, time and running instances. Read without
 * the caller's authorizations: the library shows definitions (which everyone may read) and counts, never instance
 * data.
 */
@Component
public class ModelLibrary {

    /** Upper bound of definitions read at once; GridFlow has tens of models with tens of versions each. */
    private static final int MAX_DEFINITIONS = 1000;

    public record Version(ModelKind kind, String key, String name, String id, int version, String deploymentId,
                          String resourceName, String deployedBy, Date deployedAt, String source,
                          Long runningInstances) {
    }

    public record Model(ModelKind kind, String key, String name, int latestVersion, int versions,
                        Long runningInstances, String deployedBy, Date deployedAt) {
    }

    public record Content(ModelKind kind, String key, int version, String id, String resourceName, String content) {
    }

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final EngineSystemCalls system;
    private final DeploymentRecords records;
    private final JdbcClient jdbc;

    public ModelLibrary(RepositoryService repositoryService, RuntimeService runtimeService,
                        EngineSystemCalls system, DeploymentRecords records, JdbcClient jdbc) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.system = system;
        this.records = records;
        this.jdbc = jdbc;
    }

    public List<Model> models(ModelKind kindFilter, String text) {
        Map<String, List<Version>> byModel = new LinkedHashMap<>();
        for (Version v : allVersions(kindFilter, null)) {
            byModel.computeIfAbsent(v.kind() + "/" + v.key(), k -> new ArrayList<>()).add(v);
        }
        String needle = text == null ? "" : text.trim().toLowerCase();
        return byModel.values().stream().map(versions -> {
            Version latest = versions.get(0);
            Long running = latest.kind() == ModelKind.PROCESS
                    ? versions.stream().mapToLong(v -> v.runningInstances() == null ? 0 : v.runningInstances()).sum()
                    : null;
            return new Model(latest.kind(), latest.key(), latest.name(), latest.version(), versions.size(), running,
                    latest.deployedBy(), latest.deployedAt());
        }).filter(m -> needle.isEmpty() || m.key().toLowerCase().contains(needle)
                || (m.name() != null && m.name().toLowerCase().contains(needle)))
                .sorted(Comparator.comparing(Model::kind).thenComparing(Model::key))
                .toList();
    }

    /** The versions of one model, newest first. */
    public List<Version> versions(ModelKind kind, String key) {
        List<Version> versions = allVersions(kind, key);
        if (versions.isEmpty()) {
            throw ApiException.notFound("NOT_FOUND");
        }
        return versions;
    }

    public Version version(ModelKind kind, String key, int version) {
        return versions(kind, key).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> ApiException.notFound("NOT_FOUND"));
    }

    public Content content(ModelKind kind, String key, int version) {
        Version v = version(kind, key, version);
        String text = system.call(() -> read(repositoryService.getResourceAsStream(v.deploymentId(), v.resourceName())));
        return new Content(kind, key, v.version(), v.id(), v.resourceName(), text);
    }

    public int latestVersion(ModelKind kind, String key) {
        List<Version> versions = allVersions(kind, key);
        return versions.isEmpty() ? 0 : versions.get(0).version();
    }

    private List<Version> allVersions(ModelKind kind, String key) {
        List<Definition> definitions = new ArrayList<>();
        system.call(() -> {
            if (kind == null || kind == ModelKind.PROCESS) {
                var query = repositoryService.createProcessDefinitionQuery();
                if (key != null) {
                    query.processDefinitionKey(key);
                }
                query.listPage(0, MAX_DEFINITIONS).forEach(d -> definitions.add(Definition.of(ModelKind.PROCESS, d)));
            }
            if (kind == null || kind == ModelKind.DECISION) {
                var query = repositoryService.createDecisionDefinitionQuery();
                if (key != null) {
                    query.decisionDefinitionKey(key);
                }
                query.listPage(0, MAX_DEFINITIONS).forEach(d -> definitions.add(Definition.of(ModelKind.DECISION, d)));
            }
            return null;
        });
        if (kind == null || kind == ModelKind.FORM) {
            definitions.addAll(forms(key));
        }
        Set<String> deploymentIds = definitions.stream().map(Definition::deploymentId).collect(Collectors.toSet());
        Map<String, DeploymentRecords.Record> authors = records.byDeployment(deploymentIds);
        Map<String, Deployment> deployments = system.call(() -> repositoryService.createDeploymentQuery()
                .listPage(0, MAX_DEFINITIONS).stream().filter(d -> deploymentIds.contains(d.getId()))
                .collect(Collectors.toMap(Deployment::getId, d -> d)));
        return definitions.stream().map(d -> {
            DeploymentRecords.Record author = authors.get(d.deploymentId());
            Deployment deployment = deployments.get(d.deploymentId());
            Long running = d.kind() == ModelKind.PROCESS ? system.call(() -> runtimeService
                    .createProcessInstanceQuery().processDefinitionId(d.id()).count()) : null;
            return new Version(d.kind(), d.key(), d.name(), d.id(), d.version(), d.deploymentId(), d.resourceName(),
                    author == null ? null : author.deployedBy(),
                    deployment != null ? deployment.getDeploymentTime() : author == null ? null : author.deployedAt(),
                    deployment != null ? deployment.getSource() : null, running);
        }).sorted(Comparator.comparing(Version::kind).thenComparing(Version::key)
                .thenComparing(Comparator.comparingInt(Version::version).reversed())).toList();
    }

    /** Camunda Forms have no query API in the engine; their definitions table is read directly. */
    private List<Definition> forms(String key) {
        String sql = "select ID_, KEY_, VERSION_, DEPLOYMENT_ID_, RESOURCE_NAME_ from ACT_RE_CAMFORMDEF"
                + (key != null ? " where KEY_ = :key" : "");
        var statement = jdbc.sql(sql);
        if (key != null) {
            statement = statement.param("key", key);
        }
        return statement.query((rs, n) -> new Definition(ModelKind.FORM, rs.getString(1), rs.getString(2),
                rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5))).list();
    }

    private record Definition(ModelKind kind, String id, String key, String name, int version, String deploymentId,
                              String resourceName) {
        static Definition of(ModelKind kind, ResourceDefinition d) {
            return new Definition(kind, d.getId(), d.getKey(), d.getName(), d.getVersion(), d.getDeploymentId(),
                    d.getResourceName());
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("deployed resource not readable", e);
        }
    }
}
