package com.zemo.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A small HTTP client for the API, in the shape tests read best. */
public final class Api {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Reply(int status, String body, Map<String, List<String>> headers) {
        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public JsonStructure anyJson() {
            return Json.createReader(new StringReader(body)).read();
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    private final String base;
    private final String authorization;
    private final Map<String, String> extraHeaders;

    private Api(String base, String authorization, Map<String, String> extraHeaders) {
        this.base = base;
        this.authorization = authorization;
        this.extraHeaders = extraHeaders;
    }

    /** The same client against another node (cluster tests). */
    public Api on(String baseUrl) {
        return new Api(baseUrl, authorization, extraHeaders);
    }

    public static Api anonymous() {
        return new Api(ZemoServer.get().baseUrl(), null, Map.of());
    }

    public static Api bearer(String token) {
        return new Api(ZemoServer.get().baseUrl(), "Bearer " + token, Map.of());
    }

    public static Api basic(String user, String password) {
        return new Api(ZemoServer.get().baseUrl(), "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)), Map.of());
    }

    public Api withHeader(String name, String value) {
        Map<String, String> h = new java.util.HashMap<>(extraHeaders);
        h.put(name, value);
        return new Api(base, authorization, h);
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    public Reply patch(String path, String json) {
        return send("PATCH", path, json, "application/json");
    }

    public Reply send(String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        extraHeaders.forEach(b::header);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    /** A fresh token of the admin. */
    public static String adminToken() {
        return adminToken(ZemoServer.get().baseUrl());
    }

    public static String adminToken(String baseUrl) {
        Reply r = basic("admin", ZemoServer.ADMIN_PASSWORD).on(baseUrl).post("/api/v1/tokens", "{\"name\":\"it-" + System.nanoTime() + "\"}");
        if (r.status() != 201) {
            throw new IllegalStateException("no admin token: " + r.status() + " " + r.body());
        }
        return r.json().getString("token");
    }

    /** Creates a user with the given roles and returns a token of theirs. */
    public static String userToken(String username, String password, String... roles) {
        String roleList = String.join("\",\"", roles);
        Reply created = bearer(adminToken()).post("/api/v1/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"roles\":[\"" + roleList + "\"]}");
        if (created.status() != 201) {
            throw new IllegalStateException("could not create " + username + ": " + created.status() + " " + created.body());
        }
        Reply t = basic(username, password).post("/api/v1/tokens", "{\"name\":\"it\"}");
        return t.json().getString("token");
    }
}
