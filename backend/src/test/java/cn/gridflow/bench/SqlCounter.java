package cn.gridflow.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts what goes through the app's DataSource: every statement (a batched one counts once per addBatch) and every
 * round trip to the database (an execute or one executeBatch). Plain JDK proxies, so nothing is added to the product.
 */
final class SqlCounter implements BeanPostProcessor {

    record Snapshot(long statements, long roundTrips, long selects, long inserts, long updates, long deletes) {
        Snapshot minus(Snapshot o) {
            return new Snapshot(statements - o.statements, roundTrips - o.roundTrips, selects - o.selects,
                    inserts - o.inserts, updates - o.updates, deletes - o.deletes);
        }
    }

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong roundTrips = new AtomicLong();
    private final AtomicLong selects = new AtomicLong();
    private final AtomicLong inserts = new AtomicLong();
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong deletes = new AtomicLong();

    Snapshot snapshot() {
        return new Snapshot(statements.get(), roundTrips.get(), selects.get(), inserts.get(), updates.get(),
                deletes.get());
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return wrap(dataSource);
        }
        return bean;
    }

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result) ->
                result instanceof Connection c ? connection(c) : result);
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, target, (method, args, result) -> {
            if (result instanceof Statement s) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                Class<? extends Statement> type = result instanceof CallableStatement ? CallableStatement.class
                        : result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return statement(type, s, sql);
            }
            return result;
        });
    }

    @SuppressWarnings("unchecked")
    private <T extends Statement> T statement(Class<T> type, Statement target, String preparedSql) {
        return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    String name = method.getName();
                    String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
                    switch (name) {
                        case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate" -> {
                            roundTrips.incrementAndGet();
                            count(sql);
                        }
                        case "addBatch" -> count(sql);
                        case "executeBatch", "executeLargeBatch" -> roundTrips.incrementAndGet();
                        default -> { }
                    }
                    return invoke(method, target, args);
                });
    }

    private void count(String sql) {
        statements.incrementAndGet();
        String head = sql == null ? "" : sql.stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("select") || head.startsWith("with")) {
            selects.incrementAndGet();
        } else if (head.startsWith("insert")) {
            inserts.incrementAndGet();
        } else if (head.startsWith("update")) {
            updates.incrementAndGet();
        } else if (head.startsWith("delete")) {
            deletes.incrementAndGet();
        }
    }

    private interface AfterCall {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return invoke(method, target, args);
            }
            return after.apply(method, args, invoke(method, target, args));
        };
        return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
