package dev.bibmark.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines (Myers' algorithm), with three lines of context, in the format
 * {@code git apply} and {@code patch -p1} read. Used by {@code bibmark check --fix --dry-run}.
 */
final class UnifiedDiff {
    private static final int CONTEXT = 3;
    /** Beyond this many differing lines the middle is shown as one replacement instead of searched. */
    private static final int MAX_EDIT_DISTANCE = 1000;

    private UnifiedDiff() {}

    private enum Op { SAME, DEL, ADD }

    private record Line(Op op, String text) {}

    /** The diff of {@code before} and {@code after}, "" when they are equal; {@code path} as displayed. */
    static String of(String path, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Line> script = script(a, b);
        StringBuilder out = new StringBuilder();
        // Relative paths get git's a/ and b/ (for git apply and patch -p1); absolute ones are written as they are.
        boolean absolute = path.startsWith("/") || path.matches("^[A-Za-z]:[/\\\\].*");
        out.append(absolute ? "--- " : "--- a/").append(path).append('\n')
                .append(absolute ? "+++ " : "+++ b/").append(path).append('\n');
        int i = 0;
        while (i < script.size()) {
            if (script.get(i).op() == Op.SAME) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // Extend the hunk while the next change is within 2 * CONTEXT unchanged lines.
            int j = i;
            while (j < script.size()) {
                if (script.get(j).op() != Op.SAME) {
                    end = j + 1;
                    j++;
                    continue;
                }
                int k = j;
                while (k < script.size() && script.get(k).op() == Op.SAME) {
                    k++;
                }
                if (k < script.size() && k - j <= 2 * CONTEXT) {
                    j = k;
                } else {
                    break;
                }
            }
            end = Math.min(script.size(), end + CONTEXT);
            hunk(out, script, start, end);
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Line> script, int start, int end) {
        int oldLine = 1;
        int newLine = 1;
        for (int k = 0; k < start; k++) {
            Op op = script.get(k).op();
            if (op != Op.ADD) {
                oldLine++;
            }
            if (op != Op.DEL) {
                newLine++;
            }
        }
        int oldCount = 0;
        int newCount = 0;
        for (int k = start; k < end; k++) {
            Op op = script.get(k).op();
            oldCount += op != Op.ADD ? 1 : 0;
            newCount += op != Op.DEL ? 1 : 0;
        }
        out.append("@@ -").append(range(oldLine, oldCount)).append(" +").append(range(newLine, newCount))
                .append(" @@\n");
        for (int k = start; k < end; k++) {
            Line l = script.get(k);
            out.append(switch (l.op()) {
                case SAME -> ' ';
                case DEL -> '-';
                case ADD -> '+';
            });
            String text = l.text();
            if (text.endsWith("\n")) {
                out.append(text);
            } else {
                out.append(text).append("\n\\ No newline at end of file\n");
            }
        }
    }

    /** "l,n", with the line before the hunk for an empty side, as diff writes it. */
    private static String range(int line, int count) {
        return count == 0 ? (line - 1) + ",0" : count == 1 ? String.valueOf(line) : line + "," + count;
    }

    /** Lines with their terminators; the last one may lack it. */
    static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                out.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return out;
    }

    private static List<Line> script(List<String> a, List<String> b) {
        int pre = 0;
        while (pre < a.size() && pre < b.size() && a.get(pre).equals(b.get(pre))) {
            pre++;
        }
        int suf = 0;
        while (suf < a.size() - pre && suf < b.size() - pre
                && a.get(a.size() - 1 - suf).equals(b.get(b.size() - 1 - suf))) {
            suf++;
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < pre; i++) {
            out.add(new Line(Op.SAME, a.get(i)));
        }
        List<String> ma = a.subList(pre, a.size() - suf);
        List<String> mb = b.subList(pre, b.size() - suf);
        List<Line> middle = myers(ma, mb);
        if (middle == null) {
            ma.forEach(l -> out.add(new Line(Op.DEL, l)));
            mb.forEach(l -> out.add(new Line(Op.ADD, l)));
        } else {
            out.addAll(middle);
        }
        for (int i = a.size() - suf; i < a.size(); i++) {
            out.add(new Line(Op.SAME, a.get(i)));
        }
        return out;
    }

    /** Myers' shortest edit script, or null when the distance exceeds the limit. */
    private static List<Line> myers(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = Math.min(n + m, MAX_EDIT_DISTANCE);
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x;
                if (k == -d || k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1];
                } else {
                    x = v[offset + k - 1] + 1;
                }
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        if (found < 0) {
            return null;
        }
        List<Line> rev = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d > 0; d--) {
            int[] vd = trace.get(d);
            int k = x - y;
            int prevK = k == -d || k != d && vd[offset + k - 1] < vd[offset + k + 1] ? k + 1 : k - 1;
            int prevX = vd[offset + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                rev.add(new Line(Op.SAME, a.get(--x)));
                y--;
            }
            if (x == prevX) {
                rev.add(new Line(Op.ADD, b.get(--y)));
            } else {
                rev.add(new Line(Op.DEL, a.get(--x)));
            }
        }
        while (x > 0 && y > 0) {
            rev.add(new Line(Op.SAME, a.get(--x)));
            y--;
        }
        List<Line> out = new ArrayList<>(rev.size());
        for (int i = rev.size() - 1; i >= 0; i--) {
            out.add(rev.get(i));
        }
        return out;
    }
}
