package com.zemo.ops.control;

import com.zemo.platform.ZemoException;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobLogExportTest {
    private static final String[] ROW = {"7", "2026-11-28T16:00Z", "42", "demo", "completed", null, "INFO", "read", "n1",
            "said \"hi\", then\nleft"};

    @Test
    void csvQuotesWhatNeedsQuotingAndLeavesNullsEmpty() throws Exception {
        StringWriter w = new StringWriter();
        JobLogExport.csvLine(w, ROW);
        assertThat(w.toString()).isEqualTo("7,2026-11-28T16:00Z,42,demo,completed,,INFO,read,n1,\"said \"\"hi\"\", then\nleft\"\r\n");
    }

    @Test
    void jsonLinesAreOneObjectPerLineWithNumericIds() throws Exception {
        StringWriter w = new StringWriter();
        JobLogExport.jsonLine(w, ROW);
        assertThat(w.toString()).isEqualTo("{\"log_id\":7,\"at\":\"2026-11-28T16:00Z\",\"job_id\":42,\"job_type\":\"demo\",\"job_status\":\"completed\","
                + "\"request_id\":null,\"level\":\"INFO\",\"step\":\"read\",\"node\":\"n1\",\"message\":\"said \\\"hi\\\", then\\nleft\"}\n");
    }

    @Test
    void formatIsCsvOrJsonLines() {
        assertThat(JobLogExport.format(null)).isEqualTo(JobLogExport.Format.JSONL);
        assertThat(JobLogExport.format("CSV")).isEqualTo(JobLogExport.Format.CSV);
        assertThatThrownBy(() -> JobLogExport.format("xml")).isInstanceOf(ZemoException.class);
    }
}
