package com.zemo.settings.boundary;

import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.platform.boundary.Messages;
import com.zemo.settings.control.SettingsService;
import com.zemo.settings.entity.Setting;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** My settings: API keys (shown masked, replaced, removed; never shown again in clear) and preferences. */
@Named
@RequestScoped
public class SettingsPage {

    @Inject
    CurrentCaller current;

    @EJB
    SettingsService settings;

    @EJB
    com.zemo.identity.control.UserService users;

    @EJB
    com.zemo.settings.control.ProviderKeyTest keyTest;

    /** "Test the key": one free request to the provider with the key my jobs would use; the answer, never the key. */
    public void test(String k) {
        try {
            com.zemo.settings.control.KeyCheck c = keyTest.test(current.get(), k, current.ip());
            if (c.ok()) {
                Messages.info("settings.testOk", k, c.detail());
            } else {
                Messages.error(null, Messages.text("settings.testRefused", k, c.detail()));
            }
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    public List<String> getTestableKeys() {
        return getKnownKeys().stream().filter(com.zemo.settings.control.ProviderKeyTest::isTestable).toList();
    }

    private String currentPassword;
    private String newPassword;

    public void changePassword() {
        try {
            users.changeOwnPassword(current.get(), currentPassword, newPassword, current.ip());
            Messages.info("settings.passwordChanged");
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
        currentPassword = null;
        newPassword = null;
    }

    public String getCurrentPassword() { return currentPassword; }
    public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }

    private String key = "serpapi.key";
    private String value;

    public List<Setting> getMine() {
        return settings.mine(current.get().userId());
    }

    public void save() {
        try {
            settings.putMine(current.get(), key, value, current.ip());
            value = null;
            Messages.info("settings.saved", key);
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    public void remove(String k) {
        try {
            settings.deleteMine(current.get(), k, current.ip());
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    public List<String> getKnownKeys() {
        return com.zemo.settings.control.SettingRules.KNOWN.keySet().stream().sorted().toList();
    }

    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
}
