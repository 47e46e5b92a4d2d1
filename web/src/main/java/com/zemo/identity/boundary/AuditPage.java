package com.zemo.identity.boundary;

import com.zemo.identity.control.AuditQuery;
import com.zemo.identity.control.AuditService;
import com.zemo.identity.entity.AuditEvent;
import com.zemo.platform.boundary.Messages;
import com.zemo.platform.boundary.PagedModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** Admin › audit log: newest first, paged on the server, filtered by event type, user and days (UTC). */
@Named
@ViewScoped
public class AuditPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    transient AuditService audit;

    @jakarta.inject.Inject
    transient CurrentCaller current;

    private String action;
    private String actor;
    private LocalDate from;
    private LocalDate to;
    private AuditQuery query = AuditQuery.ALL;
    private PagedModel<AuditEvent> model;

    @PostConstruct
    void init() {
        model = new PagedModel<>(() -> audit.count(current.get(), query), (first, size) -> audit.search(current.get(), query, first, size), e -> Long.toString(e.getId()));
    }

    public void apply() {
        try {
            query = new AuditQuery(action, actor, AuditDates.start(from), AuditDates.end(to));
        } catch (IllegalArgumentException e) {
            Messages.error(null, Messages.text("audit.badRange"));
        }
    }

    public void clear() {
        action = null;
        actor = null;
        from = null;
        to = null;
        query = AuditQuery.ALL;
    }

    public List<String> getActions() {
        return audit.actions();
    }

    public PagedModel<AuditEvent> getModel() {
        return model;
    }

    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
}
