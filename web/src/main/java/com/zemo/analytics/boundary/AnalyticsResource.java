package com.zemo.analytics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import com.zemo.analytics.control.AnalyticsService;
import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.platform.ZemoException;
import com.zemo.platform.boundary.Problem;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

@ApplicationScoped
@Path("analytics")
@Tag(name = "analytics", description = "Usage and outcomes: tokens, cost, SERP credits, jobs, competitor domains")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@APIResponse(responseCode = "400", description = "Bad period or grouping", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AnalyticsResource {

    @Inject
    CurrentCaller current;

    @EJB
    AnalyticsService analytics;

    @GET
    @Path("usage")
    @Operation(summary = "LLM tokens and cost, SERP credits over a period, grouped by day, user and/or model; ?format=csv for a spreadsheet")
    public Response usage(@Parameter(description = "ISO date or date-time, inclusive (default: 30 days ago)") @QueryParam("from") String from,
                          @Parameter(description = "ISO date or date-time, exclusive (default: now)") @QueryParam("to") String to,
                          @Parameter(description = "comma-separated: day, user, model", example = "day,model") @QueryParam("groupBy") List<String> groupBy,
                          @Parameter(description = "one user's numbers (operators and admins)") @QueryParam("user") Long user,
                          @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"})) @QueryParam("format") String format,
                          @Parameter(description = "which table the CSV holds: llm (tokens and cost, the default) or serp (SERP jobs and credits)",
                                  schema = @Schema(type = SchemaType.STRING, enumeration = {"llm", "serp"})) @QueryParam("table") String table) {
        String csvTable = table == null || table.isBlank() ? "llm" : table.strip();
        if (!csvTable.equals("llm") && !csvTable.equals("serp")) {
            throw ZemoException.invalid("table must be llm or serp");
        }
        JsonObject o = analytics.usage(current.get(), period(from, to), groupBy == null ? List.of() : groupBy, user);
        return render(o, format, csvTable, csvTable.equals("serp") ? "serp-credits" : "usage");
    }

    @GET
    @Path("jobs")
    @Operation(summary = "Jobs per type and status, per day, with p50/p95 durations and failure rates")
    public Response jobs(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("user") Long user,
                         @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"})) @QueryParam("format") String format) {
        return render(analytics.jobs(current.get(), period(from, to), user), format, "byType", "jobs");
    }

    @GET
    @Path("competitors")
    @Operation(summary = "The domains ranking most often in the period's SERPs, with mean position")
    public Response competitors(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("user") Long user,
                                @QueryParam("limit") Integer limit,
                                @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"})) @QueryParam("format") String format) {
        return render(analytics.competitors(current.get(), period(from, to), user, limit == null ? 50 : limit), format, "domains", "competitors");
    }

    private static Response render(JsonObject o, String format, String table, String name) {
        if (format == null || format.equals("json")) {
            return Response.ok(o, MediaType.APPLICATION_JSON).build();
        }
        if (!format.equals("csv")) {
            throw ZemoException.invalid("format must be json or csv");
        }
        return Response.ok(Csv.of(o.getJsonArray(table)), "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"zemo-" + name + ".csv\"").build();
    }

    static AnalyticsService.Period period(String from, String to) {
        OffsetDateTime end = to == null || to.isBlank() ? OffsetDateTime.now(ZoneOffset.UTC) : time("to", to);
        OffsetDateTime start = from == null || from.isBlank() ? end.minusDays(30) : time("from", from);
        return new AnalyticsService.Period(start, end);
    }

    private static OffsetDateTime time(String name, String value) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ZemoException.invalid("'" + name + "' must be an ISO date (2026-11-01) or date-time (2026-11-01T00:00:00Z)");
        }
    }

    /** Rows of flat JSON objects as CSV (RFC 4180), the columns those of the first row. */
    static final class Csv {
        static String of(JsonArray rows) {
            StringBuilder sb = new StringBuilder();
            if (rows.isEmpty()) {
                return "";
            }
            List<String> cols = List.copyOf(rows.getJsonObject(0).keySet());
            sb.append(String.join(",", cols.stream().map(Csv::cell).toList())).append("\r\n");
            for (JsonValue v : rows) {
                JsonObject r = v.asJsonObject();
                sb.append(String.join(",", cols.stream().map(c -> {
                    JsonValue cell = r.get(c);
                    return cell == null ? "" : cell(cell.getValueType() == JsonValue.ValueType.STRING ? r.getString(c) : cell.toString());
                }).toList())).append("\r\n");
            }
            return sb.toString();
        }

        static String cell(String s) {
            // a leading =, +, - or @ would be a formula in a spreadsheet
            String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?") ? "'" + s : s;
            return safe.matches(".*[\",\\r\\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
        }
    }
}
