package com.zemo.legacy.mapping;

/** A column of an imported row that needed a documented fallback; stored in legacy_quarantine as kind 'flagged'. */
public record Flag(String column, String reason, String raw) {
}
