package com.zemo.jobs.control;

import com.zemo.platform.ZemoException;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A job's parameters, checked against its type: what is stored (JSON) and what the batch job receives
 * (string properties). Unknown parameters are refused so a typo is not silently ignored.
 */
public final class JobParams {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final JsonObject input;

    private JobParams(JsonObject input) {
        this.input = input == null ? JsonValue.EMPTY_JSON_OBJECT : input;
    }

    public static JobParams of(JsonObject input, Set<String> allowed) {
        JobParams p = new JobParams(input);
        for (String k : p.input.keySet()) {
            if (!allowed.contains(k)) {
                throw ZemoException.invalid("unknown parameter '" + k + "'; this job type takes " + allowed);
            }
        }
        return p;
    }

    public int integer(String name, Integer dflt, int min, int max) {
        JsonValue v = input.get(name);
        int value;
        if (v == null || v == JsonValue.NULL) {
            if (dflt == null) {
                throw ZemoException.invalid("parameter '" + name + "' is required");
            }
            value = dflt;
        } else if (v instanceof JsonNumber n && n.isIntegral()) {
            value = n.intValueExact();
        } else {
            throw ZemoException.invalid("parameter '" + name + "' must be a whole number");
        }
        if (value < min || value > max) {
            throw ZemoException.invalid("parameter '" + name + "' must be between " + min + " and " + max);
        }
        values.put(name, value);
        return value;
    }

    public Integer optionalInteger(String name, int min, int max) {
        JsonValue v = input.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        return integer(name, null, min, max);
    }

    public String string(String name, String dflt, int maxLength) {
        JsonValue v = input.get(name);
        String value;
        if (v == null || v == JsonValue.NULL) {
            if (dflt == null) {
                throw ZemoException.invalid("parameter '" + name + "' is required");
            }
            value = dflt;
        } else if (v instanceof JsonString s) {
            value = s.getString().strip();
        } else {
            throw ZemoException.invalid("parameter '" + name + "' must be a string");
        }
        if (value.isEmpty() || value.length() > maxLength) {
            throw ZemoException.invalid("parameter '" + name + "' must be 1-" + maxLength + " characters");
        }
        values.put(name, value);
        return value;
    }

    /** An optional number (e.g. a temperature) within [min, max]; stored as given. */
    public Double optionalDecimal(String name, double min, double max) {
        JsonValue v = input.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonNumber n)) {
            throw ZemoException.invalid("parameter '" + name + "' must be a number");
        }
        double value = n.doubleValue();
        if (value < min || value > max) {
            throw ZemoException.invalid("parameter '" + name + "' must be between " + min + " and " + max);
        }
        values.put(name, n.bigDecimalValue());
        return value;
    }

    /** An optional string; null when absent. */
    public String optionalString(String name, int maxLength) {
        JsonValue v = input.get(name);
        return v == null || v == JsonValue.NULL ? null : string(name, null, maxLength);
    }

    /** A value the service derives (e.g. an absolute cut-off), stored and passed like the others. */
    public void derived(String name, Object value) {
        values.put(name, value);
    }

    public String toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder();
        values.forEach((k, v) -> {
            if (v instanceof Integer i) {
                b.add(k, i);
            } else if (v instanceof Long l) {
                b.add(k, l);
            } else if (v instanceof java.math.BigDecimal d) {
                b.add(k, d);
            } else if (v instanceof Boolean bo) {
                b.add(k, bo);
            } else {
                b.add(k, String.valueOf(v));
            }
        });
        return b.build().toString();
    }

    /** Batch job parameters from stored JSON: every value as a string. */
    public static Properties toProperties(String json) {
        Properties p = new Properties();
        if (json == null || json.isBlank()) {
            return p;
        }
        JsonObject o = Json.createReader(new java.io.StringReader(json)).readObject();
        o.forEach((k, v) -> p.setProperty(k, v instanceof JsonString s ? s.getString() : v.toString()));
        return p;
    }
}
