package cn.gridflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM (the app and the benchmark's own clients) and, when the database server runs on this
 * machine, by that server. Throughput on a shared 2-core machine moves with whatever else runs; the CPU one side
 * spends per event does not, and on a CPU-bound machine it is what bounds the ratio of the two sides' throughput.
 */
final class CpuClock {

    /** Linux's USER_HZ: the unit of utime and stime in /proc/<pid>/stat on every mainstream kernel. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final Set<String> DB_SERVERS = Set.of("mariadbd", "mysqld");

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** The local database server's /proc/<pid>/stat, or null (H2 runs inside the JVM; a remote server is not seen). */
    private final Path dbStat;

    CpuClock(BenchDb db) {
        this.dbStat = db.mysql() && isLoopback(BenchDb.HOST) ? findServer() : null;
    }

    /** CPU milliseconds per event of this JVM and of the database server (NaN where not measurable). */
    record PerEvent(double jvmMs, double dbMs) {

        static final PerEvent UNMEASURED = new PerEvent(Double.NaN, Double.NaN);
    }

    /** CPU nanoseconds so far: this JVM's, and the database server's (-1 when not measurable). */
    record Reading(long jvmNanos, long dbNanos) {

        PerEvent perEvent(Reading later, int events) {
            double jvm = (later.jvmNanos - jvmNanos) / 1e6 / events;
            double db = dbNanos < 0 || later.dbNanos < 0 ? Double.NaN : (later.dbNanos - dbNanos) / 1e6 / events;
            return new PerEvent(jvm, db);
        }
    }

    Reading now() {
        return new Reading(os.getProcessCpuTime(), dbNanos());
    }

    boolean seesDatabase() {
        return dbStat != null;
    }

    private long dbNanos() {
        if (dbStat == null) {
            return -1;
        }
        try {
            // the command name in field 2 may hold spaces; the fields after its closing parenthesis do not
            String stat = Files.readString(dbStat);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime and stime are fields 14 and 15
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static boolean isLoopback(String host) {
        return List.of("127.0.0.1", "localhost", "::1").contains(host);
    }

    private static Path findServer() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            return DB_SERVERS.contains(Files.readString(p.resolve("comm")).strip());
                        } catch (IOException | RuntimeException e) {
                            return false;
                        }
                    })
                    .map(p -> p.resolve("stat"))
                    .findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
