package com.zemo.analytics.control;

import com.zemo.identity.control.Caller;
import com.zemo.platform.ZemoException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Usage and outcomes over a period: LLM tokens and cost, SERP credits, jobs by type and status with durations and
 * failure rates, the competitor domains seen most. Editors and viewers see their own numbers; operators and
 * admins everyone's (optionally one user's). Aggregated in PostgreSQL: nothing is loaded row by row.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AnalyticsService {
    public static final Set<String> DIMENSIONS = Set.of("day", "user", "model");

    @PersistenceContext
    EntityManager em;

    public record Period(OffsetDateTime from, OffsetDateTime to) {
        public Period {
            if (!from.isBefore(to)) {
                throw ZemoException.invalid("'from' must be before 'to'");
            }
            if (from.plusDays(731).isBefore(to)) {
                throw ZemoException.invalid("the period may be at most two years");
            }
        }
    }

    /** Tokens, cost and SERP credits, grouped by any of day, user, model (credits have no model). */
    public JsonObject usage(Caller caller, Period period, List<String> groupBy, Long userId) {
        Set<String> dims = dimensions(groupBy);
        Long owner = scope(caller, userId);
        StringBuilder select = new StringBuilder();
        StringBuilder group = new StringBuilder();
        dimension(dims, "day", "to_char(date_trunc('day', g.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')", select, group);
        dimension(dims, "user", "COALESCE(u.username, '(none)')", select, group);
        dimension(dims, "model", "COALESCE(g.model, '(unknown)')", select, group);
        String llm = "SELECT " + select + "count(*), COALESCE(sum(g.input_tokens), 0), COALESCE(sum(g.output_tokens), 0), COALESCE(sum(g.cost_usd), 0) "
                + "FROM generations g LEFT JOIN jobs j ON j.id = g.job_id LEFT JOIN users u ON u.id = j.owner_id "
                + "WHERE g.created_at >= ?1 AND g.created_at < ?2" + (owner == null ? "" : " AND j.owner_id = ?3")
                + (group.isEmpty() ? "" : " GROUP BY " + group.substring(0, group.length() - 2)) + orderBy(group);
        JsonArrayBuilder llmRows = Json.createArrayBuilder();
        for (Object[] r : rows(llm, period, owner)) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            int i = label(dims, r, b);
            b.add("generations", num(r[i])).add("inputTokens", num(r[i + 1])).add("outputTokens", num(r[i + 2]))
                    .add("costUsd", dec(r[i + 3]));
            llmRows.add(b);
        }
        Set<String> serpDims = new LinkedHashSet<>(dims);
        serpDims.remove("model");
        StringBuilder sSelect = new StringBuilder();
        StringBuilder sGroup = new StringBuilder();
        dimension(serpDims, "day", "to_char(date_trunc('day', j.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')", sSelect, sGroup);
        dimension(serpDims, "user", "COALESCE(u.username, '(none)')", sSelect, sGroup);
        String serp = "SELECT " + sSelect + "count(*), COALESCE(sum(j.serp_credits), 0) FROM jobs j LEFT JOIN users u ON u.id = j.owner_id "
                + "WHERE j.type = 'serp' AND j.created_at >= ?1 AND j.created_at < ?2" + (owner == null ? "" : " AND j.owner_id = ?3")
                + (sGroup.isEmpty() ? "" : " GROUP BY " + sGroup.substring(0, sGroup.length() - 2)) + orderBy(sGroup);
        JsonArrayBuilder serpRows = Json.createArrayBuilder();
        for (Object[] r : rows(serp, period, owner)) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            int i = label(serpDims, r, b);
            b.add("serpJobs", num(r[i])).add("serpCredits", num(r[i + 1]));
            serpRows.add(b);
        }
        return Json.createObjectBuilder().add("from", period.from().toString()).add("to", period.to().toString())
                .add("groupBy", Json.createArrayBuilder(new ArrayList<>(dims))).add("llm", llmRows).add("serp", serpRows).build();
    }

    /** Jobs per type and status, durations (p50/p95 seconds of finished jobs) and failure rate per type. */
    public JsonObject jobs(Caller caller, Period period, Long userId) {
        Long owner = scope(caller, userId);
        String where = " WHERE created_at >= ?1 AND created_at < ?2" + (owner == null ? "" : " AND owner_id = ?3");
        JsonArrayBuilder byStatus = Json.createArrayBuilder();
        for (Object[] r : rows("SELECT type, status, count(*) FROM jobs" + where + " GROUP BY type, status ORDER BY type, status", period, owner)) {
            byStatus.add(Json.createObjectBuilder().add("type", (String) r[0]).add("status", (String) r[1]).add("count", num(r[2])));
        }
        JsonArrayBuilder byType = Json.createArrayBuilder();
        for (Object[] r : rows("SELECT type, count(*), count(*) FILTER (WHERE status = 'failed'), "
                + "count(*) FILTER (WHERE status IN ('completed', 'failed', 'stopped', 'canceled')), "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - started_at)) FILTER (WHERE finished_at IS NOT NULL AND started_at IS NOT NULL), "
                + "percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - started_at)) FILTER (WHERE finished_at IS NOT NULL AND started_at IS NOT NULL) "
                + "FROM jobs" + where + " GROUP BY type ORDER BY type", period, owner)) {
            long total = num(r[1]);
            long failed = num(r[2]);
            long finished = num(r[3]);
            JsonObjectBuilder b = Json.createObjectBuilder().add("type", (String) r[0]).add("total", total).add("failed", failed)
                    .add("failureRate", finished == 0 ? 0.0 : Math.round(1000.0 * failed / finished) / 1000.0);
            if (r[4] != null) {
                b.add("p50Seconds", Math.round(((Number) r[4]).doubleValue() * 10) / 10.0);
            }
            if (r[5] != null) {
                b.add("p95Seconds", Math.round(((Number) r[5]).doubleValue() * 10) / 10.0);
            }
            byType.add(b);
        }
        JsonArrayBuilder perDay = Json.createArrayBuilder();
        for (Object[] r : rows("SELECT to_char(date_trunc('day', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') d, status, count(*) FROM jobs" + where
                + " GROUP BY d, status ORDER BY d, status", period, owner)) {
            perDay.add(Json.createObjectBuilder().add("day", (String) r[0]).add("status", (String) r[1]).add("count", num(r[2])));
        }
        return Json.createObjectBuilder().add("from", period.from().toString()).add("to", period.to().toString())
                .add("byTypeAndStatus", byStatus).add("byType", byType).add("perDay", perDay).build();
    }

    /** The domains that rank most often in the SERPs of the period, with their mean position. */
    public JsonObject competitors(Caller caller, Period period, Long userId, int limit) {
        Long owner = scope(caller, userId);
        String sql = "SELECT lower(regexp_replace(split_part(split_part(r.url, '://', 2), '/', 1), '^www\\.', '')) host, count(*), "
                + "round(avg(r.position), 1), count(DISTINCT r.job_id) FROM serp_results r LEFT JOIN jobs j ON j.id = r.job_id "
                + "WHERE r.created_at >= ?1 AND r.created_at < ?2" + (owner == null ? "" : " AND j.owner_id = ?3")
                + " GROUP BY host HAVING lower(regexp_replace(split_part(split_part(r.url, '://', 2), '/', 1), '^www\\.', '')) <> '' "
                + "ORDER BY count(*) DESC, host LIMIT " + Math.max(1, Math.min(limit, 500));
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (Object[] r : rows(sql, period, owner)) {
            a.add(Json.createObjectBuilder().add("domain", (String) r[0]).add("appearances", num(r[1]))
                    .add("meanPosition", r[2] == null ? 0 : ((Number) r[2]).doubleValue()).add("serps", num(r[3])));
        }
        return Json.createObjectBuilder().add("from", period.from().toString()).add("to", period.to().toString()).add("domains", a).build();
    }

    private static Set<String> dimensions(List<String> groupBy) {
        Set<String> dims = new LinkedHashSet<>();
        for (String g : groupBy) {
            for (String d : g.split(",")) {
                String dim = d.strip().toLowerCase(java.util.Locale.ROOT);
                if (dim.isEmpty()) {
                    continue;
                }
                if (!DIMENSIONS.contains(dim)) {
                    throw ZemoException.invalid("groupBy takes day, user and model; not '" + dim + "'");
                }
                dims.add(dim);
            }
        }
        return dims;
    }

    /** Non-operators only ever see their own numbers. */
    private static Long scope(Caller caller, Long userId) {
        if (!caller.isOperator()) {
            if (userId != null && userId != caller.userId()) {
                throw ZemoException.forbidden("only operators and admins see other users' numbers");
            }
            return caller.userId();
        }
        return userId;
    }

    private static void dimension(Set<String> dims, String name, String expr, StringBuilder select, StringBuilder group) {
        if (dims.contains(name)) {
            select.append(expr).append(", ");
            group.append(expr).append(", ");
        }
    }

    private static String orderBy(StringBuilder group) {
        return group.isEmpty() ? "" : " ORDER BY " + group.substring(0, group.length() - 2);
    }

    private static int label(Set<String> dims, Object[] r, JsonObjectBuilder b) {
        int i = 0;
        for (String d : List.of("day", "user", "model")) {
            if (dims.contains(d)) {
                b.add(d, String.valueOf(r[i++]));
            }
        }
        return i;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Period period, Long owner) {
        Query q = em.createNativeQuery(sql).setParameter(1, period.from()).setParameter(2, period.to());
        if (owner != null) {
            q.setParameter(3, owner);
        }
        List<?> raw = q.getResultList();
        List<Object[]> out = new ArrayList<>(raw.size());
        for (Object o : raw) {
            out.add(o instanceof Object[] arr ? arr : new Object[]{o});
        }
        return out;
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static BigDecimal dec(Object o) {
        return o == null ? BigDecimal.ZERO : o instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) o).doubleValue());
    }
}
