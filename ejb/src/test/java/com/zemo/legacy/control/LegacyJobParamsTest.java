package com.zemo.legacy.control;

import com.zemo.platform.ZemoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LegacyJobParamsTest {

    @TempDir
    Path dir;

    @Test
    void pathsMustBeAbsoluteAndInsideTheAllowedDirectory() throws Exception {
        Path allowed = Files.createDirectories(dir.resolve("legacy"));
        Path file = Files.writeString(allowed.resolve("m.sqlite"), "x");
        Path outside = Files.writeString(dir.resolve("other.sqlite"), "x");
        assertThat(LegacyJobParams.inside(file.toString(), Optional.of(allowed.toString()))).isEqualTo(file);
        assertThat(LegacyJobParams.inside(outside.toString(), Optional.empty())).isEqualTo(outside);
        assertThat(LegacyJobParams.inside(allowed.resolve("new.sqlite").toString(), Optional.of(allowed.toString())))
                .as("a file still to be written (export)").isEqualTo(allowed.resolve("new.sqlite"));

        assertThatThrownBy(() -> LegacyJobParams.inside(outside.toString(), Optional.of(allowed.toString())))
                .isInstanceOf(ZemoException.class).hasMessageContaining("must be inside");
        assertThatThrownBy(() -> LegacyJobParams.inside(allowed + "/../other.sqlite", Optional.of(allowed.toString())))
                .hasMessageContaining("must be inside");
        assertThatThrownBy(() -> LegacyJobParams.inside("m.sqlite", Optional.empty())).hasMessageContaining("absolute");
    }

    @Test
    void aSymbolicLinkCannotLeadOutOfTheAllowedDirectory() throws Exception {
        Path allowed = Files.createDirectories(dir.resolve("legacy"));
        Path outside = Files.writeString(dir.resolve("secret.sqlite"), "x");
        Path link = Files.createSymbolicLink(allowed.resolve("link.sqlite"), outside);
        assertThatThrownBy(() -> LegacyJobParams.inside(link.toString(), Optional.of(allowed.toString())))
                .hasMessageContaining("must be inside");
    }
}
