package com.zemo.analysis.engine.morphology;

import com.zemo.analysis.engine.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Logger;
import morfologik.stemming.Dictionary;

/**
 * Loads the LanguageTool dictionaries once per JVM (class-holder idiom: lazy, thread-safe, no locks
 * after start-up). {@link Dictionary} is immutable and shared; the lookups built on it are not
 * (see {@link WordAnalyzer}).
 *
 * <p>Resources are read through this class's loader with {@link Dictionary#read(InputStream, InputStream)},
 * which works inside an application server where the dictionary jars sit in the same deployment.
 * Paths (checked inside the jars):
 * <ul>
 *   <li>{@code language-ru}: {@code /org/languagetool/resource/ru/russian.dict} (+ .info) and the
 *       speller {@code /org/languagetool/resource/ru/hunspell/ru_RU.dict} with frequency classes;</li>
 *   <li>{@code english-pos-dict} (which {@code language-en} depends on; language-en itself holds no
 *       dictionary): {@code /org/languagetool/resource/en/english.dict} and
 *       {@code /org/languagetool/resource/en/hunspell/en_US.dict}.</li>
 * </ul>
 */
final class MorphDictionaries {

    private static final Logger LOG = Logger.getLogger(MorphDictionaries.class.getName());

    private MorphDictionaries() {
    }

    static Dictionary tagger(Language language) {
        return language == Language.RU ? Russian.TAGGER : English.TAGGER;
    }

    static Dictionary speller(Language language) {
        return language == Language.RU ? Russian.SPELLER : English.SPELLER;
    }

    private static final class Russian {
        static final Dictionary TAGGER = load("/org/languagetool/resource/ru/russian");
        static final Dictionary SPELLER = load("/org/languagetool/resource/ru/hunspell/ru_RU");
    }

    private static final class English {
        static final Dictionary TAGGER = load("/org/languagetool/resource/en/english");
        static final Dictionary SPELLER = load("/org/languagetool/resource/en/hunspell/en_US");
    }

    private static Dictionary load(String base) {
        long t0 = System.nanoTime();
        try (InputStream fsa = open(base + ".dict"); InputStream info = open(base + ".info")) {
            Dictionary d = Dictionary.read(fsa, info);
            LOG.fine(() -> String.format("Loaded %s in %d ms", base, (System.nanoTime() - t0) / 1_000_000));
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read morphology dictionary " + base, e);
        }
    }

    private static InputStream open(String path) throws IOException {
        InputStream in = MorphDictionaries.class.getResourceAsStream(path);
        if (in == null) {
            throw new IOException("Missing resource " + path
                    + " (is the LanguageTool dictionary jar on the classpath?)");
        }
        return in;
    }
}
