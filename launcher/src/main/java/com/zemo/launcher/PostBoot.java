package com.zemo.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Renders config/payara/post-boot.asadmin (packed into the launcher) for one node. */
final class PostBoot {
    private PostBoot() {
    }

    static Path render(Path home, Path target) throws IOException {
        String template;
        try (InputStream in = PostBoot.class.getResourceAsStream("/payara/post-boot.asadmin")) {
            if (in == null) {
                throw new IOException("payara/post-boot.asadmin missing from the launcher jar");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String rendered = template
                .replace("@SECRETS_DIR@", home.resolve("secrets").toString())
                .replace("@DB_POOL_MAX@", System.getenv().getOrDefault("ZEMO_DB_POOL_MAX", "48"));
        Files.writeString(target, rendered, StandardCharsets.UTF_8);
        return target;
    }
}
