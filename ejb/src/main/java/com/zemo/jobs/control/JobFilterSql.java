package com.zemo.jobs.control;

import com.zemo.identity.control.Caller;

import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause of a jobs list in SQL, with its parameters in order: the one place that says which jobs a caller
 * sees (users their own, operators and admins all or one owner's) and how the filters apply. The page of summaries,
 * its total and the page of entities all read through it.
 */
record JobFilterSql(String where, List<Object> params) {

    static JobFilterSql of(Caller caller, JobService.Filter f) {
        List<String> c = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!caller.isOperator()) {
            c.add("owner_id = ?");
            params.add(caller.userId());
        } else if (f.ownerId() != null) {
            c.add("owner_id = ?");
            params.add(f.ownerId());
        }
        if (f.type() != null) {
            c.add("type = ?");
            params.add(f.type());
        }
        if (f.status() != null) {
            c.add("status = ?");
            params.add(f.status().dbValue());
        }
        if (f.from() != null) {
            c.add("created_at >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            c.add("created_at < ?");
            params.add(f.to());
        }
        return new JobFilterSql(c.isEmpty() ? "" : " WHERE " + String.join(" AND ", c), List.copyOf(params));
    }
}
