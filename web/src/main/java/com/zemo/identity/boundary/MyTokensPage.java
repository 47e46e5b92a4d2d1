package com.zemo.identity.boundary;

import com.zemo.identity.control.TokenService;
import com.zemo.identity.entity.ApiToken;
import com.zemo.platform.boundary.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** My API tokens on the settings page: create one (shown this once, in this response only), list, revoke. */
@Named
@RequestScoped
public class MyTokensPage {

    @Inject
    CurrentCaller current;

    @EJB
    TokenService tokens;

    private String name;
    private String created;

    public List<ApiToken> getMine() {
        return tokens.list(current.get().userId());
    }

    public void create() {
        if (name == null || name.isBlank() || name.length() > 100) {
            Messages.error(null, Messages.text("tokens.nameRequired"));
            return;
        }
        try {
            TokenService.Created c = tokens.create(current.get(), name.strip(), current.ip());
            created = c.clearToken();
            name = null;
            Messages.info("tokens.created");
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    public void revoke(long id) {
        try {
            tokens.revoke(current.get(), id, current.ip());
            Messages.info("tokens.revoked", id);
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    /** The new token, for this one response; it is not kept anywhere but as its hash. */
    public String getCreated() { return created; }
}
