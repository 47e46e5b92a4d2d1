package com.zemo.ops.control;

import com.zemo.platform.ZemoException;

import java.util.Locale;

/** Who serves an integrator's API requests during the move (migration plan 3.4, 5.2). */
public enum TrafficState {
    /** The monolith serves; Zemo proxies the request to it. */
    LEGACY,
    /** The monolith serves; Zemo replays the request on itself afterwards and compares the answers. */
    SHADOW,
    /** Zemo serves (the default). */
    ZEMO;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TrafficState parse(String s) {
        if (s != null) {
            for (TrafficState t : values()) {
                if (t.value().equalsIgnoreCase(s.trim())) {
                    return t;
                }
            }
        }
        throw ZemoException.invalid("state must be one of legacy, shadow, zemo");
    }
}
