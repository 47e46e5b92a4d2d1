package com.zemo.legacy.importer;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A lookup of a task not yet written waits for its chunk; the answer is the one a run that wrote tasks first gives. */
class CommittedJobsTest {

    @Test
    void aTaskOfALaterChunkIsAnsweredOnceThatChunkHasCommitted() throws Exception {
        CommittedJobs jobs = new CommittedJobs(0, false, new AtomicBoolean());
        CompletableFuture<Long> task7 = CompletableFuture.supplyAsync(() -> jobs.get(7));
        CompletableFuture<Long> task3 = CompletableFuture.supplyAsync(() -> jobs.get(3));
        Thread.sleep(150);
        assertThat(task7).isNotDone();
        assertThat(task3).isNotDone();

        jobs.add(Map.of(1L, 101L, 2L, 102L, 4L, 104L)); // task 3 was quarantined: no job
        jobs.writtenUpTo(5);
        assertThat(task3.get(5, TimeUnit.SECONDS)).as("gone, not pending").isNull();
        assertThat(task7).isNotDone();

        jobs.add(Map.of(7L, 107L));
        jobs.writtenUpTo(8);
        assertThat(task7.get(5, TimeUnit.SECONDS)).isEqualTo(107L);
    }

    @Test
    void onceTasksAreCompleteAMissingTaskIsAnsweredAtOnce() {
        CommittedJobs jobs = new CommittedJobs(10, false, new AtomicBoolean());
        jobs.complete();
        assertThat(jobs.get(999)).isNull();
    }

    @Test
    void aLookupWaitingForTasksGivesUpWhenTheImportFails() {
        AtomicBoolean failed = new AtomicBoolean();
        CommittedJobs jobs = new CommittedJobs(0, false, failed);
        CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(() -> jobs.get(1));
        failed.set(true);
        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(PrefixCheckpoint.StoppedElsewhere.class);
    }
}
