package com.zemo.jobs.boundary;

import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.jobs.control.JobService;
import com.zemo.platform.boundary.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.component.datatable.DataTable;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The jobs table: lazy paging with filters, and bulk stop/restart/cancel within the caller's rights. */
@Named
@ViewScoped
public class JobsPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient CurrentCaller current;

    @EJB
    transient JobService jobs;

    private JobLazyModel model;
    private List<JobViews.Summary> selected = new ArrayList<>();
    private LocalDate createdFrom;
    private LocalDate createdTo;

    @PostConstruct
    void init() {
        model = new JobLazyModel(jobs, () -> current.get(), this::createdRange);
    }

    /** [start, end) of the creation filter; "to" a day includes that day. A reversed range filters nothing and says so. */
    OffsetDateTime[] createdRange() {
        if (createdFrom != null && createdTo != null && createdTo.isBefore(createdFrom)) {
            return new OffsetDateTime[]{null, null};
        }
        return new OffsetDateTime[]{CreatedRange.startOf(createdFrom), CreatedRange.endOf(createdTo)};
    }

    /** The date pickers' apply: the table reloads its first page through the lazy model. */
    public void applyDates() {
        if (createdFrom != null && createdTo != null && createdTo.isBefore(createdFrom)) {
            Messages.error("jobs:createdTo", Messages.text("jobs.datesReversed"));
        }
        firstPage();
    }

    private static void firstPage() {
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent("jobs:table") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    public void clearDates() {
        createdFrom = null;
        createdTo = null;
        firstPage();
    }

    public LocalDate getCreatedFrom() {
        return createdFrom;
    }

    public void setCreatedFrom(LocalDate createdFrom) {
        this.createdFrom = createdFrom;
    }

    public LocalDate getCreatedTo() {
        return createdTo;
    }

    public void setCreatedTo(LocalDate createdTo) {
        this.createdTo = createdTo;
    }

    public JobLazyModel getModel() {
        return model;
    }

    public List<JobViews.Summary> getSelected() {
        return selected;
    }

    public void setSelected(List<JobViews.Summary> selected) {
        this.selected = selected == null ? new ArrayList<>() : selected;
    }

    public List<String> getStatuses() {
        return List.of("queued", "running", "completed", "failed", "stopped", "canceled");
    }

    public void stopSelected() {
        bulk("stop");
    }

    public void restartSelected() {
        bulk("restart");
    }

    public void cancelSelected() {
        bulk("cancel");
    }

    /** Each job on its own: one refusal (not yours, already finished) does not stop the others. */
    private void bulk(String action) {
        int done = 0;
        for (JobViews.Summary j : selected) {
            try {
                switch (action) {
                    case "stop" -> jobs.stop(current.get(), j.id());
                    case "restart" -> jobs.restart(current.get(), j.id());
                    default -> jobs.cancel(current.get(), j.id());
                }
                done++;
            } catch (RuntimeException e) {
                Messages.error(null, "#" + j.id() + ": " + Messages.describe(e));
            }
        }
        if (done > 0) {
            Messages.info("jobs.selected");
        }
        selected = new ArrayList<>();
    }
}
