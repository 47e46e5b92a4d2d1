package com.zemo.scrape.fetch;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a page parsed without JavaScript needs rendering (mode {@code auto}): its main text came out nearly empty
 * and the page has scripts, or it carries the marks of a client-rendered app (an empty root element such as
 * {@code <div id="root"></div>}, or a {@code <noscript>} asking for JavaScript) with little text. Most pages have
 * their text in the HTML and are never rendered, which is what keeps memory per fetch small.
 */
public final class JavaScriptNeed {
    /** Below this many words of main text a page with scripts is rendered. */
    static final int FEW_WORDS = 80;
    /** An app shell with a noscript plea may carry some text (a header, a cookie note): render below this. */
    static final int SHELL_WORDS = 200;

    private static final Pattern SCRIPT = Pattern.compile("<script\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMPTY_APP_ROOT = Pattern.compile(
            "<(div|main|section)\\b[^>]*\\bid\\s*=\\s*[\"']?(root|app|__next|__nuxt|___gatsby|svelte|react-root|main-app|application)[\"']?[^>]*>\\s*(<!--.*?-->\\s*)?</\\1>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern NOSCRIPT_PLEA = Pattern.compile(
            "<noscript\\b[^>]*>[^<]{0,400}?(javascript|JavaScript|JS|включите|enable)", Pattern.CASE_INSENSITIVE);

    private JavaScriptNeed() {
    }

    /** Why the page should be rendered, or empty if the parse without JavaScript is enough. */
    public static Optional<String> reason(JavaScriptMode mode, String html, int plainWords) {
        if (mode == JavaScriptMode.ON) {
            return Optional.of("javascript=on");
        }
        if (mode == JavaScriptMode.OFF) {
            return Optional.empty();
        }
        boolean scripts = SCRIPT.matcher(html).find();
        if (!scripts) {
            return Optional.empty();
        }
        if (plainWords < FEW_WORDS) {
            return Optional.of("only " + plainWords + " words without JavaScript, and the page has scripts");
        }
        if (plainWords < SHELL_WORDS && (EMPTY_APP_ROOT.matcher(html).find() || NOSCRIPT_PLEA.matcher(html).find())) {
            return Optional.of("an app shell (empty root element or a noscript plea) with " + plainWords + " words");
        }
        return Optional.empty();
    }
}
