package com.zemo.prompts.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A line diff of two texts by longest common subsequence: what stayed, what was removed from the old text, what
 * was added in the new one, in reading order. Prompts are short (at most {@link PromptService#MAX_BODY}
 * characters); beyond {@link #MAX_CELLS} table cells the middle is shown as one removal and one addition rather
 * than spending quadratic memory. Pure logic, unit-tested.
 */
public final class LineDiff {
    /** About 16 MB of ints: 4,000 × 4,000 lines after the common head and tail are cut off. */
    static final long MAX_CELLS = 16_000_000L;

    public enum Kind { SAME, REMOVED, ADDED }

    public record Line(Kind kind, String text, Integer oldNumber, Integer newNumber) {
    }

    private LineDiff() {
    }

    public static List<Line> of(String oldText, String newText) {
        List<String> a = lines(oldText);
        List<String> b = lines(newText);
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            out.add(new Line(Kind.SAME, a.get(i), i + 1, i + 1));
        }
        middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail), head, out);
        for (int k = tail; k > 0; k--) {
            int i = a.size() - k;
            int j = b.size() - k;
            out.add(new Line(Kind.SAME, a.get(i), i + 1, j + 1));
        }
        return out;
    }

    private static void middle(List<String> a, List<String> b, int offset, List<Line> out) {
        int n = a.size();
        int m = b.size();
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                out.add(new Line(Kind.REMOVED, a.get(i), offset + i + 1, null));
            }
            for (int j = 0; j < m; j++) {
                out.add(new Line(Kind.ADDED, b.get(j), null, offset + j + 1));
            }
            return;
        }
        // lcs[i][j]: length of the LCS of a[i..] and b[j..]
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(new Line(Kind.SAME, a.get(i), offset + i + 1, offset + j + 1));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                if (i < n && lcs[i][j + 1] == lcs[i + 1][j]) {
                    // a tie: removals first, as diff tools show them
                    out.add(new Line(Kind.REMOVED, a.get(i), offset + i + 1, null));
                    i++;
                } else {
                    out.add(new Line(Kind.ADDED, b.get(j), null, offset + j + 1));
                    j++;
                }
            } else {
                out.add(new Line(Kind.REMOVED, a.get(i), offset + i + 1, null));
                i++;
            }
        }
    }

    /** Lines without their terminators; "\r\n", "\n" and "\r" all end a line; an empty text has no lines. */
    static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>(List.of(text.split("\r\n|\n|\r", -1)));
        if (out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1); // the text ended with a line break
        }
        return out;
    }
}
