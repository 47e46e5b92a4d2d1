package com.zemo.identity.control;

import com.zemo.identity.entity.Role;

import java.util.EnumSet;
import java.util.Set;

/** Who is calling, as established by authentication: enough to authorise without a database read. */
public record Caller(long userId, String username, Set<Role> roles, Long tokenId) {
    public Caller {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean isOperator() {
        return roles.contains(Role.OPERATOR) || roles.contains(Role.ADMIN);
    }
}
