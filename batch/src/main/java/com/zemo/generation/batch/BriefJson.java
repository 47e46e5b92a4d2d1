package com.zemo.generation.batch;

import com.zemo.analysis.engine.brief.Brief;
import com.zemo.analysis.engine.brief.LengthTarget;
import com.zemo.analysis.engine.brief.OutlineItem;
import com.zemo.analysis.engine.brief.TermTarget;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.List;

/**
 * A {@link Brief} from the JSON the analyze job stores in {@code analyses.brief}: the record's components by name
 * (JSON-B's form of the record). Missing parts read as empty, so an older or partial brief still renders.
 */
public final class BriefJson {
    private BriefJson() {
    }

    /** @throws IllegalArgumentException if the text is not a JSON object */
    public static Brief parse(String json) {
        JsonObject o;
        try {
            o = Json.createReader(new StringReader(json)).readObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the analysis' brief is not a JSON object", e);
        }
        JsonObject len = o.get("length") instanceof JsonObject l ? l : JsonValue.EMPTY_JSON_OBJECT;
        return new Brief(str(o, "query"), o.containsKey("language") ? str(o, "language") : "en",
                strings(o, "titleSuggestions"), strings(o, "h1Suggestions"),
                objects(o, "outline").stream().map(x -> new OutlineItem(integer(x, "level", 2), str(x, "text"))).toList(),
                new LengthTarget(integer(len, "min", 0), integer(len, "target", 0), integer(len, "max", 0)),
                objects(o, "terms").stream().map(x -> new TermTarget(str(x, "term"), x.containsKey("display") ? str(x, "display") : str(x, "term"),
                        integer(x, "min", 1), integer(x, "max", Math.max(1, integer(x, "min", 1))), number(x, "weight", 1),
                        number(x, "share", 0), strings(x, "zones"))).toList(),
                strings(o, "questions"), strings(o, "excludedPages"), integer(o, "pagesAnalysed", 0));
    }

    private static String str(JsonObject o, String k) {
        return o.get(k) instanceof JsonString s ? s.getString() : "";
    }

    private static int integer(JsonObject o, String k, int dflt) {
        return o.get(k) instanceof JsonNumber n ? n.intValue() : dflt;
    }

    private static double number(JsonObject o, String k, double dflt) {
        return o.get(k) instanceof JsonNumber n ? n.doubleValue() : dflt;
    }

    private static List<String> strings(JsonObject o, String k) {
        return o.get(k) instanceof JsonArray a
                ? a.stream().filter(v -> v instanceof JsonString).map(v -> ((JsonString) v).getString()).toList()
                : List.of();
    }

    private static List<JsonObject> objects(JsonObject o, String k) {
        return o.get(k) instanceof JsonArray a
                ? a.stream().filter(v -> v instanceof JsonObject).map(v -> (JsonObject) v).toList()
                : List.of();
    }
}
