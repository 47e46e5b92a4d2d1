package com.zemo.analysis.batch;

import com.zemo.analysis.engine.AnalysisEngine;
import com.zemo.analysis.engine.AnalysisReport;
import com.zemo.analysis.engine.brief.Brief;
import com.zemo.analysis.engine.competitors.CompetitorOptions;
import com.zemo.analysis.engine.metrics.Heading;
import com.zemo.analysis.engine.metrics.PageContent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the analyze step reads from stored pages, and that a stored brief reads back into the engine's types. */
class StoredAnalysisTest {

    @Test
    void outlineAndMainTextAsTheScraperStoresThem() {
        assertThat(StoredPages.headings("[{\"level\":1,\"text\":\"Окна\"},{\"tag\":\"h2\",\"text\":\" Профиль \"},{\"level\":9,\"text\":\"x\"},{\"level\":2,\"text\":\"\"}]"))
                .containsExactly(new Heading(1, "Окна"), new Heading(2, "Профиль"));
        assertThat(StoredPages.headings(null)).isEmpty();
        assertThat(StoredPages.headings("{}")).isEmpty();
        assertThat(StoredPages.paragraphs("Первый абзац.\n\n  Второй абзац.\r\nТретий.\n")).containsExactly("Первый абзац.", "Второй абзац.", "Третий.");
    }

    @Test
    void urlListsFromJobParameters() {
        assertThat(AnalysisInputs.urls("[\"https://a.example/x\", \" \", \"https://b.example/\"]")).containsExactly("https://a.example/x", "https://b.example/");
        assertThat(AnalysisInputs.urls("")).isEmpty();
        assertThat(AnalysisInputs.urls(null)).isEmpty();
    }

    @Test
    void aStoredBriefReadsBackForScoring() {
        List<PageContent> pages = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pages.add(new PageContent("https://site" + i + ".example/okna", "Как выбрать пластиковые окна " + i, "Советы по выбору окон",
                    List.of(new Heading(1, "Как выбрать пластиковые окна"), new Heading(2, "Профиль и стеклопакет")),
                    List.of("Пластиковые окна выбирают по профилю, стеклопакету и фурнитуре.",
                            "Профиль с пятью камерами держит тепло лучше, а стеклопакет с энергосберегающим стеклом снижает теплопотери.",
                            "Фурнитура определяет, как долго окно прослужит без регулировки.")));
        }
        AnalysisReport report = new AnalysisEngine().analyze("пластиковые окна", "ru", pages, CompetitorOptions.DEFAULT);
        String json = AnalysisJson.toJson(report.brief());
        Brief back = AnalysisJson.fromJson(json, Brief.class);
        assertThat(back).isEqualTo(report.brief());
        assertThat(AnalysisJson.report(report, 7, Set.of(), Set.of("https://x.example/"))).contains("\"scrapeJobId\":7").contains("verdicts");
    }
}
