package com.zemo.identity.boundary;

import com.zemo.identity.control.Caller;
import com.zemo.identity.control.CallerLookup;
import com.zemo.platform.ZemoException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;

/** The caller of the current request: from the authentication mechanism, or (session logins) looked up once. */
@RequestScoped
public class CurrentCaller {

    @Inject
    HttpServletRequest request;

    @EJB
    CallerLookup lookup;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            Object attr = request.getAttribute(ZemoAuthenticationMechanism.CALLER_ATTRIBUTE);
            if (attr instanceof Caller c) {
                caller = c;
            } else {
                Principal p = request.getUserPrincipal();
                if (p == null) {
                    throw new ZemoException(ZemoException.Kind.UNAUTHENTICATED, "authentication required");
                }
                caller = lookup.byUsername(p.getName())
                        .orElseThrow(() -> new ZemoException(ZemoException.Kind.UNAUTHENTICATED, "the account no longer exists"));
                request.setAttribute(ZemoAuthenticationMechanism.CALLER_ATTRIBUTE, caller);
            }
        }
        return caller;
    }

    public boolean isPresent() {
        return request.getAttribute(ZemoAuthenticationMechanism.CALLER_ATTRIBUTE) != null || request.getUserPrincipal() != null;
    }

    public String ip() {
        return request.getRemoteAddr();
    }
}
