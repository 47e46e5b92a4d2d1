package com.zemo.launcher.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bundled sample page ({@code sandbox/pages/NAME} on the class path): its bytes exactly as they are served
 * (some in windows-1251, declared only in {@code <meta>}), its language and the title and description a search
 * result shows. The list is {@code sandbox/pages.txt}: {@code name|language|charset}.
 */
public record SandboxPage(String name, String language, Charset charset, String title, String description, byte[] bytes) {
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern DESCRIPTION = Pattern.compile(
            "<meta\\s+name=\"description\"\\s+content=\"(.*?)\"", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    public static List<SandboxPage> bundled() {
        List<SandboxPage> pages = new ArrayList<>();
        for (String line : new String(read("sandbox/pages.txt"), StandardCharsets.UTF_8).split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\|");
            Charset cs = Charset.forName(f[2]);
            byte[] bytes = read("sandbox/pages/" + f[0]);
            String html = new String(bytes, cs);
            pages.add(new SandboxPage(f[0], f[1], cs, first(TITLE, html), first(DESCRIPTION, html), bytes));
        }
        return List.copyOf(pages);
    }

    /** Words of the title and description, lower case: what the sandbox SERP ranks by. */
    public String searchableText() {
        return (title + " " + description).toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    private static String first(Pattern p, String html) {
        Matcher m = p.matcher(html);
        return m.find() ? m.group(1).replaceAll("\\s+", " ").strip() : "";
    }

    private static byte[] read(String resource) {
        try (InputStream in = SandboxPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing sandbox resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
