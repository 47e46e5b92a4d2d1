package com.zemo.identity.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserTest {

    @Test
    void locksAfterRepeatedFailuresAndUnlocksOnSuccess() {
        User u = new User("anna", "x", Set.of(Role.EDITOR));
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = 0; i < 4; i++) {
            assertThat(u.recordFailedLogin(5, Duration.ofMinutes(15), now)).isFalse();
        }
        assertThat(u.recordFailedLogin(5, Duration.ofMinutes(15), now)).isTrue();
        assertThat(u.isLocked(now.plusMinutes(14))).isTrue();
        assertThat(u.isLocked(now.plusMinutes(16))).isFalse();
        u.recordSuccessfulLogin(now.plusMinutes(16));
        assertThat(u.getFailedLogins()).isZero();
        assertThat(u.getLockedUntil()).isNull();
    }

    @Test
    void guardsUsernameAndRoles() {
        assertThatThrownBy(() -> new User("<script>", "x", Set.of(Role.VIEWER))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new User("bob", "x", Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(Role.parse(" Admin ")).contains(Role.ADMIN);
        assertThat(Role.parse("manager")).isEmpty();
    }
}
