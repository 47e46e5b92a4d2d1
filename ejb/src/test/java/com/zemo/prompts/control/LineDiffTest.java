package com.zemo.prompts.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.zemo.prompts.control.LineDiff.Kind.ADDED;
import static com.zemo.prompts.control.LineDiff.Kind.REMOVED;
import static com.zemo.prompts.control.LineDiff.Kind.SAME;
import static org.assertj.core.api.Assertions.assertThat;

class LineDiffTest {

    private static List<String> shape(List<LineDiff.Line> diff) {
        return diff.stream().map(l -> (l.kind() == SAME ? " " : l.kind() == ADDED ? "+" : "-") + l.text()).toList();
    }

    @Test
    void equalTextsAreAllSame() {
        List<LineDiff.Line> d = LineDiff.of("a\nb\nc", "a\nb\nc\n");
        assertThat(shape(d)).containsExactly(" a", " b", " c");
        assertThat(d.get(2).oldNumber()).isEqualTo(3);
        assertThat(d.get(2).newNumber()).isEqualTo(3);
    }

    @Test
    void aChangedLineIsARemovalThenAnAddition() {
        assertThat(shape(LineDiff.of("Write about {{keyword}}\nIn 500 words\nThanks", "Write about {{keyword}}\nIn {{length}} words\nThanks")))
                .containsExactly(" Write about {{keyword}}", "-In 500 words", "+In {{length}} words", " Thanks");
    }

    @Test
    void insertionsAndDeletionsKeepTheCommonLines() {
        List<LineDiff.Line> d = LineDiff.of("a\nb\nc\nd", "a\nc\nd\ne\nf");
        assertThat(shape(d)).containsExactly(" a", "-b", " c", " d", "+e", "+f");
        LineDiff.Line added = d.get(4);
        assertThat(added.oldNumber()).isNull();
        assertThat(added.newNumber()).isEqualTo(4);
        assertThat(d.get(1).oldNumber()).isEqualTo(2);
    }

    @Test
    void theLongestCommonSubsequenceIsKept() {
        assertThat(shape(LineDiff.of("x\na\nb\nc\ny", "a\nq\nb\nc\nz")))
                .containsExactly("-x", " a", "+q", " b", " c", "-y", "+z");
    }

    @Test
    void emptyAndNullTexts() {
        assertThat(LineDiff.of(null, "")).isEmpty();
        assertThat(shape(LineDiff.of("", "one\ntwo"))).containsExactly("+one", "+two");
        assertThat(shape(LineDiff.of("one\r\ntwo", null))).containsExactly("-one", "-two");
    }

    @Test
    void lineEndingsDoNotMakeDifferences() {
        assertThat(shape(LineDiff.of("a\r\nb\r\n", "a\nb\n"))).containsExactly(" a", " b");
    }

    @Test
    void markupIsKeptAsTextForThePageToEscape() {
        assertThat(shape(LineDiff.of("<b>old</b>", "<script>alert(1)</script>"))).containsExactly("-<b>old</b>", "+<script>alert(1)</script>");
    }

    @Test
    void aHugeMiddleFallsBackToRemoveAllAddAll() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4_100; i++) {
            a.append("a").append(i).append('\n');
            b.append("b").append(i).append('\n');
        }
        List<LineDiff.Line> d = LineDiff.of(a.toString(), b.toString());
        assertThat(d).hasSize(8_200);
        assertThat(d.get(0).kind()).isEqualTo(REMOVED);
        assertThat(d.get(8_199).kind()).isEqualTo(ADDED);
    }
}
