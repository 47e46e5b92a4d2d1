package com.zemo.analysis.boundary;

import com.zemo.analysis.control.AnalysisService;
import com.zemo.analysis.engine.score.ContentScore;
import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.platform.boundary.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** Score a text against a brief; the page re-scores as the writer types (debounced ajax). */
@Named
@ViewScoped
public class ScorePage implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int RECENT = 50;

    @Inject
    transient CurrentCaller current;

    @EJB
    transient AnalysisService analyses;

    private Long analysisId;
    private String text;
    private String title;
    private transient ContentScore score;
    private List<AnalysisService.Recent> recent;

    /** The caller's recent analyses to pick a brief from (the id field still takes any analysis the caller may see). */
    public List<AnalysisService.Recent> getRecent() {
        if (recent == null) {
            try {
                recent = analyses.recent(current.get(), RECENT);
            } catch (RuntimeException e) {
                recent = List.of();
                Messages.failure(e);
            }
        }
        return recent;
    }

    /** The picker's change: the id field follows, and a text already typed is scored against the new brief. */
    public void picked() {
        rescore();
    }

    public void rescore() {
        score = null;
        if (analysisId == null || text == null || text.isBlank()) {
            return;
        }
        try {
            score = analyses.score(current.get(), analysisId, text, title);
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    public ContentScore getScore() { return score; }
    public Long getAnalysisId() { return analysisId; }
    public void setAnalysisId(Long analysisId) { this.analysisId = analysisId; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
}
