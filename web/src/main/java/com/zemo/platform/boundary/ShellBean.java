package com.zemo.platform.boundary;

import com.zemo.ops.control.ReadOnlyMode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** What the page frame needs: who may see which menu, and whether Zemo is read-only. */
@Named("shell")
@RequestScoped
public class ShellBean {

    @Inject
    HttpServletRequest request;

    @Inject
    ReadOnlyMode readOnly;

    public boolean isReadOnly() {
        return readOnly.isOn();
    }

    public boolean isOperator() {
        return request.isUserInRole("operator") || request.isUserInRole("admin");
    }

    public boolean isAdmin() {
        return request.isUserInRole("admin");
    }

    public boolean isEditor() {
        return isOperator() || request.isUserInRole("editor");
    }

    public String getUser() {
        return request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
    }
}
