package com.zemo.analysis.engine.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits Russian and English web text into words, sentences and paragraphs in one pass.
 *
 * <ul>
 *   <li>A word is a run of letters and digits; a hyphen or apostrophe between two letters/digits
 *       stays inside it ("по-русски", "интернет-магазин", "don't", "wi-fi"), so do a decimal point or
 *       comma between digits ("2,5", "1.5"). A run of digits only is a {@link TokenKind#NUMBER};
 *       mixed runs ("4k", "iphone15", "5g") are words.</li>
 *   <li>A sentence ends at . ! ? … when what follows is the end of text, a line break, or white
 *       space and then a capital letter, a digit, an opening quote or a dash, unless the word before
 *       the full stop is a known abbreviation ("г.", "ул.", "т.", "e.g."). Lower case after a
 *       full stop ("т.е. окна") does not start a sentence.</li>
 *   <li>A paragraph ends at a blank line; it also ends a sentence. Callers that already have
 *       paragraphs (headings, scraped blocks) tokenize each block separately.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class Tokenizer {

    /** Abbreviations after which a full stop does not end a sentence (lowercased, no dot). */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "г", "гг", "ул", "д", "кв", "пр", "т", "е", "др", "руб", "коп", "тыс", "млн", "млрд",
            "см", "им", "рис", "стр", "с", "обл", "р", "н", "э", "напр", "мин", "макс", "шт", "ок",
            "mr", "mrs", "ms", "dr", "st", "vs", "etc", "e", "g", "i", "inc", "ltd", "no", "approx");

    public TokenizedText tokenize(String input) {
        String text = input == null ? "" : Normalizer.normalize(input, Normalizer.Form.NFC);
        int n = text.length();
        List<Token> tokens = new ArrayList<>(Math.max(16, n / 6));
        List<Sentence> sentences = new ArrayList<>();

        int sentence = 0;
        int paragraph = 0;
        int sentenceStartChar = -1;
        int sentenceFirstToken = 0;
        boolean punct = false;
        boolean paragraphHasTokens = false;

        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int j = scanWord(text, i);
                String word = text.substring(i, j);
                if (sentenceStartChar < 0) {
                    sentenceStartChar = i;
                }
                tokens.add(new Token(word, TextNormalizer.norm(word), kindOf(word), i, j, sentence, paragraph, punct));
                paragraphHasTokens = true;
                punct = false;
                i = j;
            } else if (c == '\n' || c == '\r') {
                int j = i;
                int newlines = 0;
                int returns = 0;
                while (j < n && Character.isWhitespace(text.charAt(j))) {
                    if (text.charAt(j) == '\n') {
                        newlines++;
                    } else if (text.charAt(j) == '\r') {
                        returns++;
                    }
                    j++;
                }
                // "\n\n", "\r\n\r\n" and old "\r\r" all mark a blank line.
                if (Math.max(newlines, returns) >= 2) {
                    // Blank line: close the sentence and the paragraph.
                    if (sentenceStartChar >= 0) {
                        sentences.add(new Sentence(text.substring(sentenceStartChar, i).strip(), paragraph,
                                sentenceFirstToken, tokens.size()));
                        sentence++;
                        sentenceStartChar = -1;
                        sentenceFirstToken = tokens.size();
                    }
                    if (paragraphHasTokens) {
                        paragraph++;
                        paragraphHasTokens = false;
                    }
                } else {
                    // A single line break inside a paragraph acts like a phrase boundary.
                    punct = true;
                }
                i = j;
            } else if (c == '.' || c == '!' || c == '?' || c == '…') {
                int j = i + 1;
                while (j < n && isClosingPunct(text.charAt(j))) {
                    j++;
                }
                punct = true;
                if (sentenceStartChar >= 0 && endsSentence(text, i, j, tokens)) {
                    sentences.add(new Sentence(text.substring(sentenceStartChar, j).strip(), paragraph,
                            sentenceFirstToken, tokens.size()));
                    sentence++;
                    sentenceStartChar = -1;
                    sentenceFirstToken = tokens.size();
                }
                i = j;
            } else {
                if (!Character.isWhitespace(c)) {
                    punct = true;
                }
                i++;
            }
        }
        if (sentenceStartChar >= 0) {
            sentences.add(new Sentence(text.substring(sentenceStartChar).strip(), paragraph,
                    sentenceFirstToken, tokens.size()));
        }
        int paragraphs = tokens.isEmpty() ? 0 : (paragraphHasTokens ? paragraph + 1 : paragraph);
        return new TokenizedText(text, tokens, sentences, paragraphs);
    }

    private static int scanWord(String text, int start) {
        int n = text.length();
        int j = start;
        while (j < n) {
            char ch = text.charAt(j);
            if (Character.isLetterOrDigit(ch) || Character.getType(ch) == Character.NON_SPACING_MARK) {
                j++;
            } else if (isJoiner(ch) && j > start && j + 1 < n && Character.isLetterOrDigit(text.charAt(j + 1))) {
                if ((ch == '.' || ch == ',')
                        && !(Character.isDigit(text.charAt(j - 1)) && Character.isDigit(text.charAt(j + 1)))) {
                    break;
                }
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    private static boolean isJoiner(char ch) {
        return ch == '-' || ch == '\u2010' || ch == '\u2011' || ch == '\'' || ch == '\u2019' || ch == '.' || ch == ',';
    }

    private static boolean isClosingPunct(char ch) {
        return ch == '.' || ch == '!' || ch == '?' || ch == '…' || ch == '»' || ch == '"' || ch == ')' || ch == '\u201D';
    }

    private static TokenKind kindOf(String word) {
        for (int k = 0; k < word.length(); k++) {
            char ch = word.charAt(k);
            if (!Character.isDigit(ch) && ch != '.' && ch != ',') {
                return TokenKind.WORD;
            }
        }
        return TokenKind.NUMBER;
    }

    /** Decides whether the terminal punctuation at [dot, after) ends the sentence. */
    private static boolean endsSentence(String text, int dot, int after, List<Token> tokens) {
        int n = text.length();
        if (after >= n) {
            return true;
        }
        char first = text.charAt(dot);
        if (first == '.' && after == dot + 1 && !tokens.isEmpty()) {
            Token last = tokens.get(tokens.size() - 1);
            if (last.end() == dot && ABBREVIATIONS.contains(last.norm())) {
                return false;
            }
        }
        int k = after;
        boolean space = false;
        while (k < n && Character.isWhitespace(text.charAt(k))) {
            if (text.charAt(k) == '\n') {
                return true;
            }
            space = true;
            k++;
        }
        if (k >= n) {
            return true;
        }
        if (!space) {
            return false;
        }
        char next = text.charAt(k);
        return Character.isUpperCase(next) || Character.isDigit(next) || next == '«' || next == '"'
                || next == '\u201C' || next == '—' || next == '–' || next == '-' || next == '(' || next == '#';
    }
}
