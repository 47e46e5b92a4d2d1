package com.zemo.platform.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Strict JSON: an unknown field is a 400, not silently ignored (a typo in "roles" must not grant nothing quietly). */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {
    /** The one configured instance: thread-safe, and costly to build (tests compare hand-written JSON with it). */
    static final Jsonb JSONB = JsonbBuilder.create(strict());

    private final Jsonb jsonb = JSONB;

    private static JsonbConfig strict() {
        JsonbConfig c = new JsonbConfig().withNullValues(false).withSerializers(new IsoTimestamps());
        c.setProperty("jsonb.fail-on-unknown-properties", true); // Yasson's switch
        return c;
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
