package com.zemo.identity.boundary;

import com.zemo.identity.control.Caller;
import com.zemo.identity.control.CallerLookup;
import com.zemo.platform.ZemoException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;

/**
 * The caller of the current request: from the authentication mechanism, or (session logins) looked up once and kept
 * in a request attribute. Application-scoped on purpose: a request-scoped bean was created, with its EJB reference
 * injected through JNDI, on every API call, and that showed up among the locks at 64 connections (docs/adr/0009).
 */
@ApplicationScoped
public class CurrentCaller {

    @Inject
    HttpServletRequest request;

    @EJB
    CallerLookup lookup;

    public Caller get() {
        Object attr = request.getAttribute(ZemoAuthenticationMechanism.CALLER_ATTRIBUTE);
        if (attr instanceof Caller c) {
            return c;
        }
        Principal p = request.getUserPrincipal();
        if (p == null) {
            throw new ZemoException(ZemoException.Kind.UNAUTHENTICATED, "authentication required");
        }
        Caller caller = lookup.byUsername(p.getName())
                .orElseThrow(() -> new ZemoException(ZemoException.Kind.UNAUTHENTICATED, "the account no longer exists"));
        request.setAttribute(ZemoAuthenticationMechanism.CALLER_ATTRIBUTE, caller);
        return caller;
    }

    public boolean isPresent() {
        return request.getAttribute(ZemoAuthenticationMechanism.CALLER_ATTRIBUTE) != null || request.getUserPrincipal() != null;
    }

    public String ip() {
        return request.getRemoteAddr();
    }
}
