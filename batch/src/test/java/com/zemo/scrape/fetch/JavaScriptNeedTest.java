package com.zemo.scrape.fetch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JavaScriptNeedTest {
    @Test
    void aPageWithTextIsNotRendered() {
        assertThat(JavaScriptNeed.reason(JavaScriptMode.AUTO, "<p>text</p><script>x()</script>", 500)).isEmpty();
    }

    @Test
    void aNearlyEmptyPageWithScriptsIs() {
        assertThat(JavaScriptNeed.reason(JavaScriptMode.AUTO, "<div id=x></div><script src=a.js></script>", 3)).isPresent();
    }

    @Test
    void aNearlyEmptyPageWithoutScriptsIsNot() {
        assertThat(JavaScriptNeed.reason(JavaScriptMode.AUTO, "<p>short</p>", 1)).isEmpty();
    }

    @Test
    void anAppShellWithSomeTextIs() {
        String html = "<header>menu</header><div id=\"root\"></div><script src=/main.js></script>";
        assertThat(JavaScriptNeed.reason(JavaScriptMode.AUTO, html, 120)).isPresent();
        assertThat(JavaScriptNeed.reason(JavaScriptMode.AUTO, "<noscript>Please enable JavaScript</noscript><script></script>", 150)).isPresent();
        assertThat(JavaScriptNeed.reason(JavaScriptMode.AUTO, html, 400)).isEmpty();
    }

    @Test
    void onAndOffOverride() {
        assertThat(JavaScriptNeed.reason(JavaScriptMode.ON, "<p>x</p>", 1000)).isPresent();
        assertThat(JavaScriptNeed.reason(JavaScriptMode.OFF, "<div id=root></div><script></script>", 0)).isEmpty();
    }
}
