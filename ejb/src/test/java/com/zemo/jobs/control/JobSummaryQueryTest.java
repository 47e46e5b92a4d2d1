package com.zemo.jobs.control;

import com.zemo.identity.control.Caller;
import com.zemo.identity.entity.Role;
import com.zemo.jobs.entity.JobStatus;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JobSummaryQueryTest {
    private static final Caller EDITOR = new Caller(7, "ed", Set.of(Role.EDITOR), null);
    private static final Caller OPERATOR = new Caller(1, "op", Set.of(Role.OPERATOR), null);
    private static final JobService.Filter NONE = new JobService.Filter(null, null, null, null, null);

    @Test
    void aUserReadsOnlyTheirOwnJobsWhateverOwnerTheyAskFor() {
        JobSummaryQuery q = new JobSummaryQuery(EDITOR, new JobService.Filter(null, null, 99L, null, null), JobService.Sort.CREATED_DESC, 40, 20);
        assertEquals("SELECT id, type, status, owner_id, progress_done, progress_total, current_step, node, attempts, created_at, "
                + "started_at, finished_at, error FROM jobs WHERE owner_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", q.sql());
        assertEquals(List.of(7L, 20, 40), q.params());
    }

    @Test
    void anOperatorSeesAllOrTheOwnerAskedFor() {
        assertEquals(List.of(20, 0), new JobSummaryQuery(OPERATOR, NONE, JobService.Sort.ID_ASC, 0, 20).params());
        JobSummaryQuery q = new JobSummaryQuery(OPERATOR, new JobService.Filter(null, null, 99L, null, null), JobService.Sort.ID_ASC, 0, 20);
        assertEquals(List.of(99L, 20, 0), q.params());
    }

    @Test
    void everyFilterBindsAParameterInOrder() {
        OffsetDateTime from = OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime to = from.plusDays(30);
        JobSummaryQuery q = new JobSummaryQuery(OPERATOR, new JobService.Filter("demo", JobStatus.FAILED, 3L, from, to),
                JobService.Sort.CREATED_ASC, 0, 50);
        assertEquals(" WHERE owner_id = ? AND type = ? AND status = ? AND created_at >= ? AND created_at < ? "
                + "ORDER BY created_at ASC, id ASC LIMIT ? OFFSET ?", q.sql().substring(q.sql().indexOf(" WHERE")));
        assertEquals(List.of(3L, "demo", "failed", from, to, 50, 0), q.params());
    }
}
