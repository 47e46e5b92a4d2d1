package com.zemo.settings.boundary;

import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.platform.boundary.Messages;
import com.zemo.settings.control.SettingRules;
import com.zemo.settings.control.SettingsService;
import com.zemo.settings.entity.Setting;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * Admin › global settings and keys: what applies to users without a value of their own. A secret is shown masked
 * (its stored hint) and can be replaced or removed, never read back; the value field is never redisplayed.
 */
@Named
@RequestScoped
public class AdminSettingsPage {

    @Inject
    CurrentCaller current;

    @EJB
    SettingsService settings;

    private String key;
    private String value;

    public List<Setting> getGlobal() {
        return settings.global();
    }

    public List<String> getKnownKeys() {
        return SettingRules.KNOWN.keySet().stream().sorted().toList();
    }

    public void save() {
        try {
            Setting s = settings.putGlobal(current.get(), key == null ? null : key.strip(), value, current.ip());
            Messages.info("settings.saved", s.getKey());
            key = null;
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
        value = null;
    }

    public void remove(String k) {
        try {
            settings.deleteGlobal(current.get(), k, current.ip());
            Messages.info("adminSettings.removed", k);
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
}
