package com.zemo.identity.boundary;

import com.zemo.identity.entity.ApiToken;
import com.zemo.identity.entity.Role;
import com.zemo.identity.entity.User;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** JSON shapes of the identity API. */
public final class IdentityViews {
    private IdentityViews() {
    }

    static List<String> roleNames(Set<Role> roles) {
        return roles.stream().map(Role::roleName).sorted().toList();
    }

    @Schema(name = "Me")
    public record MeView(@Schema(example = "7") long id, @Schema(example = "anna") String username,
                         @Schema(example = "[\"editor\"]") List<String> roles, @Schema(example = "12") Long tokenId) {
    }

    @Schema(name = "User")
    public record UserView(long id, String username, String email, String displayName, List<String> roles, boolean active,
                           OffsetDateTime createdAt, OffsetDateTime lastLoginAt, OffsetDateTime lockedUntil, Long legacyId) {
        static UserView of(User u) {
            return new UserView(u.getId(), u.getUsername(), u.getEmail(), u.getDisplayName(), roleNames(u.getRoles()), u.isActive(),
                    u.getCreatedAt(), u.getLastLoginAt(), u.getLockedUntil(), u.getLegacyId());
        }
    }

    @Schema(name = "NewUser")
    public record NewUser(@Schema(required = true, example = "anna") String username,
                          @Schema(required = true, example = "a long passphrase", minLength = 8) String password,
                          @Schema(required = true, example = "[\"editor\"]") List<String> roles,
                          @Schema(example = "anna@example.com") String email,
                          @Schema(example = "Anna Petrova") String displayName) {
    }

    @Schema(name = "UserChanges", description = "Only the fields present are changed")
    public record UserChanges(@Schema(example = "[\"editor\",\"operator\"]") List<String> roles, Boolean active, String password,
                              String displayName, String email) {
    }

    @Schema(name = "NewToken")
    public record NewToken(@Schema(required = true, example = "ci pipeline") String name) {
    }

    @Schema(name = "CreatedToken", description = "The token is shown this once; only its hash is stored")
    public record CreatedToken(long id, String name, @Schema(example = "zemo_3q2…") String token, OffsetDateTime createdAt) {
    }

    @Schema(name = "Token")
    public record TokenView(long id, String name, @Schema(example = "zemo_3q2Xb7") String prefix, OffsetDateTime createdAt,
                            OffsetDateTime lastUsedAt, OffsetDateTime expiresAt, OffsetDateTime revokedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.getId(), t.getName(), t.getTokenPrefix(), t.getCreatedAt(), t.getLastUsedAt(), t.getExpiresAt(), t.getRevokedAt());
        }
    }

    @Schema(name = "PasswordChange")
    public record PasswordChange(@Schema(required = true) String currentPassword, @Schema(required = true, minLength = 8) String newPassword) {
    }
}
