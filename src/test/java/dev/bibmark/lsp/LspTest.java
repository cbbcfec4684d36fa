package dev.bibmark.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LspTest {
    /** Link targets are URIs: what a URI cannot hold is percent-encoded (found by QA: passed through raw). */
    @Test
    void linkTargetsAreValidUris() {
        String plain = "https://arxiv.org/abs/1706.03762";
        assertSame(plain, Lsp.uriText(plain));
        assertEquals("https://example.com/%F0%9F%98%80x", Lsp.uriText("https://example.com/\ud83d\ude00x"));
        assertEquals("https://example.com/a%20b%C3%BC?q=%7Bx%7D&r=50%25", Lsp.uriText("https://example.com/a b\u00fc?q={x}&r=50%25"));
        for (String s : new String[] {"https://example.com/\ud83d\ude00x", "https://e.org/a b|c\"d<e>^`\\"}) {
            URI.create(Lsp.uriText(s)); // parses
        }
    }
}
