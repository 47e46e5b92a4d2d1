package com.zemo.it;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlPasswordInput;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's form login, driven through HtmlUnit as a browser would. */
class LoginPageIT {

    private static WebClient browser() {
        return Browser.open();
    }

    private static HtmlPage signIn(WebClient web, String user, String password) throws Exception {
        return Browser.signIn(web, user, password);
    }

    @Test
    void adminSignsInAndOut() throws Exception {
        try (WebClient web = browser()) {
            HtmlPage home = signIn(web, "admin", ZemoServer.ADMIN_PASSWORD);
            assertThat(home.getUrl().getPath()).isEqualTo("/app/index.xhtml");
            // the home page in whatever language the admin's preference says: its sign-out button and the name
            assertThat(home.asNormalizedText()).contains("admin");
            assertThat(home.getElementById("shell:signout")).isNotNull();
            HtmlPage out = Browser.click(home.getHtmlElementById("shell:signout"));
            assertThat(out.getUrl().getPath()).isEqualTo("/login.xhtml");
            HtmlPage again = web.getPage(ZemoServer.get().baseUrl() + "/app/index.xhtml");
            assertThat(again.getUrl().getPath()).isEqualTo("/login.xhtml");
        }
    }

    @Test
    void wrongPasswordAndLockoutAreSaidClearly() throws Exception {
        Api.userToken("pagelock", "pagelock-pass-1", "viewer");
        try (WebClient web = browser()) {
            HtmlPage wrong = signIn(web, "pagelock", "not-the-password");
            assertThat(wrong.asNormalizedText()).contains("Wrong username or password.");
            for (int i = 0; i < 4; i++) {
                wrong = signIn(web, "pagelock", "not-the-password");
            }
            assertThat(wrong.asNormalizedText()).contains("locked");
            HtmlPage stillLocked = signIn(web, "pagelock", "pagelock-pass-1");
            assertThat(stillLocked.asNormalizedText()).contains("locked");
            assertThat(stillLocked.getUrl().getPath()).isEqualTo("/login.xhtml");
        }
    }

    @Test
    void markupInUsernamesIsEscaped() throws Exception {
        try (WebClient web = browser()) {
            HtmlPage page = signIn(web, "<script>alert(1)</script>", "whatever-pass");
            assertThat(page.asXml()).doesNotContain("<script>alert(1)</script>");
            assertThat(page.asNormalizedText()).contains("Wrong username or password.");
        }
    }
}
