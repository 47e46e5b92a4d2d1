package com.zemo.identity.boundary;

import com.zemo.identity.control.UserService;
import com.zemo.identity.entity.Role;
import com.zemo.identity.entity.User;
import com.zemo.platform.boundary.Messages;
import com.zemo.platform.boundary.PagedModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Admin › users: the paged list, a new user, and one user's roles, state and password. The service refuses what
 * would lock Zemo or the admin out (their own admin role, their own account, the last admin) and audits each change.
 */
@Named
@ViewScoped
public class AdminUsersPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient CurrentCaller current;

    @EJB
    transient UserService users;

    private PagedModel<User> model;

    private String newUsername;
    private String newPassword;
    private List<String> newRoles = new ArrayList<>(List.of(Role.VIEWER_NAME));
    private String newDisplayName;
    private String newEmail;

    private Long editId;
    private String editUsername;
    private List<String> editRoles = new ArrayList<>();
    private String resetPassword;

    /** The name search, from {@code ?q=} (a plain GET form on the page), kept for the view's ajax actions. */
    private String query;

    @PostConstruct
    void init() {
        String q = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("q");
        query = q == null || q.isBlank() ? null : q.strip();
        if (query == null) {
            model = new PagedModel<>(() -> users.count(), (first, size) -> users.list(first, size), u -> Long.toString(u.getId()));
        } else {
            String text = query;
            model = new PagedModel<>(() -> users.countSearch(text), (first, size) -> users.search(text, first, size),
                    u -> Long.toString(u.getId()));
        }
    }

    public String getQuery() {
        return query;
    }

    public PagedModel<User> getModel() {
        return model;
    }

    public List<String> getRoleChoices() {
        return Arrays.stream(Role.values()).map(Role::roleName).toList();
    }

    public String roles(User u) {
        return String.join(", ", u.getRoles().stream().map(Role::roleName).sorted().toList());
    }

    public boolean isSelf(User u) {
        return u.getId() == current.get().userId();
    }

    public void create() {
        try {
            User u = users.create(current.get(), trim(newUsername), newPassword, roleSet(newRoles), trim(newDisplayName), trim(newEmail), current.ip());
            Messages.info("adminUsers.created", u.getUsername());
            newUsername = null;
            newDisplayName = null;
            newEmail = null;
            newRoles = new ArrayList<>(List.of(Role.VIEWER_NAME));
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
        newPassword = null;
    }

    public void edit(long id) {
        try {
            User u = users.get(id);
            editId = id;
            editUsername = u.getUsername();
            editRoles = new ArrayList<>(u.getRoles().stream().map(Role::roleName).sorted().toList());
            resetPassword = null;
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    public void cancelEdit() {
        editId = null;
        editUsername = null;
        editRoles = new ArrayList<>();
        resetPassword = null;
    }

    public void saveRoles() {
        change(new UserService.Changes(roleSet(editRoles), null, null, null, null), "adminUsers.rolesSaved");
    }

    public void resetPassword() {
        if (resetPassword == null || resetPassword.isEmpty()) {
            Messages.error(null, Messages.text("adminUsers.passwordRequired"));
            return;
        }
        change(new UserService.Changes(null, null, resetPassword, null, null), "adminUsers.passwordReset");
        resetPassword = null;
    }

    public void setActive(long id, boolean active) {
        try {
            User u = users.update(current.get(), id, new UserService.Changes(null, active, null, null, null), current.ip());
            Messages.info(active ? "adminUsers.enabled" : "adminUsers.disabled", u.getUsername());
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    public void delete(long id) {
        try {
            users.delete(current.get(), id, current.ip());
            Messages.info("adminUsers.deleted", id);
            if (Long.valueOf(id).equals(editId)) {
                cancelEdit();
            }
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    private void change(UserService.Changes changes, String doneKey) {
        if (editId == null) {
            return;
        }
        try {
            User u = users.update(current.get(), editId, changes, current.ip());
            Messages.info(doneKey, u.getUsername());
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    private static Set<Role> roleSet(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            names.forEach(n -> Role.parse(n).ifPresent(roles::add));
        }
        return roles;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getNewUsername() { return newUsername; }
    public void setNewUsername(String v) { this.newUsername = v; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String v) { this.newPassword = v; }
    public List<String> getNewRoles() { return newRoles; }
    public void setNewRoles(List<String> v) { this.newRoles = v; }
    public String getNewDisplayName() { return newDisplayName; }
    public void setNewDisplayName(String v) { this.newDisplayName = v; }
    public String getNewEmail() { return newEmail; }
    public void setNewEmail(String v) { this.newEmail = v; }
    public Long getEditId() { return editId; }
    public String getEditUsername() { return editUsername; }
    public List<String> getEditRoles() { return editRoles; }
    public void setEditRoles(List<String> v) { this.editRoles = v; }
    public String getResetPassword() { return resetPassword; }
    public void setResetPassword(String v) { this.resetPassword = v; }
}
