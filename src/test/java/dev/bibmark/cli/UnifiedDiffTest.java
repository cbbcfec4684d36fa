package dev.bibmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
    @Test
    void equalTextsGiveNothing() {
        assertEquals("", UnifiedDiff.of("a.md", "x\n", "x\n"));
    }

    @Test
    void oneHunkWithContext() {
        String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assertEquals("--- a/a.md\n+++ b/a.md\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
                UnifiedDiff.of("a.md", a, b));
    }

    @Test
    void nearbyChangesShareAHunkAndFarOnesDoNot() {
        StringBuilder a = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            a.append(i).append('\n');
        }
        String b = a.toString().replace("\n3\n", "\n3\nthree\n").replace("\n8\n", "\n").replace("\n25\n", "\n25b\n");
        String d = UnifiedDiff.of("x", a.toString(), b);
        assertEquals("""
                --- a/x
                +++ b/x
                @@ -1,11 +1,11 @@
                 1
                 2
                 3
                +three
                 4
                 5
                 6
                 7
                -8
                 9
                 10
                 11
                @@ -22,7 +22,7 @@
                 22
                 23
                 24
                -25
                +25b
                 26
                 27
                 28
                """, d);
    }

    @Test
    void insertionIntoAnEmptyTextAndMissingFinalNewline() {
        assertEquals("--- a/x\n+++ b/x\n@@ -0,0 +1 @@\n+a\n", UnifiedDiff.of("x", "", "a\n"));
        assertEquals("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a}\n\\ No newline at end of file\n",
                UnifiedDiff.of("x", "a", "a}"));
    }
}
