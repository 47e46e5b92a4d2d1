package com.zemo.analysis.boundary;

import com.zemo.analysis.batch.AnalysisEngines;
import com.zemo.analysis.engine.morphology.LemmatizationResult;
import com.zemo.platform.boundary.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Map;

/** The lemmatizer page: what staff use to check how a phrase counts. */
@Named
@RequestScoped
public class LemmasPage {

    @Inject
    AnalysisEngines engines;

    private String text;
    private String language = "auto";
    private LemmatizationResult result;

    public void run() {
        if (text == null || text.isBlank() || text.length() > TextResource.MAX_TEXT) {
            Messages.error("lemmas:text", "1–" + TextResource.MAX_TEXT + " characters");
            return;
        }
        result = engines.lemmatizer().lemmatize(text, language);
    }

    public List<Map.Entry<String, Integer>> getFrequencies() {
        return result == null ? List.of() : List.copyOf(result.lemmaFrequencies().entrySet());
    }

    public LemmatizationResult getResult() { return result; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
}
