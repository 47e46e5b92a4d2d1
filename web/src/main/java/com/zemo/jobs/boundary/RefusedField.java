package com.zemo.jobs.boundary;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which field of a new-job form a job type's refusal is about. The types' rules name the parameter in quotes
 * ("parameter 'query' is required", "give either 'urls' … or 'serpJobId'"), and the forms use the parameter names
 * as their fields' ids, so the first quoted name that is one of the form's fields is the field. A message naming
 * none (a bad URL is quoted itself) goes to the form's fallback field, if it has one, else to the page.
 */
final class RefusedField {
    private static final Pattern QUOTED = Pattern.compile("'([A-Za-z][A-Za-z0-9]{0,40})'");

    private RefusedField() {
    }

    static String of(String message, Collection<String> fields, String fallback) {
        if (message == null) {
            return fallback;
        }
        Matcher m = QUOTED.matcher(message);
        while (m.find()) {
            if (fields.contains(m.group(1))) {
                return m.group(1);
            }
        }
        return fallback;
    }
}
