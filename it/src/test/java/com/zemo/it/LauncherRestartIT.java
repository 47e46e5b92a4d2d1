package com.zemo.it;

import com.zemo.launcher.LauncherSettings;
import com.zemo.launcher.Main;
import com.zemo.launcher.ZemoStack;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second start on the same data keeps the data, does not migrate again, creates no second admin, and the node
 * comes up again (its database port changed: the embedded servers take free ports each time), from the runtime
 * unpacked by the first start and with the class-data archive the first start recorded as it stopped.
 */
class LauncherRestartIT {

    @Test
    void secondStartReusesDataWithoutMigrating() throws Exception {
        Path home = Files.createTempDirectory("zemo-restart");
        LauncherSettings s = new LauncherSettings(home, 0, Optional.empty(), "zemo", "", Optional.empty(), Optional.empty(),
                Optional.empty(), "n", com.zemo.launcher.PayaraNode.DEFAULT_JAVA_OPTS, false, true);
        String generated;
        try (ZemoStack first = new ZemoStack(s, Main.runtimeDir())) {
            first.startInfrastructure();
            assertThat(first.migrationsApplied()).isPositive();
            generated = first.createdAdminPassword().orElseThrow();
            assertThat(generated).hasSizeGreaterThanOrEqualTo(16);
            var node = first.startNodeAndWait("restart-node", com.zemo.launcher.Ports.free(), false, java.time.Duration.ofMinutes(4));
            assertThat(node.sharesClassData()).as("nothing recorded yet").isFalse();
        }
        Path root = home.resolve("payara/restart-node");
        assertThat(root.resolve("launch-micro.jar")).exists();
        assertThat(home.resolve("payara/restart-node.jsa")).as("recorded as the first node stopped").exists();
        java.nio.file.attribute.FileTime unpacked = Files.getLastModifiedTime(root.resolve("runtime"));
        try (ZemoStack second = new ZemoStack(s, Main.runtimeDir())) {
            second.startInfrastructure();
            assertThat(second.migrationsApplied()).isZero();
            assertThat(second.createdAdminPassword()).isEmpty();
            var node = second.startNodeAndWait("restart-node", com.zemo.launcher.Ports.free(), false, java.time.Duration.ofMinutes(4));
            assertThat(node.sharesClassData()).isTrue();
            assertThat(Files.readString(Path.of("/proc/" + node.pid() + "/maps"))).as("the JVM mapped the archive")
                    .contains("restart-node.jsa");
            assertThat(Files.getLastModifiedTime(root.resolve("runtime"))).as("the runtime is not unpacked again").isEqualTo(unpacked);
            Api.Reply token = Api.basic("admin", generated).on(node.baseUrl()).post("/api/v1/tokens", "{\"name\":\"again\"}");
            assertThat(token.status()).as(token.body()).isEqualTo(201);
        }
        assertThat(Files.exists(home.resolve("secrets/zemo.secrets.key"))).isTrue();
        ZemoServer.deleteTree(home);
    }
}
