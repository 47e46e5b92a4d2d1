package com.zemo.identity.boundary;

import com.zemo.identity.control.TokenService;
import com.zemo.platform.boundary.Messages;
import com.zemo.platform.boundary.PagedModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** Admin › API tokens: every user's tokens (owner, name, prefix, created, last used, revoked), and revoking one. */
@Named
@ViewScoped
public class AdminTokensPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient CurrentCaller current;

    @EJB
    transient TokenService tokens;

    private PagedModel<TokenService.Owned> model;

    @PostConstruct
    void init() {
        model = new PagedModel<>(() -> tokens.countAll(current.get()), (first, size) -> tokens.listAll(current.get(), first, size),
                t -> Long.toString(t.token().getId()));
    }

    public PagedModel<TokenService.Owned> getModel() {
        return model;
    }

    public void revoke(long id) {
        try {
            tokens.revoke(current.get(), id, current.ip());
            Messages.info("tokens.revoked", id);
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }
}
