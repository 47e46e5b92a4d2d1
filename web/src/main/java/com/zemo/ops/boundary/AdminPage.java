package com.zemo.ops.boundary;

import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.identity.control.AuditService;
import com.zemo.identity.control.UserService;
import com.zemo.identity.entity.User;
import com.zemo.ops.control.ReadOnlyMode;
import com.zemo.platform.boundary.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** Admin page: the read-only switch and the users (full user management is in the API). */
@Named
@RequestScoped
public class AdminPage {

    @Inject
    CurrentCaller current;

    @Inject
    ReadOnlyMode mode;

    @EJB
    AuditService audit;

    @EJB
    UserService users;

    public boolean isReadOnly() {
        return mode.isOn();
    }

    public void toggleReadOnly() {
        try {
            var c = current.get();
            boolean on = !mode.isOn();
            mode.set(on, c.username());
            audit.record(c.userId(), c.username(), on ? "ops.read-only-on" : "ops.read-only-off", null, null, current.ip());
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    public List<User> getUsers() {
        return users.list(0, 200);
    }
}
