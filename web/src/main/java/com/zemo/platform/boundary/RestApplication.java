package com.zemo.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationPath("api/v1")
@OpenAPIDefinition(
        info = @Info(title = "Zemo API", version = "1",
                description = "SEO content platform: jobs (SERP, scrape, analyze, generate, pipeline), prompts, results, analytics, "
                        + "users and settings. Errors are RFC 9457 problem+json; lists are paged with `page` (from 0) and `size` (1-200). "
                        + "Every request may carry X-Request-Id; the response echoes it (or a generated one)."),
        security = @SecurityRequirement(name = "bearer"),
        tags = {
                @Tag(name = "identity", description = "Who am I, API tokens, users"),
                @Tag(name = "settings", description = "Personal and global settings; secrets are masked"),
                @Tag(name = "platform", description = "Liveness of the API itself")
        })
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "A personal API token: `Authorization: Bearer zemo_…` (POST /api/v1/tokens)"),
        @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
                description = "Username and password; accepted only on /api/v1/tokens", in = SecuritySchemeIn.HEADER)
})
public class RestApplication extends Application {
}
