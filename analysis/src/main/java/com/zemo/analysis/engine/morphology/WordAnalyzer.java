package com.zemo.analysis.engine.morphology;

import com.zemo.analysis.engine.Language;
import com.zemo.analysis.engine.text.TextNormalizer;
import com.zemo.analysis.engine.text.Token;
import com.zemo.analysis.engine.text.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import morfologik.speller.Speller;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * Gives the dictionary readings of a word form, with frequency classes.
 *
 * <p>{@link DictionaryLookup} and {@link Speller} are not thread-safe and reuse their
 * {@link WordData} objects, so each thread gets its own (ThreadLocal) and results are copied into
 * immutable {@link Reading}s at once. Word forms follow Zipf's law, so results are kept in a shared
 * bounded cache keyed by the normalised form: most tokens of a web page then cost one hash look-up.
 * The cache only grows to {@code cacheLimit} entries and then stops adding (no eviction needed to
 * stay bounded; frequent forms are seen first). Lemma frequency classes are cached the same way.
 */
final class WordAnalyzer {

    /** Contracted English negations whose stem is not spelled like the verb. */
    private static final Map<String, String> EN_NEGATION_STEMS = Map.of("ca", "can", "wo", "will", "sha", "shall");

    /** Lemma frequency classes kept (always on: a lemma set is small and bounded). */
    private static final int MAX_LEMMA_FREQUENCIES = 200_000;

    private final Language language;
    private final ThreadLocal<DictionaryLookup> lookup;
    private final ThreadLocal<Speller> speller;
    private final Map<String, List<Reading>> cache = new ConcurrentHashMap<>();
    private final Map<String, Integer> frequencies = new ConcurrentHashMap<>();
    private final int cacheLimit;

    WordAnalyzer(Language language, int cacheLimit) {
        this.language = language;
        this.cacheLimit = cacheLimit;
        this.lookup = ThreadLocal.withInitial(() -> new DictionaryLookup(MorphDictionaries.tagger(language)));
        this.speller = ThreadLocal.withInitial(() -> new Speller(MorphDictionaries.speller(language)));
    }

    /** Readings of a token; an empty list when the dictionary does not know the word. */
    List<Reading> readings(Token token) {
        if (token.kind() == TokenKind.NUMBER) {
            return List.of();
        }
        String key = token.norm();
        List<Reading> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        List<Reading> result = compute(token);
        if (cache.size() < cacheLimit) {
            cache.putIfAbsent(key, result);
        }
        return result;
    }

    /** Frequency class of a lemma in the speller dictionary (0 when absent). */
    int frequency(String lemma) {
        Integer f = frequencies.get(lemma);
        if (f != null) {
            return f;
        }
        Speller s = speller.get();
        int value = s.getFrequency(lemma);
        String folded = TextNormalizer.foldYo(lemma);
        if (!folded.equals(lemma)) {
            value = Math.max(value, s.getFrequency(folded));
        }
        if (value == 0 && language == Language.EN && !lemma.isEmpty()) {
            // English speller entries keep capitals for names ("London").
            String cap = Character.toUpperCase(lemma.charAt(0)) + lemma.substring(1);
            value = s.getFrequency(cap);
        }
        if (frequencies.size() < MAX_LEMMA_FREQUENCIES) {
            frequencies.putIfAbsent(lemma, value);
        }
        return value;
    }

    private List<Reading> compute(Token token) {
        String word = token.norm();
        List<Reading> readings = lookupAll(word, "");
        if (readings.isEmpty() && language == Language.EN && !word.equals(token.text())) {
            readings = lookupAll(token.text(), "");
        }
        if (readings.isEmpty() && language == Language.EN && word.indexOf('\'') > 0) {
            readings = englishContraction(word);
        }
        int hyphen = word.lastIndexOf('-');
        if (readings.isEmpty() && hyphen > 0 && hyphen < word.length() - 1) {
            // "интернет-магазина": analyse the head (last part), keep the prefix in the lemma.
            readings = lookupAll(word.substring(hyphen + 1), word.substring(0, hyphen + 1));
        }
        return readings;
    }

    private List<Reading> englishContraction(String word) {
        if (word.endsWith("n't") && word.length() > 3) {
            String stem = word.substring(0, word.length() - 3);
            return lookupAll(EN_NEGATION_STEMS.getOrDefault(stem, stem), "");
        }
        return lookupAll(word.substring(0, word.indexOf('\'')), "");
    }

    private List<Reading> lookupAll(String form, String lemmaPrefix) {
        List<WordData> data = lookup.get().lookup(form);
        if (data.isEmpty()) {
            return List.of();
        }
        // Copy at once: WordData objects are reused by the next lookup on this thread.
        List<String[]> raw = new ArrayList<>(data.size());
        for (WordData wd : data) {
            CharSequence stem = wd.getStem();
            CharSequence tag = wd.getTag();
            raw.add(new String[] {stem == null ? form : stem.toString(), tag == null ? "" : tag.toString()});
        }
        List<Reading> out = new ArrayList<>(raw.size());
        for (String[] r : raw) {
            String lemma = lemmaPrefix + TextNormalizer.foldYo(r[0].toLowerCase(java.util.Locale.ROOT));
            String tag = r[1];
            boolean duplicate = false;
            for (Reading existing : out) {
                if (existing.lemma().equals(lemma) && existing.tag().equals(tag)) {
                    duplicate = true;
                    break;
                }
            }
            if (duplicate || tag.isEmpty()) {
                continue;
            }
            Grammemes g = language == Language.RU ? TagParser.russian(tag) : TagParser.english(tag);
            int freq = frequency(lemmaPrefix.isEmpty() ? lemma : lemma.substring(lemmaPrefix.length()));
            out.add(new Reading(lemma, tag, g.pos(), freq, g));
        }
        return List.copyOf(out);
    }
}
