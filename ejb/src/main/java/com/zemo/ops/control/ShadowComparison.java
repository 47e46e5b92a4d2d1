package com.zemo.ops.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the monolith's answer and Zemo's answer to the same request agree: same status, and bodies equal as
 * JSON (key order and whitespace do not matter; fields named in {@code ignored}, such as request ids, are
 * skipped at any depth), or byte for byte when either is not JSON.
 */
public final class ShadowComparison {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShadowComparison() {
    }

    /** @return empty when they agree, else a short description of the first difference found */
    public static Optional<String> difference(int legacyStatus, byte[] legacyBody, int zemoStatus, byte[] zemoBody, Set<String> ignored) {
        if (legacyStatus != zemoStatus) {
            return Optional.of("status " + legacyStatus + " (legacy) vs " + zemoStatus + " (zemo)");
        }
        JsonNode a = parse(legacyBody);
        JsonNode b = parse(zemoBody);
        if (a == null || b == null) {
            return Arrays.equals(nonNull(legacyBody), nonNull(zemoBody)) ? Optional.empty() : Optional.of("bodies differ (not JSON)");
        }
        strip(a, ignored);
        strip(b, ignored);
        return a.equals(b) ? Optional.empty() : Optional.of("JSON bodies differ" + firstDifference(a, b, ""));
    }

    private static byte[] nonNull(byte[] b) {
        return b == null ? new byte[0] : b;
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static void strip(JsonNode n, Set<String> ignored) {
        if (n instanceof ObjectNode o) {
            o.remove(ignored);
        }
        for (JsonNode child : n) {
            strip(child, ignored);
        }
    }

    /** A JSON-pointer-like path to the first place where the two trees differ, for the mismatch sample. */
    private static String firstDifference(JsonNode a, JsonNode b, String at) {
        if (a.getNodeType() != b.getNodeType()) {
            return " at " + (at.isEmpty() ? "/" : at);
        }
        if (a.isObject()) {
            for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!b.has(name)) {
                    return " at " + at + "/" + name + " (missing in zemo)";
                }
                if (!a.get(name).equals(b.get(name))) {
                    return firstDifference(a.get(name), b.get(name), at + "/" + name);
                }
            }
            for (Iterator<String> names = b.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!a.has(name)) {
                    return " at " + at + "/" + name + " (missing in legacy)";
                }
            }
        } else if (a.isArray()) {
            if (a.size() != b.size()) {
                return " at " + (at.isEmpty() ? "/" : at) + " (" + a.size() + " vs " + b.size() + " elements)";
            }
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).equals(b.get(i))) {
                    return firstDifference(a.get(i), b.get(i), at + "/" + i);
                }
            }
        }
        return " at " + (at.isEmpty() ? "/" : at);
    }
}
