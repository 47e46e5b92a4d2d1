package com.zemo.platform.boundary;

import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.settings.control.SettingsService;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.Serializable;
import java.security.Principal;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The dashboard's language: the user's stored {@code ui.language} setting once signed in, else the browser's
 * (English or Russian). The selector in the top bar switches it and, for a signed-in user, stores it.
 */
@Named
@SessionScoped
public class LocaleBean implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LocaleBean.class.getName());
    static final String SETTING = "ui.language";

    private Locale locale;
    /** The user whose stored language was last looked up ("" for nobody): a sign-in looks again. */
    private String resolvedFor;

    public Locale getLocale() {
        FacesContext fc = FacesContext.getCurrentInstance();
        Principal p = fc.getExternalContext().getUserPrincipal();
        String user = p == null ? "" : p.getName();
        if (locale == null || !Objects.equals(user, resolvedFor)) {
            resolvedFor = user;
            String stored = user.isEmpty() ? null : storedLanguage();
            if (stored != null) {
                locale = of(stored);
            } else if (locale == null) {
                Locale browser = fc.getExternalContext().getRequestLocale();
                locale = browser != null && "ru".equals(browser.getLanguage()) ? of("ru") : Locale.ENGLISH;
            }
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /** The top-bar selector: switches and, when signed in, stores the choice. */
    public void setLanguage(String language) {
        String before = getLocale().getLanguage();
        useLanguage(language);
        // Faces sets the selector's value on every submit of the top bar's form (sign-out too): store only a change,
        // or a sign-out from a session in the browser's language would overwrite the stored choice.
        if (!resolvedFor.isEmpty() && !before.equals(locale.getLanguage())) {
            try {
                CDI.current().select(SettingsService.class).get()
                        .putMine(CDI.current().select(CurrentCaller.class).get().get(), SETTING, locale.getLanguage(), null);
            } catch (RuntimeException e) {
                // read-only mode, say: the session keeps the choice anyway
                LOG.log(Level.FINE, "the language choice was not stored", e);
            }
        }
    }

    /** Switches for this session without storing (the preferences form stores it itself). */
    public void useLanguage(String language) {
        getLocale();
        locale = of(language);
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    }

    private String storedLanguage() {
        try {
            SettingsService settings = CDI.current().select(SettingsService.class).get();
            long userId = CDI.current().select(CurrentCaller.class).get().get().userId();
            String v = settings.preferences(userId).get(SETTING);
            return v == null || v.isBlank() ? null : v.strip();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "no stored language", e);
            return null;
        }
    }

    private static Locale of(String language) {
        return "ru".equals(language) ? Locale.forLanguageTag("ru") : Locale.ENGLISH;
    }
}
