package com.zemo.identity.entity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHashingTest {

    /** The example hash of PHP's password_verify() manual page, made by PHP's password_hash(). */
    private static final String PHP_HASH = "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a";

    @Test
    void legacyPhpHashesVerify() {
        assertThat(PasswordHashing.verify("rasmuslerdorf", PHP_HASH)).isTrue();
        assertThat(PasswordHashing.verify("rasmuslerdorF", PHP_HASH)).isFalse();
    }

    @Test
    void newHashesRoundTrip() {
        String hash = PasswordHashing.hash("correct horse battery");
        assertThat(hash).startsWith("$2a$10$");
        assertThat(PasswordHashing.verify("correct horse battery", hash)).isTrue();
        assertThat(PasswordHashing.verify("wrong horse battery", hash)).isFalse();
    }

    @Test
    void missingOrMalformedHashesNeverVerify() {
        assertThat(PasswordHashing.verify("whatever1", null)).isFalse();
        assertThat(PasswordHashing.verify("whatever1", "")).isFalse();
        assertThat(PasswordHashing.verify("whatever1", "$2y$10$short")).isFalse();
        assertThat(PasswordHashing.verify(null, PHP_HASH)).isFalse();
    }

    @Test
    void shortPasswordsAreRefused() {
        assertThatThrownBy(() -> PasswordHashing.hash("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
