package com.zemo.prompts.template;

import java.util.List;

/**
 * A prompt body that cannot be used: every problem found, and the placeholders that exist, in one message a
 * person can act on. An IllegalArgumentException, so the web tier answers 400.
 */
public class TemplateException extends IllegalArgumentException {
    private final List<String> problems;
    private final List<String> unknown;

    public TemplateException(List<String> problems, List<String> unknown) {
        super(String.join("; ", problems) + ". Known placeholders: " + Placeholders.describe());
        this.problems = List.copyOf(problems);
        this.unknown = List.copyOf(unknown);
    }

    public List<String> problems() {
        return problems;
    }

    /** Unknown placeholder names, lower-case, without braces. */
    public List<String> unknown() {
        return unknown;
    }
}
