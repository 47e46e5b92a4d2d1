package com.zemo.identity.boundary;

import com.zemo.identity.control.LoginService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The login form: hands the credentials to the authentication mechanism and says clearly what went wrong. */
@Named
@RequestScoped
public class LoginBean {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    private String username;
    private String password;

    public String login() throws IOException {
        ExternalContext ext = faces.getExternalContext();
        HttpServletRequest req = (HttpServletRequest) ext.getRequest();
        AuthenticationStatus status = security.authenticate(req, (HttpServletResponse) ext.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username == null ? "" : username, password == null ? "" : password)));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            ext.redirect(ext.getRequestContextPath() + "/app/index.xhtml");
            faces.responseComplete();
            return null;
        }
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            faces.responseComplete();
            return null;
        }
        Object outcome = req.getAttribute(ZemoAuthenticationMechanism.LOGIN_OUTCOME_ATTRIBUTE);
        String message = "Wrong username or password.";
        if (outcome instanceof LoginService.Result r && r.outcome() == LoginService.Outcome.LOCKED) {
            message = "This account is locked after repeated failed logins. Try again later or ask an administrator.";
        } else if (outcome instanceof LoginService.Result r && r.outcome() == LoginService.Outcome.INACTIVE) {
            message = "This account is deactivated. Ask an administrator.";
        }
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        return null;
    }

    public void logout() throws IOException, ServletException {
        ExternalContext ext = faces.getExternalContext();
        ((HttpServletRequest) ext.getRequest()).logout();
        ext.invalidateSession();
        ext.redirect(ext.getRequestContextPath() + "/login.xhtml");
        faces.responseComplete();
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
