package dev.bibmark.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bibmark.model.Document;
import dev.bibmark.text.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class InlayHintsTest {
    private static final String WS = """
            //- notes.md
            See [@devlin2018; @vaswani2017], \\cite{long2020} and @unknown.
            Later @shorty.
            //- refs.bib
            @article{devlin2018, title = {{BERT}: Pre-training of Deep Bidirectional Transformers}, author = {Devlin, Jacob}, year = 2018}
            @article{vaswani2017, title = {Attention is all you need}}
            @article{long2020, title = {A very long title about many things that goes on and on}}
            @article{shorty, title = {Whatever}, shorttitle = {Short}}
            """;

    private static List<String> hints(Document d, TextRange visible, List<Document> ws) {
        return InlayHints.of(d, visible, ws).stream()
                .map(h -> d.text().substring(Math.max(0, h.offset() - 6), h.offset()) + "|" + h.label()).toList();
    }

    @Test
    void shortTitleAfterEachKnownCitation() {
        Fixture f = Fixture.of(WS);
        assertEquals(List.of(
                "in2018|BERT",
                "ni2017|Attention is all you need",
                "ng2020|A very long title about many things…",
                "shorty|Short"), hints(f.doc("notes.md"), null, f.docs()));
        InlayHints.Hint bert = InlayHints.of(f.doc("notes.md"), null, f.docs()).get(0);
        assertEquals("BERT: Pre-training of Deep Bidirectional Transformers · Jacob Devlin · 2018", bert.tooltip());
    }

    @Test
    void onlyTheVisibleRangeAndNoneForDefinitionsOrUnknownKeys() {
        Fixture f = Fixture.of(WS);
        Document notes = f.doc("notes.md");
        int line2 = notes.lines().lineStart(1);
        assertEquals(List.of("shorty|Short"), hints(notes, new TextRange(line2, notes.text().length()), f.docs()));
        assertEquals(List.of(), hints(f.doc("refs.bib"), null, f.docs()));
    }
}
