package com.zemo.scrape.fetch;

/** Generated "ordinary" pages for the benchmark: an article of about 900 words with site chrome around it. */
final class BenchPages {
    private static final String[] RU = {"окно", "профиль", "стеклопакет", "монтаж", "фурнитура", "подоконник", "откос",
            "утепление", "камера", "рама", "створка", "уплотнитель", "замер", "доставка", "гарантия"};
    private static final String[] EN = {"window", "profile", "glazing", "installation", "hardware", "sill", "frame",
            "insulation", "chamber", "sash", "seal", "measurement", "delivery", "warranty", "price"};

    private BenchPages() {
    }

    static String article(int n, boolean russian) {
        String[] words = russian ? RU : EN;
        StringBuilder sb = new StringBuilder(24_000);
        sb.append("<!DOCTYPE html><html><head>")
                .append(russian ? "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">" : "<meta charset=\"utf-8\">")
                .append("<title>Page ").append(n).append("</title><meta name=\"description\" content=\"Fixture page ").append(n)
                .append("\"><script>var analytics = 1;</script></head><body><header><nav><ul>");
        for (int i = 0; i < 12; i++) {
            sb.append("<li><a href=\"/section/").append(i).append("\">Section ").append(i).append("</a></li>");
        }
        sb.append("</ul></nav></header><main><article><h1>Article ").append(n).append("</h1>");
        int w = n;
        for (int s = 0; s < 6; s++) {
            sb.append("<h2>Part ").append(s + 1).append("</h2>");
            for (int p = 0; p < 3; p++) {
                sb.append("<p>");
                for (int k = 0; k < 50; k++) {
                    sb.append(words[(w = w * 31 + 7 & 0x7fffffff) % words.length]).append(k % 12 == 11 ? ". " : " ");
                }
                sb.append("<a href=\"https://example.org/ref/").append(s).append("\">ref</a></p>");
            }
            sb.append("<img src=\"/img/").append(n).append('-').append(s).append(".jpg\" alt=\"picture ").append(s).append("\">");
        }
        sb.append("</article></main><aside><ul>");
        for (int i = 0; i < 20; i++) {
            sb.append("<li><a href=\"/page/").append(i).append("\">Related ").append(i).append("</a></li>");
        }
        sb.append("</ul></aside><footer><p>Footer text</p></footer></body></html>");
        return sb.toString();
    }

    static String spa(int n) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>App " + n + "</title></head><body><div id=\"root\"></div>"
                + "<script>var h='<h1>App page " + n + "</h1>';for(var i=0;i<40;i++){h+='<p>Rendered paragraph '+i+' of a client side application with enough words to count.</p>';}"
                + "document.getElementById('root').innerHTML=h;</script></body></html>";
    }
}
