package com.zemo.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LegacyCliTest {

    @TempDir
    Path home;

    @Test
    void importOptionsBecomeTheLegacyCommandLine() {
        String file = home.resolve("m.sqlite").toString();
        assertThat(LegacyCli.Options.parse("legacy-import", List.of("--path", file)).commandArgs())
                .containsExactly("import", "--source", file, "--mode", "full");
        assertThat(LegacyCli.Options.parse("legacy-import", List.of("--path", file, "--delta", "--dry-run", "--report-html", "r.html")).commandArgs())
                .containsExactly("import", "--source", file, "--mode", "delta", "--dry-run", "--report-html", "r.html");
        assertThat(LegacyCli.Options.parse("legacy-import", List.of("--resume", "7", "--path", file)).commandArgs())
                .containsExactly("resume", "--run", "7", "--source", file, "--mode", "full");
        assertThat(LegacyCli.Options.parse("legacy-export", List.of("--path", file)).commandArgs())
                .containsExactly("export", "--out", file);
    }

    @Test
    void badOptionsAreRefused() {
        assertThatThrownBy(() -> LegacyCli.Options.parse("legacy-import", List.of("--delta"))).hasMessageContaining("--path is required");
        assertThatThrownBy(() -> LegacyCli.Options.parse("legacy-import", List.of("--path"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> LegacyCli.Options.parse("legacy-import", List.of("--path", "x", "--jdbc", "y"))).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> LegacyCli.Options.parse("legacy-export", List.of("--path", "x", "--delta"))).hasMessageContaining("only --path");
    }

    @Test
    void theKeyComesFromTheEnvironmentOrTheSecretsDirectory() throws Exception {
        assertThat(LegacyCli.secretsKey(home, Map.of())).isNull();
        Files.createDirectories(home.resolve("secrets"));
        Files.writeString(home.resolve("secrets").resolve(ZemoStack.SECRETS_KEY_FILE), "from-file-key\n");
        assertThat(LegacyCli.secretsKey(home, Map.of())).isEqualTo("from-file-key");
        assertThat(LegacyCli.secretsKey(home, Map.of("ZEMO_SECRETS_KEY", " env-key "))).isEqualTo("env-key");
    }

    @Test
    void theRunningEmbeddedDatabaseIsFoundByItsPidFile() throws Exception {
        assertThat(LegacyCli.runningEmbeddedPort(home)).isNull();
        Path data = Files.createDirectories(home.resolve("pgdata"));
        long alive = ProcessHandle.current().pid();
        Files.writeString(data.resolve("postmaster.pid"), alive + "\n" + data + "\n1700000000\n54321\n/tmp\n127.0.0.1\n");
        assertThat(LegacyCli.runningEmbeddedPort(home)).isEqualTo(54321);
        Files.writeString(data.resolve("postmaster.pid"), "999999999\n" + data + "\n1700000000\n54321\n");
        assertThat(LegacyCli.runningEmbeddedPort(home)).as("a stale pid file").isNull();
    }
}
