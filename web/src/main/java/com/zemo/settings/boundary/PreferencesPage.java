package com.zemo.settings.boundary;

import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.platform.boundary.LocaleBean;
import com.zemo.platform.boundary.Messages;
import com.zemo.settings.control.SettingsService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Map;

/**
 * My preferences, stored as my own settings: the dashboard's language ({@code ui.language}), and the engine and
 * region the pipeline forms start with ({@code serp.engine}, {@code serp.region}). An empty field removes the setting.
 */
@Named
@RequestScoped
public class PreferencesPage {
    public static final String LANGUAGE = "ui.language";
    public static final String ENGINE = "serp.engine";
    public static final String REGION = "serp.region";

    @Inject
    CurrentCaller current;

    @Inject
    LocaleBean locale;

    @EJB
    SettingsService settings;

    private String language;
    private String engine;
    private String region;
    private Map<String, String> stored;

    @PostConstruct
    void load() {
        stored = settings.preferences(current.get().userId());
        language = stored.get(LANGUAGE);
        engine = stored.get(ENGINE);
        region = stored.get(REGION);
    }

    public void save() {
        try {
            store(LANGUAGE, language);
            store(ENGINE, engine);
            store(REGION, region);
            if (language != null && !language.isBlank()) {
                locale.useLanguage(language);
            }
            Messages.info("prefs.saved");
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    private void store(String key, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (stored.containsKey(key)) {
                settings.deleteMine(current.get(), key, current.ip());
            }
        } else if (!v.equals(stored.get(key))) {
            settings.putMine(current.get(), key, v, current.ip());
        }
    }

    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public String getEngine() { return engine; }
    public void setEngine(String engine) { this.engine = engine; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
}
