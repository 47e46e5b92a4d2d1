package com.zemo.it;

import com.zemo.launcher.LauncherSettings;
import com.zemo.launcher.Main;
import com.zemo.launcher.ZemoStack;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A second start on the same data keeps the data, does not migrate again, and creates no second admin. */
class LauncherRestartIT {

    @Test
    void secondStartReusesDataWithoutMigrating() throws Exception {
        Path home = Files.createTempDirectory("zemo-restart");
        LauncherSettings s = new LauncherSettings(home, 0, Optional.empty(), "zemo", "", Optional.empty(), Optional.empty(),
                Optional.empty(), "n", "", false);
        String generated;
        try (ZemoStack first = new ZemoStack(s, Main.runtimeDir())) {
            first.startInfrastructure();
            assertThat(first.migrationsApplied()).isPositive();
            generated = first.createdAdminPassword().orElseThrow();
            assertThat(generated).hasSizeGreaterThanOrEqualTo(16);
        }
        try (ZemoStack second = new ZemoStack(s, Main.runtimeDir())) {
            second.startInfrastructure();
            assertThat(second.migrationsApplied()).isZero();
            assertThat(second.createdAdminPassword()).isEmpty();
        }
        assertThat(Files.exists(home.resolve("secrets/zemo.secrets.key"))).isTrue();
        ZemoServer.deleteTree(home);
    }
}
