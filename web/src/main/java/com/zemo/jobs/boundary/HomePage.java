package com.zemo.jobs.boundary;

import com.zemo.analytics.control.AnalyticsService;
import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.jobs.control.JobService;
import com.zemo.jobs.entity.JobStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Home: my running jobs, my recent results, this month's tokens, cost and SERP credits. */
@Named
@RequestScoped
public class HomePage {

    @Inject
    CurrentCaller current;

    @EJB
    JobService jobs;

    @EJB
    AnalyticsService analytics;

    private JsonObject usage;

    public List<JobViews.Summary> getRunning() {
        var me = current.get();
        return jobs.list(me, new JobService.Filter(null, JobStatus.RUNNING, me.userId(), null, null), JobService.Sort.CREATED_DESC, 0, 20)
                .stream().map(JobViews.Summary::of).toList();
    }

    public List<JobViews.Summary> getRecent() {
        var me = current.get();
        return jobs.list(me, new JobService.Filter(null, JobStatus.COMPLETED, me.userId(), null, null), JobService.Sort.CREATED_DESC, 0, 10)
                .stream().map(JobViews.Summary::of).toList();
    }

    private JsonObject usage() {
        if (usage == null) {
            var me = current.get();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            OffsetDateTime month = now.withDayOfMonth(1).toLocalDate().atStartOfDay().atOffset(ZoneOffset.UTC);
            usage = analytics.usage(me, new AnalyticsService.Period(month, now.plusSeconds(1)), List.of(), me.userId());
        }
        return usage;
    }

    public long getTokens() {
        JsonObject row = first("llm");
        return row == null ? 0 : row.getJsonNumber("inputTokens").longValue() + row.getJsonNumber("outputTokens").longValue();
    }

    public BigDecimal getCost() {
        JsonObject row = first("llm");
        return row == null ? BigDecimal.ZERO : row.getJsonNumber("costUsd").bigDecimalValue();
    }

    public long getCredits() {
        JsonObject row = first("serp");
        return row == null || !(row.get("serpCredits") instanceof JsonNumber n) ? 0 : n.longValue();
    }

    private JsonObject first(String table) {
        var rows = usage().getJsonArray(table);
        return rows == null || rows.isEmpty() || rows.get(0).getValueType() != JsonValue.ValueType.OBJECT ? null : rows.getJsonObject(0);
    }
}
