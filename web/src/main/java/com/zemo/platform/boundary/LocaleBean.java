package com.zemo.platform.boundary;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Locale;

/** The dashboard's language: the browser's (English or Russian) until the user picks one for the session. */
@Named
@SessionScoped
public class LocaleBean implements Serializable {
    private static final long serialVersionUID = 1L;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            Locale browser = FacesContext.getCurrentInstance().getExternalContext().getRequestLocale();
            locale = browser != null && "ru".equals(browser.getLanguage()) ? Locale.forLanguageTag("ru") : Locale.ENGLISH;
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    public void setLanguage(String language) {
        locale = "ru".equals(language) ? Locale.forLanguageTag("ru") : Locale.ENGLISH;
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    }
}
