package com.zemo.legacy.support;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What two imports must agree on: row counts of every target table and the quarantine/flag entries. */
public final class TargetState {
    private static final List<String> TABLES = List.of("users", "user_roles", "legacy_user_aliases", "settings",
            "legacy_orphan_settings", "prompts", "prompt_versions", "jobs", "job_logs", "serp_results", "pages",
            "analyses", "generations", "legacy_id_map", "legacy_quarantine");

    private TargetState() {
    }

    public static Map<String, Object> of(DataSource ds) throws SQLException {
        Map<String, Object> state = new LinkedHashMap<>();
        for (String t : TABLES) {
            state.put(t, Sql.count(ds, "SELECT count(*) FROM " + t));
        }
        List<String> quarantine = new ArrayList<>();
        for (Object[] r : Sql.rows(ds, "SELECT table_name, source_id, column_name, reason, raw_value, kind FROM legacy_quarantine "
                + "ORDER BY table_name, source_id, column_name, reason, kind")) {
            quarantine.add(String.join("|", String.valueOf(r[0]), String.valueOf(r[1]), String.valueOf(r[2]),
                    String.valueOf(r[3]), String.valueOf(r[4]), String.valueOf(r[5])));
        }
        state.put("quarantine entries", quarantine);
        List<String> idMap = new ArrayList<>();
        for (Object[] r : Sql.rows(ds, "SELECT table_name, legacy_id, checksum, outcome FROM legacy_id_map ORDER BY 1, 2")) {
            idMap.add(r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3]);
        }
        state.put("id map", idMap);
        return state;
    }
}
