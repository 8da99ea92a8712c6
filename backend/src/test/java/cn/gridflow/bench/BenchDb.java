package cn.gridflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's own databases: on MariaDB/MySQL each is created as {@code gridflow_bench_<name>} (another
 * prefix: {@code GRIDFLOW_BENCH_DB_PREFIX}) and dropped at the end (also on Ctrl-C); on H2 each is an in-memory
 * database that is shut down.
 */
final class BenchDb {

    enum Kind { h2, mysql }

    static final String HOST = System.getenv().getOrDefault("GRIDFLOW_BENCH_DB_HOST", "127.0.0.1");
    static final String PORT = System.getenv().getOrDefault("GRIDFLOW_BENCH_DB_PORT", "3306");
    /** Two benchmark runs on one server need different prefixes (their databases are dropped at the end). */
    static final String PREFIX = System.getenv().getOrDefault("GRIDFLOW_BENCH_DB_PREFIX", "gridflow_bench_");
    static final String USER = System.getenv().getOrDefault("GRIDFLOW_BENCH_DB_USER", "root");
    static final String PASSWORD = System.getenv().getOrDefault("GRIDFLOW_BENCH_DB_PASSWORD", "");

    /** The product's MySQL URL options (application-mysql.yml); rewriteBatchedStatements can be switched off. */
    static final String MYSQL_OPTIONS = "sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&useSSL=false"
            + "&allowPublicKeyRetrieval=true&characterEncoding=UTF-8&connectionTimeZone=SERVER";

    private final Kind kind;
    private final List<String> created = new ArrayList<>();

    BenchDb(Kind kind) {
        this.kind = kind;
        Runtime.getRuntime().addShutdownHook(new Thread(this::dropAll, "bench-db-cleanup"));
    }

    Kind kind() {
        return kind;
    }

    boolean mysql() {
        return kind == Kind.mysql;
    }

    /** A fresh, empty database; returns its JDBC URL. */
    synchronized String create(String name, boolean rewriteBatchedStatements) {
        String db = PREFIX + name;
        if (kind == Kind.h2) {
            created.add(db);
            return "jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1";
        }
        admin("drop database if exists " + db);
        admin("create database " + db + " character set utf8mb4 collate utf8mb4_bin");
        created.add(db);
        return url(db, rewriteBatchedStatements);
    }

    static String url(String db, boolean rewriteBatchedStatements) {
        return "jdbc:mysql://" + HOST + ":" + PORT + "/" + db + "?" + MYSQL_OPTIONS
                + "&rewriteBatchedStatements=" + rewriteBatchedStatements;
    }

    synchronized void drop(String name) {
        String db = PREFIX + name;
        if (!created.remove(db)) {
            return;
        }
        dropDatabase(db);
    }

    synchronized void dropAll() {
        for (String db : List.copyOf(created)) {
            dropDatabase(db);
        }
        created.clear();
    }

    private void dropDatabase(String db) {
        try {
            if (kind == Kind.h2) {
                try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1", "sa", "");
                     Statement s = c.createStatement()) {
                    s.execute("shutdown");
                }
            } else {
                admin("drop database if exists " + db);
            }
        } catch (SQLException e) {
            System.err.println("[bench] could not drop " + db + ": " + e.getMessage());
        }
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + HOST + ":" + PORT + "/?" + MYSQL_OPTIONS,
                USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
