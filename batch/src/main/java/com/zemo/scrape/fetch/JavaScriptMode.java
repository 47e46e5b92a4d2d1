package com.zemo.scrape.fetch;

import java.util.Locale;

/** The scrape job's {@code javascript} parameter: render only where needed (default), always, or never. */
public enum JavaScriptMode {
    AUTO, ON, OFF;

    public static JavaScriptMode of(String s) {
        return s == null || s.isBlank() ? AUTO : valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
