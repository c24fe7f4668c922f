package keel.app.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A small HTTP client for the server tests: Bearer tokens, or a logged-in session with its CSRF token. */
final class Client {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final String base;
    String bearer;
    String cookie;
    String csrfHeader;

    Client(String base) {
        this.base = base;
    }

    static Client withToken(String base, String person) {
        Client c = new Client(base);
        c.bearer = person == null ? null : "token-" + person;
        return c;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Logs in through the log-in form; returns the response of the POST. */
    HttpResponse<String> logIn(String id, String password) {
        HttpResponse<String> page = get("/login");
        String loginCookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        cookie = loginCookie;
        HttpResponse<String> r = postForm("/login", Map.of("csrf", csrfOf(page.body()), "id", id, "password", password));
        r.headers().allValues("Set-Cookie").stream().filter(s -> s.startsWith(Authentication.COOKIE + "="))
                .findFirst().ifPresent(s -> cookie = s.split(";")[0]);
        return r;
    }

    static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) throw new AssertionError("no CSRF field in the page: " + html);
        return m.group(1);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        if (cookie != null) b.header("Cookie", cookie);
        if (csrfHeader != null) b.header("X-CSRF-Token", csrfHeader);
        return b;
    }

    private HttpResponse<String> send(HttpRequest r) {
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(r.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
