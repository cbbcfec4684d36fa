package dev.bibmark.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EditTest {
    @Test
    void appliesInAnyOrder() {
        String text = "abcdef";
        List<Edit> edits = List.of(new Edit(new TextRange(4, 5), "E"), Edit.insert(0, ">"), Edit.delete(new TextRange(1, 3)));
        assertEquals(">adEf", Edit.apply(text, edits));
    }

    @Test
    void insertsAtOneOffsetKeepTheirOrder() {
        assertEquals("a12b", Edit.apply("ab", List.of(Edit.insert(1, "1"), Edit.insert(1, "2"))));
    }

    @Test
    void refusesOverlapsAndOutOfRange() {
        assertThrows(IllegalArgumentException.class,
                () -> Edit.apply("abcdef", List.of(Edit.delete(new TextRange(0, 3)), Edit.delete(new TextRange(2, 4)))));
        assertThrows(IllegalArgumentException.class, () -> Edit.apply("ab", List.of(Edit.delete(new TextRange(1, 5)))));
    }
}
