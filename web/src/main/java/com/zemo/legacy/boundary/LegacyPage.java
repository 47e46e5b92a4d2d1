package com.zemo.legacy.boundary;

import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.jobs.boundary.JobViews;
import com.zemo.jobs.control.JobService;
import com.zemo.jobs.control.JobTypes;
import com.zemo.jobs.entity.Job;
import com.zemo.legacy.control.LegacyMigrationService;
import com.zemo.platform.boundary.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** Admin page of the legacy migration: start an import (full, delta, dry run) or an export; follow them. */
@Named
@RequestScoped
public class LegacyPage {

    @Inject
    CurrentCaller current;

    @EJB
    LegacyMigrationService legacy;

    @EJB
    JobService jobs;

    private String path;
    private String mode = "full";
    private boolean dryRun;
    private String exportPath;

    public String startImport() {
        try {
            Job j = legacy.submitImport(current.get(), path, mode, dryRun);
            return "/app/job.xhtml?faces-redirect=true&id=" + j.getId();
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
    }

    public String startExport() {
        try {
            Job j = legacy.submitExport(current.get(), exportPath);
            return "/app/job.xhtml?faces-redirect=true&id=" + j.getId();
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
    }

    public List<JobViews.Summary> getImports() {
        return recent(JobTypes.LEGACY_IMPORT);
    }

    public List<JobViews.Summary> getExports() {
        return recent(JobTypes.LEGACY_EXPORT);
    }

    private List<JobViews.Summary> recent(String type) {
        return jobs.list(current.get(), new JobService.Filter(type, null, null, null, null), JobService.Sort.CREATED_DESC, 0, 20)
                .stream().map(JobViews.Summary::of).toList();
    }

    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public boolean isDryRun() { return dryRun; }
    public void setDryRun(boolean dryRun) { this.dryRun = dryRun; }
    public String getExportPath() { return exportPath; }
    public void setExportPath(String exportPath) { this.exportPath = exportPath; }
}
