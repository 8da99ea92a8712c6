package cn.gridflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Runs the packaged jar as a user would ({@code java -jar}) on a fresh H2 directory, then drives the React app
 * in Debian's Chromium with the Playwright script {@code frontend/e2e/run.mjs}. Screenshots land in
 * {@code backend/target/e2e/}.
 */
class BrowserE2EIT {

    static final Path BACKEND = Path.of("").toAbsolutePath();
    static final Path FRONTEND = BACKEND.resolveSibling("frontend");
    static final Path OUT = BACKEND.resolve("target/e2e");

    @Test
    void aGridWorkerReportsClaimsFillsTheFormAndCompletesInARealBrowser() throws Exception {
        Path jar = BACKEND.resolve("target/gridflow.jar");
        assertThat(jar).as("run after package").exists();
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        assertThat(chromium).as("Debian Chromium (apt-get install chromium)").exists();
        Files.createDirectories(OUT);
        Path data = Files.createTempDirectory("gridflow-e2e");
        int port = freePort();

        Process app = new ProcessBuilder(javaBinary(), "-Xmx768m", "-jar", jar.toString(), "--server.port=" + port,
                "--gridflow.data-dir=" + data)
                .redirectErrorStream(true).redirectOutput(OUT.resolve("app.log").toFile()).start();
        try {
            awaitHealthy(port, app);
            ProcessBuilder script = new ProcessBuilder(nodeBinary(), "e2e/run.mjs").directory(FRONTEND.toFile())
                    .redirectErrorStream(true).redirectOutput(OUT.resolve("e2e.log").toFile());
            script.environment().put("BASE_URL", "http://localhost:" + port);
            script.environment().put("E2E_OUT", OUT.toString());
            script.environment().put("CHROMIUM_PATH", chromium.toString());
            Process e2e = script.start();
            e2e.getOutputStream().close();
            boolean finished = e2e.waitFor(15, TimeUnit.MINUTES);
            if (!finished) {
                e2e.destroyForcibly();
            }
            String transcript = Files.readString(OUT.resolve("e2e.log"));
            System.out.println(transcript);
            assertThat(finished).as("browser test finished within 15 minutes").isTrue();
            assertThat(e2e.exitValue()).as("browser test failed:%n%s", transcript).isZero();
            assertThat(transcript).contains(" 0 failed");
            assertThat(OUT.resolve("task-list.png")).exists();
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The Node the frontend build used (linked or downloaded by frontend-maven-plugin), else the PATH's. */
    private static String nodeBinary() {
        File built = FRONTEND.resolve("target/node/node").toFile();
        return built.canExecute() ? built.getPath() : "node";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitHealthy(int port, Process app) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(app.isAlive()).as("the app quit during start-up; see target/e2e/app.log").isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                // Demo data loads right after start; the worker's first page must already show it.
                if (health.statusCode() == 200 && Files.readString(OUT.resolve("app.log")).contains("demo grid events")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("app did not become healthy in 3 minutes; see target/e2e/app.log");
    }
}
