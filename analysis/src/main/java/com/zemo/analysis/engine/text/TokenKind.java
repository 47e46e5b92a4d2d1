package com.zemo.analysis.engine.text;

/** What a token is: a word (letters, possibly with digits, hyphens, apostrophes) or a number. */
public enum TokenKind {
    WORD, NUMBER
}
