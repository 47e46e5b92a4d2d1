package com.zemo.ops.boundary;

import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.ops.control.FeatureFlagService;
import com.zemo.ops.control.FlagRules;
import com.zemo.ops.entity.FeatureFlag;
import com.zemo.platform.boundary.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** Admin › feature flags: the list, a toggle for on/off flags, and setting or creating a flag with a description. */
@Named
@RequestScoped
public class FeatureFlagsPage {

    @Inject
    CurrentCaller current;

    @EJB
    FeatureFlagService flags;

    private String key;
    private String value;
    private String description;
    private List<FeatureFlag> list;

    public List<FeatureFlag> getFlags() {
        if (list == null) {
            list = flags.list(current.get());
        }
        return list;
    }

    public boolean isSwitch(FeatureFlag f) {
        return FlagRules.isSwitch(f.getValue());
    }

    public void toggle(String k) {
        try {
            FeatureFlag f = flags.toggle(current.get(), k, current.ip());
            Messages.info("flags.changed", f.getKey(), f.getValue());
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
        list = null;
    }

    /** Sets the flag if it exists, else creates it. */
    public void save() {
        try {
            String k = key == null ? null : key.strip();
            boolean exists = flags.list(current.get()).stream().anyMatch(f -> f.getKey().equals(k));
            FeatureFlag f = exists ? flags.set(current.get(), k, value, description == null || description.isBlank() ? null : description, current.ip())
                    : flags.create(current.get(), k, value, description, current.ip());
            Messages.info("flags.changed", f.getKey(), f.getValue());
            key = null;
            value = null;
            description = null;
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
        list = null;
    }

    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}
