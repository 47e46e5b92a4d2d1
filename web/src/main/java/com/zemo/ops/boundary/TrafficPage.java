package com.zemo.ops.boundary;

import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.identity.control.AuditService;
import com.zemo.ops.control.ShadowMismatches;
import com.zemo.ops.control.TrafficRoutes;
import com.zemo.ops.control.TrafficState;
import com.zemo.platform.ZemoException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.util.List;

/** The dashboard page of the traffic switch (app/admin/traffic.xhtml): the same operations as TrafficResource, audited alike. */
@Named
@RequestScoped
public class TrafficPage {

    @Inject
    TrafficRoutes routes;

    @Inject
    ShadowMismatches mismatches;

    @Inject
    CurrentCaller current;

    @EJB
    AuditService audit;

    @Inject
    FacesContext faces;

    private String kind = "tokens";
    private Long id;
    private String state = "shadow";

    /** Called on every render: the page is for administrators only. */
    public void requireAdmin() throws IOException {
        if (!faces.getExternalContext().isUserInRole("admin")) {
            faces.getExternalContext().responseSendError(403, "administrators only");
            faces.responseComplete();
        }
    }

    public List<TrafficRoutes.Route> getRoutes() {
        return routes.list();
    }

    public List<ShadowMismatches.Sample> getMismatches() {
        return mismatches.newest(20);
    }

    public String apply() {
        if (!faces.getExternalContext().isUserInRole("admin")) {
            return null;
        }
        try {
            if (id == null) {
                throw ZemoException.invalid("give the id of the token or user");
            }
            TrafficRoutes.Kind k = "users".equals(kind) ? TrafficRoutes.Kind.USER : TrafficRoutes.Kind.TOKEN;
            TrafficState s = TrafficState.parse(state);
            var c = current.get();
            routes.set(k, id, s, c.username());
            audit.record(c.userId(), c.username(), "ops.traffic-switch", k.value() + ":" + id, "state=" + s.value(), current.ip());
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, k.value() + " " + id + " is now on " + s.value(), null));
        } catch (ZemoException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
        return null;
    }

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
}
