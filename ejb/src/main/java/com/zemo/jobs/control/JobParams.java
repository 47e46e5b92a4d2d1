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
    /** Parameters that name another job (by id), with the type it must have: the service checks the caller may see it. */
    private final java.util.List<Reference> jobReferences = new java.util.ArrayList<>();
    private final JsonObject input;

    /** A parameter naming another job: its name (so a refusal can name the field), the id and the type the job must have. */
    public record Reference(String param, long id, String type) {
    }

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

    /** The id of another job or record: a positive whole number (required unless {@code optional}). */
    public Long id(String name, boolean optional) {
        JsonValue v = input.get(name);
        if (v == null || v == JsonValue.NULL) {
            if (optional) {
                return null;
            }
            throw ZemoException.invalid("parameter '" + name + "' is required");
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 1) {
            throw ZemoException.invalid("parameter '" + name + "' must be a positive whole number (an id)");
        }
        values.put(name, n.longValue());
        return n.longValue();
    }

    /** An optional list of strings (e.g. URLs), each 1..maxLength characters; absent = empty. */
    public java.util.List<String> optionalStrings(String name, int maxItems, int maxLength) {
        JsonValue v = input.get(name);
        if (v == null || v == JsonValue.NULL) {
            return java.util.List.of();
        }
        if (!(v instanceof jakarta.json.JsonArray a) || a.size() > maxItems) {
            throw ZemoException.invalid("parameter '" + name + "' must be a list of at most " + maxItems + " strings");
        }
        java.util.List<String> list = new java.util.ArrayList<>();
        for (JsonValue item : a) {
            if (!(item instanceof JsonString str) || str.getString().isBlank() || str.getString().length() > maxLength) {
                throw ZemoException.invalid("parameter '" + name + "' must hold strings of 1-" + maxLength + " characters");
            }
            list.add(str.getString().strip());
        }
        values.put(name, list);
        return list;
    }

    /** A string that may be left out (then nothing is stored); if given, 1..maxLength characters. */
    public String optionalString(String name, int maxLength) {
        JsonValue v = input.get(name);
        if (v == null || v == JsonValue.NULL || (v instanceof JsonString s && s.getString().isBlank())) {
            return null;
        }
        return string(name, null, maxLength);
    }

    /** A string from a fixed set (compared in lower case). */
    public String oneOf(String name, String dflt, Set<String> allowed) {
        String value = string(name, dflt, 40).toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(value)) {
            throw ZemoException.invalid("parameter '" + name + "' must be one of " + new java.util.TreeSet<>(allowed));
        }
        values.put(name, value);
        return value;
    }

    /** True if the caller passed this parameter (null counts as not passed). */
    public boolean has(String name) {
        JsonValue v = input.get(name);
        return v != null && v != JsonValue.NULL;
    }

    /** An array of 1..max non-blank strings of at most maxLength characters each, stored as a JSON array. */
    public java.util.List<String> strings(String name, int max, int maxLength) {
        JsonValue v = input.get(name);
        if (!(v instanceof jakarta.json.JsonArray a)) {
            throw ZemoException.invalid("parameter '" + name + "' must be an array of strings");
        }
        if (a.isEmpty() || a.size() > max) {
            throw ZemoException.invalid("parameter '" + name + "' must have 1-" + max + " entries");
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof JsonString js) || js.getString().isBlank() || js.getString().strip().length() > maxLength) {
                throw ZemoException.invalid("parameter '" + name + "'[" + i + "] must be a string of 1-" + maxLength + " characters");
            }
            out.add(js.getString().strip());
        }
        values.put(name, java.util.List.copyOf(out));
        return out;
    }

    /** The id of another job of the given type, which the submitting caller must be allowed to see. */
    public long jobReference(String name, String type) {
        JsonValue v = input.get(name);
        if (!(v instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 1) {
            throw ZemoException.invalid("parameter '" + name + "' must be the id of a " + type + " job");
        }
        long id = n.longValueExact();
        values.put(name, id);
        jobReferences.add(new Reference(name, id, type));
        return id;
    }

    /** The jobs these parameters refer to, with the type each must have. */
    public java.util.List<Reference> jobReferences() {
        return java.util.Collections.unmodifiableList(jobReferences);
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
            } else if (v instanceof java.util.List<?> list) {
                jakarta.json.JsonArrayBuilder ab = Json.createArrayBuilder();
                list.forEach(e -> ab.add(String.valueOf(e)));
                b.add(k, ab);
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
