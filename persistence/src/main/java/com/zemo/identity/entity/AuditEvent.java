package com.zemo.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One security or administrative event. Append-only; details never carry secret values. */
@Entity
@Table(name = "audit_log")
@NamedQueries({
    @NamedQuery(name = AuditEvent.LATEST, query = "SELECT a FROM AuditEvent a ORDER BY a.id DESC"),
    @NamedQuery(name = AuditEvent.BY_ACTION, query = "SELECT a FROM AuditEvent a WHERE a.action = :action ORDER BY a.id DESC")
})
public class AuditEvent {
    public static final String LATEST = "AuditEvent.latest";
    public static final String BY_ACTION = "AuditEvent.byAction";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private OffsetDateTime at;

    @Column(name = "actor_id")
    private Long actorId;

    private String actor;

    @Column(nullable = false)
    private String action;

    private String target;

    private String details;

    private String ip;

    @Column(name = "request_id")
    private String requestId;

    protected AuditEvent() {
    }

    public AuditEvent(Long actorId, String actor, String action, String target, String details, String ip, String requestId) {
        this.at = OffsetDateTime.now();
        this.actorId = actorId;
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.details = details;
        this.ip = ip;
        this.requestId = requestId;
    }

    public Long getId() { return id; }
    public OffsetDateTime getAt() { return at; }
    public Long getActorId() { return actorId; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getTarget() { return target; }
    public String getDetails() { return details; }
    public String getIp() { return ip; }
    public String getRequestId() { return requestId; }
}
