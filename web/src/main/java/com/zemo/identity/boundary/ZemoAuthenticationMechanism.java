package com.zemo.identity.boundary;

import com.zemo.identity.control.Caller;
import com.zemo.identity.control.LoginService;
import com.zemo.identity.control.TokenService;
import com.zemo.identity.entity.Role;
import com.zemo.platform.LogContext;
import com.zemo.platform.boundary.Problem;
import com.zemo.platform.boundary.ProblemWriter;
import com.zemo.platform.boundary.RequestIds;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One mechanism for the whole application (Jakarta Security 3 allows one):
 * <ul>
 *   <li>API: {@code Authorization: Bearer zemo_…} personal tokens; HTTP Basic only on /api/v1/tokens, to get the first token;</li>
 *   <li>dashboard: a form login that calls {@code SecurityContext.authenticate}; the session keeps the caller.</li>
 * </ul>
 * Sessions are handled here rather than with {@code @AutoApplySession}: that interceptor creates an HTTP session for
 * every authenticated request, Bearer API calls included, and under load their creation (session ids from a
 * locked SecureRandom) serialised the request threads. Only a form login creates a session.
 * An API request without valid credentials gets a 401 problem; a page without a session goes to the login page.
 */
@ApplicationScoped
public class ZemoAuthenticationMechanism implements HttpAuthenticationMechanism {
    public static final String CALLER_ATTRIBUTE = "zemo.caller";
    public static final String LOGIN_OUTCOME_ATTRIBUTE = "zemo.loginOutcome";
    private static final String SESSION_USER = "zemo.session.user";
    private static final String SESSION_GROUPS = "zemo.session.groups";

    @EJB
    TokenService tokens;

    @EJB
    LoginService logins;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx) {
        RequestIds.ensure(req, res);
        String path = req.getRequestURI().substring(req.getContextPath().length());
        boolean api = path.startsWith("/api/");
        String authorization = req.getHeader("Authorization");

        if (api && authorization != null) {
            if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return tokens.authenticate(authorization.substring(7).trim())
                        .map(c -> accept(req, ctx, c))
                        .orElseGet(() -> unauthorized(req, res, ctx, "the token is unknown, revoked or expired"));
            }
            if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                if (!path.startsWith("/api/v1/tokens")) {
                    return unauthorized(req, res, ctx, "HTTP Basic is accepted only on /api/v1/tokens; use a Bearer token");
                }
                return basic(req, res, ctx, authorization.substring(6).trim());
            }
            return unauthorized(req, res, ctx, "unsupported Authorization scheme; use Bearer");
        }

        if (ctx.isAuthenticationRequest()) {
            Credential credential = ctx.getAuthParameters().getCredential();
            if (credential instanceof UsernamePasswordCredential up) {
                LoginService.Result r = logins.login(up.getCaller(), up.getPasswordAsString(), "form", req.getRemoteAddr());
                if (r.outcome() == LoginService.Outcome.OK) {
                    startSession(req, r.caller());
                    return accept(req, ctx, r.caller());
                }
                req.setAttribute(LOGIN_OUTCOME_ATTRIBUTE, r);
                return AuthenticationStatus.SEND_FAILURE;
            }
        }

        HttpSession session = req.getSession(false);
        if (authorization == null && session != null && session.getAttribute(SESSION_USER) instanceof String user
                && session.getAttribute(SESSION_GROUPS) instanceof HashSet<?> groups) {
            LogContext.put(LogContext.USER, user);
            @SuppressWarnings("unchecked")
            Set<String> roles = (Set<String>) groups;
            return ctx.notifyContainerAboutLogin(user, roles);
        }

        if (!ctx.isProtected()) {
            return ctx.doNothing();
        }
        if (api) {
            return unauthorized(req, res, ctx, "authentication required: send Authorization: Bearer <token>");
        }
        return ctx.redirect(req.getContextPath() + "/login.xhtml");
    }

    private AuthenticationStatus basic(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx, String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return unauthorized(req, res, ctx, "malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return unauthorized(req, res, ctx, "malformed Basic credentials");
        }
        LoginService.Result r = logins.login(decoded.substring(0, colon), decoded.substring(colon + 1), "basic", req.getRemoteAddr());
        return switch (r.outcome()) {
            case OK -> accept(req, ctx, r.caller());
            case LOCKED -> unauthorized(req, res, ctx, "the account is locked after repeated failed logins; try again later");
            default -> unauthorized(req, res, ctx, "wrong username or password");
        };
    }

    /** A new session id on login (no fixation), holding only the name and groups: the page beans look the rest up. */
    private static void startSession(HttpServletRequest req, Caller caller) {
        HttpSession existing = req.getSession(false);
        if (existing != null) {
            req.changeSessionId();
        }
        HttpSession session = req.getSession(true);
        session.setAttribute(SESSION_USER, caller.username());
        session.setAttribute(SESSION_GROUPS, caller.roles().stream().map(Role::roleName).collect(Collectors.toCollection(HashSet::new)));
    }

    private static AuthenticationStatus accept(HttpServletRequest req, HttpMessageContext ctx, Caller caller) {
        req.setAttribute(CALLER_ATTRIBUTE, caller);
        LogContext.put(LogContext.USER, caller.username());
        Set<String> groups = caller.roles().stream().map(Role::roleName).collect(Collectors.toSet());
        return ctx.notifyContainerAboutLogin(caller.username(), groups);
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx, String detail) {
        try {
            res.setHeader("WWW-Authenticate", "Bearer realm=\"zemo\"");
            ProblemWriter.write(res, Problem.of(401, "unauthenticated", "Authentication required", detail, req.getRequestURI()));
        } catch (IOException e) {
            return ctx.responseUnauthorized();
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
