package cn.gridflow.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A browser-like HTTP client for tests: keeps the session cookie, echoes the XSRF-TOKEN cookie as the
 * X-XSRF-TOKEN header like the React app does, and speaks JSON. Or, with {@link #basic}, an engine-rest client.
 */
public final class AppClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String basicAuth;
    private String language = "zh-CN";

    public record Reply(int status, JsonNode json, String body) {
        public String text(String field) {
            return json == null ? null : json.path(field).asText(null);
        }
    }

    private AppClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    public static AppClient anonymous(int port) {
        return new AppClient("http://localhost:" + port);
    }

    public static AppClient login(int port, String user, String password) {
        AppClient client = anonymous(port);
        Reply reply = client.tryLogin(user, password);
        if (reply.status() != 200) {
            throw new IllegalStateException("login of " + user + " failed: " + reply.status() + " " + reply.body());
        }
        return client;
    }

    public static AppClient basic(int port, String user, String password) {
        AppClient client = anonymous(port);
        client.basicAuth = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return client;
    }

    public AppClient inEnglish() {
        this.language = "en";
        return this;
    }

    public Reply tryLogin(String user, String password) {
        get("/api/auth/csrf");
        return post("/api/auth/login", Map.of("username", user, "password", password));
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    /** A file as the browser downloads it (same session), bytes untouched. */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(request(path).setHeader("Accept", "*/*").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET asking for another media type than JSON (e.g. text/plain from /actuator/prometheus). */
    public Reply get(String path, String accept) {
        return send(request(path).setHeader("Accept", accept).GET());
    }

    public Reply post(String path, Object body) {
        return send(request(path).POST(bodyOf(body)).header("Content-Type", "application/json"));
    }

    public Reply postWithoutCsrf(String path, Object body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept-Language", language).header("Content-Type", "application/json")
                .POST(bodyOf(body));
        return send(builder);
    }

    public Reply put(String path, Object body) {
        return send(request(path).PUT(bodyOf(body)).header("Content-Type", "application/json"));
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public String csrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/json").header("Accept-Language", language);
        if (basicAuth != null) {
            builder.header("Authorization", basicAuth);
        }
        String token = csrfToken();
        if (token != null) {
            builder.header("X-XSRF-TOKEN", token);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            String body = response.body();
            if (body != null && !body.isBlank() && (body.startsWith("{") || body.startsWith("["))) {
                json = JSON.readTree(body);
            }
            return new Reply(response.statusCode(), json, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
