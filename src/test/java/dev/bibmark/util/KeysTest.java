package dev.bibmark.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KeysTest {
    @Test
    void validKeysHaveNoInvalidCharacters() {
        for (String k : new String[] {"vaswani2017attention", "a:b/c-d_e.f+g", "müller2020", "ключ", "a\"b", "鍵"}) {
            assertEquals("", Keys.invalidChars(k), k);
        }
    }

    /** Found by QA: control characters and invisible ones (pasted with a key) passed. */
    @Test
    void whitespaceBadCharactersControlAndInvisibleCharacters() {
        assertEquals("',', whitespace", Keys.invalidChars("a,b c\td"));
        assertEquals("a control character", Keys.invalidChars("k\u0001ey"));
        assertEquals("a control character", Keys.invalidChars("k\u007fey"));
        assertEquals("an invisible U+200B", Keys.invalidChars("a\u200Bb"));
        assertEquals("an invisible U+FEFF, an invisible U+2060", Keys.invalidChars("\uFEFFa\u2060"));
        assertEquals("whitespace", Keys.invalidChars("a\u00A0b"));
        assertEquals("'%', '~', '\\'", Keys.invalidChars("a%b~c\\d"));
    }
}
