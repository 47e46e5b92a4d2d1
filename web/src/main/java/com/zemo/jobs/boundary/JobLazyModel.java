package com.zemo.jobs.boundary;

import com.zemo.identity.control.Caller;
import com.zemo.jobs.control.JobService;
import com.zemo.jobs.entity.JobStatus;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Server-side paging, sorting and filtering of the jobs table: one page of rows and a cached total per request. */
public class JobLazyModel extends LazyDataModel<JobViews.Summary> {
    private static final long serialVersionUID = 1L;

    private final transient JobService jobs;
    private final transient Supplier<Caller> caller;
    private final transient Supplier<OffsetDateTime[]> created;

    /** @param created the creation range the page's date pickers set, [start, end) with either end null */
    JobLazyModel(JobService jobs, Supplier<Caller> caller, Supplier<OffsetDateTime[]> created) {
        this.jobs = jobs;
        this.caller = caller;
        this.created = created;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, jobs.count(caller.get(), filter(filterBy, created.get())));
    }

    @Override
    public List<JobViews.Summary> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return jobs.summaries(caller.get(), filter(filterBy, created.get()), sort(sortBy), first, pageSize).stream().map(JobViews.Summary::of).toList();
    }

    @Override
    public String getRowKey(JobViews.Summary row) {
        return Long.toString(row.id());
    }

    @Override
    public JobViews.Summary getRowData(String rowKey) {
        List<JobViews.Summary> page = getWrappedData();
        return page == null ? null : page.stream().filter(j -> Long.toString(j.id()).equals(rowKey)).findFirst().orElse(null);
    }

    /** The table's column filters plus the creation range, all applied in the jobs query (never on a loaded page). */
    static JobService.Filter filter(Map<String, FilterMeta> filterBy, OffsetDateTime[] created) {
        String type = value(filterBy, "type");
        String status = value(filterBy, "status");
        String owner = value(filterBy, "ownerId");
        JobStatus st = null;
        if (status != null) {
            try {
                st = JobStatus.fromDb(status);
            } catch (RuntimeException e) {
                st = null;
            }
        }
        Long ownerId = null;
        if (owner != null && owner.matches("\\d{1,18}")) {
            ownerId = Long.parseLong(owner);
        }
        OffsetDateTime from = created == null ? null : created[0];
        OffsetDateTime to = created == null ? null : created[1];
        return new JobService.Filter(type, st, ownerId, from, to);
    }

    private static String value(Map<String, FilterMeta> filterBy, String field) {
        FilterMeta f = filterBy == null ? null : filterBy.get(field);
        Object v = f == null ? null : f.getFilterValue();
        return v == null || v.toString().isBlank() ? null : v.toString().strip();
    }

    static JobService.Sort sort(Map<String, SortMeta> sortBy) {
        if (sortBy == null || sortBy.isEmpty()) {
            return JobService.Sort.CREATED_DESC;
        }
        SortMeta s = sortBy.values().iterator().next();
        boolean asc = s.getOrder() == SortOrder.ASCENDING;
        return "id".equals(s.getField())
                ? (asc ? JobService.Sort.ID_ASC : JobService.Sort.ID_DESC)
                : (asc ? JobService.Sort.CREATED_ASC : JobService.Sort.CREATED_DESC);
    }
}
