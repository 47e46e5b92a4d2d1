package com.zemo.analysis.batch;

import com.zemo.analysis.engine.AnalysisEngine;
import com.zemo.analysis.engine.morphology.Lemmatizer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One analysis engine and one lemmatizer per node: the morphology dictionaries are loaded once (tens of MB) and
 * shared; both are thread-safe.
 */
@ApplicationScoped
public class AnalysisEngines {
    private volatile AnalysisEngine engine;
    private volatile Lemmatizer lemmatizer;

    public AnalysisEngine engine() {
        AnalysisEngine e = engine;
        if (e == null) {
            synchronized (this) {
                if (engine == null) {
                    engine = new AnalysisEngine();
                }
                e = engine;
            }
        }
        return e;
    }

    public Lemmatizer lemmatizer() {
        Lemmatizer l = lemmatizer;
        if (l == null) {
            synchronized (this) {
                if (lemmatizer == null) {
                    lemmatizer = new Lemmatizer();
                }
                l = lemmatizer;
            }
        }
        return l;
    }
}
