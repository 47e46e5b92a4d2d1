package com.zemo.legacy.source;

import java.util.List;

/**
 * The monolith's tables in dependency order (a table only points at tables before it), with the columns
 * of schema_version 7. {@code schema_meta} is not data: the export writes it.
 */
public enum LegacyTable {
    USERS("users", "email", "name", "password_hash", "role", "is_active", "created_at", "last_login_at"),
    SETTINGS("settings", "user_id", "key", "value", "updated_at"),
    PROMPTS("prompts", "user_id", "title", "body", "model", "temperature", "max_tokens", "is_shared",
            "created_at", "updated_at", "deleted_at"),
    TASKS("tasks", "user_id", "parent_id", "type", "status", "keyword", "params", "result", "error", "progress",
            "created_at", "started_at", "finished_at"),
    TASK_LOGS("task_logs", "task_id", "level", "message", "created_at"),
    SERP_RESULTS("serp_results", "task_id", "engine", "query", "region", "position", "url", "title", "snippet",
            "created_at"),
    PAGES("pages", "task_id", "url", "status_code", "title", "html", "text", "fetched_at"),
    ANALYSES("analyses", "task_id", "keyword", "data", "created_at"),
    GENERATIONS("generations", "task_id", "prompt_id", "model", "input_tokens", "output_tokens", "cost_usd",
            "content", "created_at");

    private final String tableName;
    private final List<String> columns;

    LegacyTable(String tableName, String... columns) {
        this.tableName = tableName;
        this.columns = List.of(columns);
    }

    public String tableName() {
        return tableName;
    }

    /** Data columns, without {@code id}. */
    public List<String> columns() {
        return columns;
    }

    public static LegacyTable byName(String name) {
        for (LegacyTable t : values()) {
            if (t.tableName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a legacy table: " + name);
    }
}
