package com.zemo.legacy.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void quotesWhatNeedsQuotingAndKeepsRawValuesExactly() {
        assertThat(Csv.row("tasks", "307", "parent_id", "task 999 does not exist: kept without it, legacy id recorded", "999", "flagged"))
                .isEqualTo("tasks,307,parent_id,\"task 999 does not exist: kept without it, legacy id recorded\",999,flagged\r\n");
        assertThat(Csv.row("t", "", null, "say \"hi\"", "line1\nline2", "=1+1"))
                .isEqualTo("t,,,\"say \"\"hi\"\"\",\"line1\nline2\",=1+1\r\n");
        assertThat(Csv.row(" USER3@EXAMPLE.RU", "a\rb")).isEqualTo(" USER3@EXAMPLE.RU,\"a\rb\"\r\n");
    }
}
