package com.zemo.platform.boundary;

import jakarta.json.bind.Jsonb;

/** The API's JSON-B instance, for tests in other packages. */
public final class JsonbConfigurationAccess {
    private JsonbConfigurationAccess() {
    }

    public static Jsonb jsonb() {
        return JsonbConfiguration.JSONB;
    }
}
