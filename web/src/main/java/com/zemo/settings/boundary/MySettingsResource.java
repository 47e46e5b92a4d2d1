package com.zemo.settings.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.platform.ZemoException;
import com.zemo.platform.boundary.PageOf;
import com.zemo.platform.boundary.PageRequest;
import com.zemo.platform.boundary.Problem;
import com.zemo.settings.control.SettingsService;
import com.zemo.settings.entity.Setting;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;

/** Personal settings of the caller. Secret values come back masked. */
@ApplicationScoped
@Path("me/settings")
@Tag(name = "settings")
@Produces(MediaType.APPLICATION_JSON)
public class MySettingsResource {

    @Schema(name = "Setting", description = "A setting; a secret's value is masked (sk-…abcd) and never returned in clear")
    public record SettingView(@Schema(example = "serpapi.key") String key, @Schema(example = "sk-…abcd") String value, boolean secret,
                              @Schema(enumeration = {"user", "global"}) String scope, OffsetDateTime updatedAt) {
        static SettingView of(Setting s) {
            return new SettingView(s.getKey(), s.displayValue(), s.isSecret(), s.getUserId() == null ? "global" : "user", s.getUpdatedAt());
        }
    }

    @Schema(name = "SettingValue")
    public record SettingValue(@Schema(required = true, example = "sk-proj-0123456789abcdef") String value) {
    }

    @Schema(name = "KeyCheck", description = "Whether the provider accepted the key, and what it said; never the key")
    public record KeyCheckView(boolean ok, @Schema(enumeration = {"serpapi", "llm"}) String provider,
                               @Schema(example = "plan Developer, 4321 searches left") String detail) {
    }

    @Inject
    CurrentCaller current;

    @EJB
    com.zemo.settings.control.ProviderKeyTest keyTest;

    @EJB
    SettingsService settings;

    @GET
    @Operation(summary = "The caller's own settings")
    public PageOf<SettingView> mine(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return page(settings.mine(current.get().userId()), PageRequest.of(page, size));
    }

    @PUT
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set one of the caller's settings; keys ending in key/token/secret/password are stored encrypted")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SettingView.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SettingView putMine(@PathParam("key") String key, SettingValue body) {
        return SettingView.of(settings.putMine(current.get(), key, value(body), current.ip()));
    }

    @DELETE
    @Path("{key}")
    @Operation(summary = "Remove one of the caller's settings (the global value applies again)")
    @APIResponse(responseCode = "204", description = "Removed")
    public void deleteMine(@PathParam("key") String key) {
        settings.deleteMine(current.get(), key, current.ip());
    }

    static String value(SettingValue body) {
        if (body == null || body.value() == null) {
            throw ZemoException.invalid("value is required");
        }
        return body.value();
    }

    static PageOf<SettingView> page(List<Setting> all, PageRequest req) {
        return PageOf.of(all.stream().skip(req.offset()).limit(req.size()).map(SettingView::of).toList(), req, all.size());
    }

    @POST
    @Path("{key}/test")
    @Operation(summary = "Test the provider key your jobs would use (yours, else the global, else the configured one) "
            + "with one request that costs no credit: SerpApi account.json, the LLM's models list")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = KeyCheckView.class)))
    @APIResponse(responseCode = "400", description = "Not a testable key, or no key set", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KeyCheckView test(@PathParam("key") String key) {
        var c = keyTest.test(current.get(), key, current.ip());
        return new KeyCheckView(c.ok(), c.provider(), c.detail());
    }
}
