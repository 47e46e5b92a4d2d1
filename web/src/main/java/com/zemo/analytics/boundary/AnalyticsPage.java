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

    public void show() {
        try {
            var period = new AnalyticsService.Period(from.atStartOfDay().atOffset(ZoneOffset.UTC), to.atStartOfDay().atOffset(ZoneOffset.UTC));
            usage = analytics.usage(current.get(), period, List.of("day", "model"), null);
            jobs = analytics.jobs(current.get(), period, null);
            domains = analytics.competitors(current.get(), period, null, 20);
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

    public String getQuery() {
        return "from=" + from + "&to=" + to;
    }

    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
}
