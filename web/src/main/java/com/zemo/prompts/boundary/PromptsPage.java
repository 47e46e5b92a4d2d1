package com.zemo.prompts.boundary;

import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.platform.boundary.Messages;
import com.zemo.prompts.control.LineDiff;
import com.zemo.prompts.control.PromptService;
import com.zemo.prompts.entity.Prompt;
import com.zemo.prompts.entity.PromptVersion;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Prompts: my and shared prompts, the editor (every save is a new version), versions, preview with a job's data,
 * share/unshare, delete/restore. Placeholder validation is the service's: its message appears next to the body.
 */
@Named
@ViewScoped
public class PromptsPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient CurrentCaller current;

    @EJB
    transient PromptService prompts;

    private boolean deleted;
    private Long editing;
    private String title;
    private String body;
    private boolean shared;
    private Long previewJobId;
    private String preview;
    private transient List<PromptVersion> versions;
    private Integer diffFrom;
    private Integer diffTo;
    private List<LineDiff.Line> diff;

    public List<Prompt> getList() {
        return prompts.list(current.get(), deleted, 0, 200);
    }

    public void edit(long id) {
        try {
            PromptService.Detail d = prompts.get(current.get(), id);
            editing = id;
            title = d.prompt().getTitle();
            body = d.current().getBody();
            shared = d.prompt().isShared();
            versions = d.versions();
            preview = null;
            diff = null;
            diffTo = d.current().getVersion();
            diffFrom = diffTo > 1 ? diffTo - 1 : diffTo;
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    public void newPrompt() {
        editing = null;
        title = null;
        body = null;
        shared = false;
        versions = null;
        preview = null;
    }

    public void save() {
        try {
            PromptService.Draft draft = new PromptService.Draft(title, body, null, null, null, shared);
            PromptService.Detail d = editing == null ? prompts.create(current.get(), draft, current.ip())
                    : prompts.update(current.get(), editing, draft, current.ip());
            editing = d.prompt().getId();
            versions = d.versions();
            Messages.info("prompts.saved", d.current().getVersion());
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    public void toggleShared(long id, boolean share) {
        try {
            prompts.share(current.get(), id, share, current.ip());
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    public void delete(long id) {
        try {
            prompts.delete(current.get(), id, current.ip());
            if (Long.valueOf(id).equals(editing)) {
                newPrompt();
            }
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    public void restore(long id) {
        try {
            prompts.restore(current.get(), id, current.ip());
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    public void preview() {
        if (editing == null) {
            return;
        }
        try {
            preview = prompts.preview(current.get(), editing, null, previewJobId, null, Map.of()).text();
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    /** The line diff between two versions of the prompt being edited (read through the service, so its access rules apply). */
    public void compare() {
        if (editing == null || diffFrom == null || diffTo == null) {
            return;
        }
        try {
            String before = prompts.version(current.get(), editing, diffFrom).getBody();
            String after = prompts.version(current.get(), editing, diffTo).getBody();
            diff = LineDiff.of(before, after);
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    public List<Integer> getVersionNumbers() {
        return getVersions().stream().map(PromptVersion::getVersion).sorted().toList();
    }

    public List<LineDiff.Line> getDiff() { return diff; }
    public boolean isNoDifference() { return diff != null && diff.stream().allMatch(l -> l.kind() == LineDiff.Kind.SAME); }
    public Integer getDiffFrom() { return diffFrom; }
    public void setDiffFrom(Integer diffFrom) { this.diffFrom = diffFrom; }
    public Integer getDiffTo() { return diffTo; }
    public void setDiffTo(Integer diffTo) { this.diffTo = diffTo; }

    public List<PromptVersion> getVersions() {
        return versions == null ? List.of() : versions;
    }

    public boolean isDeleted() { return deleted; }
    public void setDeleted(boolean deleted) { this.deleted = deleted; }
    public Long getEditing() { return editing; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public boolean isShared() { return shared; }
    public void setShared(boolean shared) { this.shared = shared; }
    public Long getPreviewJobId() { return previewJobId; }
    public void setPreviewJobId(Long previewJobId) { this.previewJobId = previewJobId; }
    public String getPreview() { return preview; }
}
