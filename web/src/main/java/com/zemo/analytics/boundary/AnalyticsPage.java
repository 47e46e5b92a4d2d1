package com.zemo.analytics.boundary;

import com.zemo.analytics.control.AnalyticsService;
import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.platform.boundary.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Analytics: a date range, usage by day and model, jobs by type, top competitor domains; CSV through the API. */
@Named
@ViewScoped
public class AnalyticsPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient CurrentCaller current;

    @EJB
    transient AnalyticsService analytics;

    private LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(30);
    private LocalDate to = LocalDate.now(ZoneOffset.UTC).plusDays(1);
    private transient JsonObject usage;
    private transient JsonObject jobs;
    private transient JsonObject domains;
    private transient JsonObject byUser;
    private transient JsonObject byDay;

    public void show() {
        try {
            var period = new AnalyticsService.Period(from.atStartOfDay().atOffset(ZoneOffset.UTC), to.atStartOfDay().atOffset(ZoneOffset.UTC));
            usage = analytics.usage(current.get(), period, List.of("day", "model"), null);
            jobs = analytics.jobs(current.get(), period, null);
            domains = analytics.competitors(current.get(), period, null, 20);
            // the service scopes both to the caller's own numbers unless the caller is an operator or admin
            byUser = analytics.usage(current.get(), period, List.of("user"), null);
            byDay = analytics.usage(current.get(), period, List.of("day"), null);
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    public List<JsonObject> getUsageRows() {
        if (usage == null) {
            show();
        }
        return usage == null ? List.of() : usage.getJsonArray("llm").getValuesAs(JsonObject.class);
    }

    public List<JsonObject> getJobRows() {
        if (jobs == null) {
            show();
        }
        return jobs == null ? List.of() : jobs.getJsonArray("byType").getValuesAs(JsonObject.class);
    }

    public List<JsonObject> getDomainRows() {
        if (domains == null) {
            show();
        }
        return domains == null ? List.of() : domains.getJsonArray("domains").getValuesAs(JsonObject.class);
    }

    /** Tokens and cost per user (operators and admins: everyone; others: themselves). */
    public List<JsonObject> getUserRows() {
        return table(byUser(), "llm");
    }

    /** SERP jobs and credits per user. */
    public List<JsonObject> getSerpUserRows() {
        return table(byUser(), "serp");
    }

    /** SERP jobs and credits per day. */
    public List<JsonObject> getSerpDayRows() {
        if (byDay == null) {
            show();
        }
        return table(byDay, "serp");
    }

    private JsonObject byUser() {
        if (byUser == null) {
            show();
        }
        return byUser;
    }

    private static List<JsonObject> table(JsonObject o, String name) {
        return o == null || !o.containsKey(name) ? List.of() : o.getJsonArray(name).getValuesAs(JsonObject.class);
    }

    /** Jobs per day for the bar chart: the day, total, failed, and the bar's width relative to the busiest day. */
    public record DayBar(String day, long total, long failed, int width, int failedWidth) implements Serializable {
    }

    public List<DayBar> getDays() {
        if (jobs == null) {
            show();
        }
        if (jobs == null) {
            return List.of();
        }
        java.util.Map<String, long[]> perDay = new java.util.TreeMap<>();
        for (JsonObject r : jobs.getJsonArray("perDay").getValuesAs(JsonObject.class)) {
            long[] t = perDay.computeIfAbsent(r.getString("day"), d -> new long[2]);
            t[0] += r.getInt("count");
            if ("failed".equals(r.getString("status"))) {
                t[1] += r.getInt("count");
            }
        }
        long max = perDay.values().stream().mapToLong(t -> t[0]).max().orElse(1);
        return perDay.entrySet().stream().map(e -> new DayBar(e.getKey(), e.getValue()[0], e.getValue()[1],
                (int) Math.max(1, 100 * e.getValue()[0] / Math.max(1, max)), (int) (100 * e.getValue()[1] / Math.max(1, max)))).toList();
    }

    public String getQuery() {
        return "from=" + from + "&to=" + to;
    }

    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
}
