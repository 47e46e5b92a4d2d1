package com.zemo.it;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlPasswordInput;
import org.htmlunit.html.HtmlTextInput;

import static org.assertj.core.api.Assertions.assertThat;

/** HtmlUnit as a browser on the dashboard: JavaScript on (PrimeFaces), CSS off, failing statuses returned. */
final class Browser {
    private Browser() {
    }

    static WebClient open() {
        WebClient web = new WebClient();
        web.getOptions().setThrowExceptionOnFailingStatusCode(false);
        web.getOptions().setCssEnabled(false);
        web.getOptions().setJavaScriptEnabled(true);
        web.getOptions().setThrowExceptionOnScriptError(false);
        web.getOptions().setTimeout(30_000);
        return web;
    }

    static HtmlPage signIn(WebClient web, String user, String password) throws Exception {
        HtmlPage login = web.getPage(ZemoServer.get().baseUrl() + "/app/index.xhtml");
        assertThat(login.getUrl().getPath()).isEqualTo("/login.xhtml");
        login.<HtmlTextInput>getHtmlElementById("login:username").type(user);
        login.<HtmlPasswordInput>getHtmlElementById("login:password").type(password);
        return click(login.getHtmlElementById("login:submit"));
    }

    static HtmlPage click(HtmlElement e) throws Exception {
        return e instanceof HtmlButton b ? b.click() : e.click();
    }

    /** A page once its start-up scripts have run: PrimeFaces builds widgets after load, and XPath over a DOM in change fails. */
    static HtmlPage get(WebClient web, String path) throws Exception {
        HtmlPage page = web.getPage(ZemoServer.get().baseUrl() + path);
        web.waitForBackgroundJavaScript(2_000);
        return (HtmlPage) web.getCurrentWindow().getEnclosedPage();
    }

    /**
     * The first match of {@code xpath}, or null. HtmlUnit throws "Could not retrieve XPath" when a background script
     * changes the DOM during the evaluation (seen on a loaded CI machine); the query is then taken again.
     */
    static <T> T first(HtmlPage page, String xpath) {
        for (int attempt = 1; ; attempt++) {
            try {
                return page.getFirstByXPath(xpath);
            } catch (RuntimeException e) {
                if (attempt == 5) {
                    throw e;
                }
                page.getEnclosingWindow().getWebClient().waitForBackgroundJavaScript(500);
            }
        }
    }
}
