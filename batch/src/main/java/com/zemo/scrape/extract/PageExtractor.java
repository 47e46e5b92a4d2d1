package com.zemo.scrape.extract;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.net.URI;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Zemo keeps of a page, read from a parsed DOM (any {@code org.w3c.dom} document; in production HtmlUnit's):
 * title, meta description, the H1–H6 outline, the main text, counts, links and images.
 * <p>
 * The main text is the {@code <main>} (or a dominant {@code <article>}, or else the body) without what is not the
 * page's own content: scripts, styles, forms, navigation, site header and footer (a {@code <header>} or
 * {@code <footer>} inside an article or main is the article's own and stays), asides, hidden elements, blocks whose
 * class or id says breadcrumbs, menu, sidebar, cookie banner, share buttons, and link lists: a block with at least
 * {@value #LINK_LIST_MIN_LINKS} links whose text is mostly link text. Blocks end lines, so paragraphs come out one a
 * line.
 */
public final class PageExtractor {
    static final int LINK_LIST_MIN_LINKS = 3;
    static final double LINK_LIST_RATIO = 0.6;
    private static final int MAX_IMAGES = 500;

    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "nav", "aside", "form",
            "select", "button", "iframe", "svg", "canvas", "object", "embed", "head", "dialog", "menu", "textarea", "input",
            "audio", "video", "map");
    private static final Set<String> SITE_CHROME = Set.of("header", "footer");
    private static final Set<String> DROPPED_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary",
            "search", "menu", "menubar", "dialog", "alertdialog");
    private static final Set<String> BOILERPLATE_TOKENS = Set.of("breadcrumb", "breadcrumbs", "cookie", "cookies",
            "sidebar", "navbar", "nav", "menu", "share", "social", "advert", "ads", "banner", "popup", "modal", "subscribe",
            "related", "hidden", "invisible");
    /** Framework classes that hide an element (there is no CSS engine here to tell). */
    private static final Set<String> HIDING_CLASSES = Set.of("d-none", "sr-only", "visually-hidden", "screen-reader-text");
    private static final Set<String> CHROME_TOKENS = Set.of("header", "footer", "masthead");
    private static final Set<String> LINK_LIST_BLOCKS = Set.of("ul", "ol", "dl", "div", "section", "table", "tbody", "p", "td");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt",
            "dd", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "table", "blockquote", "pre", "figure", "figcaption",
            "header", "footer", "address", "hr", "body", "caption", "summary", "details");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'’][\\p{L}\\p{N}]+)*");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u200B]+");

    public record Heading(int level, String text) {
    }

    public record Image(String src, String alt) {
    }

    public record Extracted(String title, String metaDescription, List<Heading> outline, String mainText, int wordCount,
                            int charCount, int linksInternal, int linksExternal, List<Image> images) {

        public String outlineJson() {
            StringBuilder sb = new StringBuilder("[");
            for (Heading h : outline) {
                sb.append(sb.length() > 1 ? "," : "").append("{\"level\":").append(h.level()).append(",\"text\":")
                        .append(com.zemo.platform.JsonText.quote(h.text())).append('}');
            }
            return sb.append(']').toString();
        }

        public String imagesJson() {
            StringBuilder sb = new StringBuilder("[");
            for (Image i : images) {
                sb.append(sb.length() > 1 ? "," : "").append("{\"src\":").append(com.zemo.platform.JsonText.quote(i.src()))
                        .append(",\"alt\":").append(com.zemo.platform.JsonText.quote(i.alt())).append('}');
            }
            return sb.append(']').toString();
        }
    }

    private PageExtractor() {
    }

    public static Extracted extract(Document doc, URI finalUri) {
        Element root = doc.getDocumentElement();
        if (root == null) {
            return new Extracted(null, null, List.of(), "", 0, 0, 0, 0, List.of());
        }
        List<Element> all = new ArrayList<>();
        collect(root, all);
        String title = null;
        String description = null;
        String baseHref = null;
        Element body = null;
        Element main = null;
        List<Element> articles = new ArrayList<>();
        List<Heading> outline = new ArrayList<>();
        for (Element e : all) {
            String tag = tag(e);
            switch (tag) {
                case "title" -> {
                    if (title == null && !inside(e, "svg")) {
                        title = clean(e.getTextContent());
                    }
                }
                case "meta" -> {
                    if (description == null && "description".equalsIgnoreCase(e.getAttribute("name").trim())) {
                        description = clean(e.getAttribute("content"));
                    }
                }
                case "base" -> {
                    if (baseHref == null && !e.getAttribute("href").isBlank()) {
                        baseHref = e.getAttribute("href").trim();
                    }
                }
                case "body" -> body = body == null ? e : body;
                case "main" -> main = main == null ? e : main;
                case "article" -> articles.add(e);
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    String text = clean(textOf(e));
                    if (!text.isEmpty() && !inside(e, "template")) {
                        outline.add(new Heading(tag.charAt(1) - '0', text));
                    }
                }
                default -> {
                    if (main == null && "main".equalsIgnoreCase(e.getAttribute("role"))) {
                        main = e;
                    }
                }
            }
        }
        URI base = finalUri;
        if (baseHref != null) {
            try {
                base = finalUri.resolve(baseHref);
            } catch (IllegalArgumentException ignored) {
                // a broken <base> is ignored, as browsers do
            }
        }

        Element scope = body != null ? body : root;
        Map<Node, Stats> stats = new IdentityHashMap<>();
        Stats bodyStats = measure(scope, stats, false);
        Element content = scope;
        if (main != null && stats.containsKey(main) && stats.get(main).text > 0) {
            content = main;
        } else {
            Element best = null;
            for (Element a : articles) {
                Stats s = stats.get(a);
                if (s != null && (best == null || s.text > stats.get(best).text)) {
                    best = a;
                }
            }
            if (best != null && stats.get(best).text * 2 >= bodyStats.text) {
                content = best;
            }
        }
        StringBuilder text = new StringBuilder();
        write(content, stats, text);
        String mainText = lines(text);

        int internal = 0;
        int external = 0;
        List<Image> images = new ArrayList<>();
        String host = hostKey(finalUri.getHost());
        for (Element e : all) {
            String tag = tag(e);
            if (tag.equals("a") && e.hasAttribute("href")) {
                URI target = resolve(base, e.getAttribute("href"));
                if (target == null || target.getScheme() == null) {
                    continue;
                }
                String scheme = target.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    continue;                   // mailto:, tel:, javascript:
                }
                if (host.equals(hostKey(target.getHost()))) {
                    internal++;
                } else {
                    external++;
                }
            } else if (tag.equals("img") && images.size() < MAX_IMAGES) {
                String src = e.getAttribute("src").trim();
                if (src.isEmpty() || src.startsWith("data:")) {
                    String lazy = e.getAttribute("data-src").trim();
                    src = lazy.isEmpty() ? src : lazy;
                }
                if (src.isEmpty()) {
                    continue;
                }
                URI u = src.startsWith("data:") ? null : resolve(base, src);
                images.add(new Image(u == null ? abbreviate(src) : u.toString(), e.hasAttribute("alt") ? clean(e.getAttribute("alt")) : null));
            }
        }
        return new Extracted(emptyToNull(title), emptyToNull(description), outline, mainText, countWords(mainText),
                mainText.length(), internal, external, images);
    }

    public static int countWords(String text) {
        Matcher m = WORD.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Text and link-text lengths of what survives below a node; a dropped node has none. */
    private static final class Stats {
        int text;
        int linkText;
        int links;
        boolean dropped;
    }

    private static Stats measure(Node n, Map<Node, Stats> stats, boolean inLink) {
        Stats s = new Stats();
        if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
            int len = clean(n.getNodeValue()).length();
            s.text = len;
            s.linkText = inLink ? len : 0;
            return s;
        }
        if (n.getNodeType() != Node.ELEMENT_NODE) {
            return s;
        }
        Element e = (Element) n;
        if (boilerplate(e)) {
            s.dropped = true;
            stats.put(n, s);
            return s;
        }
        String tag = tag(e);
        boolean link = tag.equals("a") && e.hasAttribute("href");
        if (link) {
            s.links++;
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            Stats cs = measure(c, stats, inLink || link);
            if (!cs.dropped) {
                s.text += cs.text;
                s.linkText += cs.linkText;
                s.links += cs.links;
            }
        }
        if (LINK_LIST_BLOCKS.contains(tag) && s.links >= LINK_LIST_MIN_LINKS && s.text > 0
                && s.linkText >= LINK_LIST_RATIO * s.text) {
            s.dropped = true;
        }
        stats.put(n, s);
        return s;
    }

    private static boolean boilerplate(Element e) {
        String tag = tag(e);
        if (DROPPED.contains(tag)) {
            return true;
        }
        boolean own = insideContent(e);
        if (SITE_CHROME.contains(tag) && !own) {
            return true;
        }
        if (e.hasAttribute("hidden") || "true".equalsIgnoreCase(e.getAttribute("aria-hidden").trim())) {
            return true;
        }
        String style = e.getAttribute("style").toLowerCase(Locale.ROOT).replace(" ", "");
        if (style.contains("display:none") || style.contains("visibility:hidden")) {
            return true;
        }
        if (DROPPED_ROLES.contains(e.getAttribute("role").trim().toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (tag.equals("body") || tag.equals("main") || tag.equals("article") || tag.equals("html")) {
            return false;
        }
        for (String cls : e.getAttribute("class").toLowerCase(Locale.ROOT).split("\\s+")) {
            if (HIDING_CLASSES.contains(cls)) {
                return true;
            }
        }
        for (String attr : new String[] {e.getAttribute("class"), e.getAttribute("id")}) {
            for (String token : attr.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                if (BOILERPLATE_TOKENS.contains(token) || (!own && CHROME_TOKENS.contains(token))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Inside an article or main: a header or footer there belongs to the content. */
    private static boolean insideContent(Element e) {
        for (Node p = e.getParentNode(); p != null; p = p.getParentNode()) {
            if (p instanceof Element pe) {
                String t = tag(pe);
                if (t.equals("article") || t.equals("main") || "main".equalsIgnoreCase(pe.getAttribute("role"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void write(Node n, Map<Node, Stats> stats, StringBuilder out) {
        if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
            out.append(SPACES.matcher(n.getNodeValue()).replaceAll(" ")); // source line breaks are not paragraphs
            return;
        }
        if (n.getNodeType() != Node.ELEMENT_NODE) {
            return;
        }
        Stats s = stats.get(n);
        if (s != null && s.dropped) {
            return;
        }
        String tag = tag((Element) n);
        boolean block = BLOCKS.contains(tag);
        if (block) {
            out.append('\n');
        } else if (tag.equals("td") || tag.equals("th")) {
            out.append(' ');
        }
        if (tag.equals("img")) {
            return;
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            write(c, stats, out);
        }
        if (block) {
            out.append('\n');
        }
    }

    /** One paragraph a line: whitespace collapsed, empty lines gone. */
    static String lines(CharSequence raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (String line : raw.toString().split("\n")) {
            String c = clean(line);
            if (!c.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void collect(Element e, List<Element> out) {
        out.add(e);
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce) {
                collect(ce, out);
            }
        }
    }

    /** A heading's text without the scripts or styles some sites put inside. */
    private static String textOf(Element e) {
        StringBuilder sb = new StringBuilder();
        appendText(e, sb);
        return sb.toString();
    }

    private static void appendText(Node n, StringBuilder sb) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE) {
                sb.append(c.getNodeValue());
            } else if (c instanceof Element ce && !tag(ce).equals("script") && !tag(ce).equals("style")) {
                if (tag(ce).equals("br")) {
                    sb.append(' ');
                }
                appendText(ce, sb);
            }
        }
    }

    private static boolean inside(Element e, String tag) {
        for (Node p = e.getParentNode(); p != null; p = p.getParentNode()) {
            if (p instanceof Element pe && tag(pe).equals(tag)) {
                return true;
            }
        }
        return false;
    }

    static String tag(Element e) {
        String name = e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
        return name.toLowerCase(Locale.ROOT);
    }

    static String clean(String s) {
        return s == null ? "" : SPACES.matcher(s).replaceAll(" ").trim();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String hostKey(String host) {
        if (host == null) {
            return "";
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    private static URI resolve(URI base, String href) {
        String h = href.trim();
        if (h.isEmpty() || h.startsWith("#")) {
            return null;
        }
        try {
            return base.resolve(h.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
