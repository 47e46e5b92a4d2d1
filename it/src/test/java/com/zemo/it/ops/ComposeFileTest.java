package com.zemo.it.ops;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/compose.yaml is valid: {@code docker-compose config -q} (Debian's docker-compose, no engine needed)
 * parses it, resolves the anchors, variables and secrets. Skipped, saying so, where the binary is missing
 * (.ci/run installs it).
 */
class ComposeFileTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void composeFileIsValid() throws Exception {
        Path compose = ROOT.resolve("docker/compose.yaml");
        assertThat(compose).exists();
        String binary = onPath("docker-compose");
        Assumptions.assumeTrue(binary != null,
                "docker-compose is not installed (apt-get install docker-compose): compose.yaml NOT validated");
        Process p = new ProcessBuilder(binary, "-f", compose.toString(), "config", "-q")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("docker-compose config says: %s", out).isZero();
    }

    @Test
    void everyConfigFileTheComposeMountsExists() throws Exception {
        for (String f : List.of("Dockerfile", "zemo-entrypoint.sh", "zemo-healthcheck.sh", ".env.example",
                "nginx/nginx.conf", "prometheus/prometheus.yml", "postgres/init-extensions.sql",
                "grafana/provisioning/datasources/prometheus.yaml", "grafana/provisioning/dashboards/zemo.yaml",
                "grafana/dashboards/zemo-api.json", "grafana/dashboards/zemo-jobs.json",
                "grafana/dashboards/zemo-providers.json", "grafana/dashboards/zemo-scraper.json",
                "grafana/dashboards/zemo-migration.json", "secrets/init.sh")) {
            assertThat(ROOT.resolve("docker").resolve(f)).as(f).isRegularFile();
        }
        String prometheus = Files.readString(ROOT.resolve("docker/prometheus/prometheus.yml"));
        assertThat(prometheus).contains("zemo-1:8080", "zemo-2:8080", "metrics_path: /metrics");
    }

    private static String onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, name);
            if (f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }
}
