package com.zemo.identity.boundary;

import com.zemo.identity.control.Caller;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;

/** The caller from inside a JAX-RS filter (filters registered per method are not CDI beans). */
public final class CallerAccess {
    private CallerAccess() {
    }

    public static Caller caller(ContainerRequestContext req) {
        Object attr = req.getProperty(ZemoAuthenticationMechanism.CALLER_ATTRIBUTE);
        if (attr instanceof Caller c) {
            return c;
        }
        if (req.getSecurityContext() == null || req.getSecurityContext().getUserPrincipal() == null) {
            return null; // anonymous: no need to look anything up
        }
        CurrentCaller current = CDI.current().select(CurrentCaller.class).get();
        return current.isPresent() ? current.get() : null;
    }
}
