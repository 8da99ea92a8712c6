package cn.gridflow.modeler;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who deployed what: the engine keeps a deployment's time and source but not its author. Written by
 * {@link DeployGuardPlugin} inside the deploying transaction, for every path that deploys.
 */
@Component
public class DeploymentRecords {

    public record Record(String deploymentId, String deployedBy, String source, Date deployedAt) {
    }

    private final JdbcClient jdbc;

    public DeploymentRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String deploymentId, String deployedBy, String source, Date deployedAt) {
        jdbc.sql("insert into gf_designer_deployment (deployment_id, deployed_by, deploy_source, deployed_at) "
                        + "values (:id, :by, :source, :at)")
                .param("id", deploymentId).param("by", deployedBy).param("source", source)
                .param("at", new Timestamp(deployedAt.getTime()))
                .update();
    }

    public Map<String, Record> byDeployment(Collection<String> deploymentIds) {
        Map<String, Record> result = new HashMap<>();
        if (deploymentIds.isEmpty()) {
            return result;
        }
        List<Record> rows = jdbc.sql("select deployment_id, deployed_by, deploy_source, deployed_at "
                        + "from gf_designer_deployment where deployment_id in (:ids)")
                .param("ids", deploymentIds)
                .query((rs, n) -> new Record(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4)))
                .list();
        rows.forEach(r -> result.put(r.deploymentId(), r));
        return result;
    }
}
