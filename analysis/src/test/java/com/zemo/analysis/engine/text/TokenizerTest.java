package com.zemo.analysis.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private final Tokenizer tokenizer = new Tokenizer();

    @Test
    void keepsHyphenatedWordsYoDecimalsAndContractions() {
        TokenizedText t = tokenizer.tokenize("Ещё раз: интернет-магазин продаёт Wi-Fi роутеры по 2,5 тыс. руб. Don't wait!");
        List<String> words = t.tokens().stream().map(Token::text).toList();
        assertThat(words).containsExactly("Ещё", "раз", "интернет-магазин", "продаёт", "Wi-Fi", "роутеры", "по",
                "2,5", "тыс", "руб", "Don't", "wait");
        assertThat(t.tokens().get(0).norm()).isEqualTo("еще");
        assertThat(t.tokens().get(7).kind()).isEqualTo(TokenKind.NUMBER);
        assertThat(t.tokens().get(4).norm()).isEqualTo("wi-fi");
    }

    @Test
    void splitsSentencesButNotAbbreviationsOrLowercaseAfterDot() {
        TokenizedText t = tokenizer.tokenize("Окна ставят в г. Москва и т.д. быстро. Это удобно! А вы знали? Да.");
        assertThat(t.sentences()).extracting(Sentence::text)
                .containsExactly("Окна ставят в г. Москва и т.д. быстро.", "Это удобно!", "А вы знали?", "Да.");
        assertThat(t.sentences().get(2).isQuestion()).isTrue();
    }

    @Test
    void paragraphsAreSeparatedByBlankLines() {
        TokenizedText t = tokenizer.tokenize("Первый абзац, строка одна\nстрока два\n\n\nВторой абзац.\r\n\r\nТретий");
        assertThat(t.paragraphCount()).isEqualTo(3);
        assertThat(t.tokens().get(t.tokens().size() - 1).paragraph()).isEqualTo(2);
        assertThat(t.sentences()).hasSize(3);
    }

    @Test
    void punctuationBetweenWordsIsMarked() {
        TokenizedText t = tokenizer.tokenize("окна, двери (рамы)");
        assertThat(t.tokens()).extracting(Token::punctBefore).containsExactly(false, true, true);
    }

    @Test
    void emptyAndNullInput() {
        assertThat(tokenizer.tokenize(null).tokens()).isEmpty();
        assertThat(tokenizer.tokenize("  \n\n ").paragraphCount()).isZero();
    }
}
