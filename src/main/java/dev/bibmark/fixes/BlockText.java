package dev.bibmark.fixes;

import dev.bibmark.bibtex.BibFile;
import dev.bibmark.bibtex.BibParser;
import dev.bibmark.markdown.EmbeddedText;
import dev.bibmark.model.Block;
import dev.bibmark.model.Document;
import dev.bibmark.text.Edit;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * The BibTeX text of one block as the parser sees it, with the inverse of {@link EmbeddedText}'s mapping, so a
 * candidate fix can be tried on the block alone (re-parsing one block, not the document).
 */
final class BlockText {
    private final String text;
    private final int[] localStarts;
    private final int[] docStarts;

    private BlockText(String text, int[] localStarts, int[] docStarts) {
        this.text = text;
        this.localStarts = localStarts;
        this.docStarts = docStarts;
    }

    static BlockText of(Document d, Block b) {
        if (b.fence() == null) {
            return new BlockText(d.text(), new int[] {0}, new int[] {0});
        }
        EmbeddedText et = b.fence().content();
        String t = et.text();
        List<Integer> ls = new ArrayList<>();
        ls.add(0);
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == '\n') {
                ls.add(i + 1);
            }
        }
        int[] local = ls.stream().mapToInt(Integer::intValue).toArray();
        int[] doc = new int[local.length];
        for (int k = 0; k < local.length; k++) {
            doc[k] = et.toDocument(local[k]);
        }
        return new BlockText(t, local, doc);
    }

    /** The local offset of a document offset (clamped to its content line). */
    int toLocal(int doc) {
        int k = 0;
        for (int i = 0; i < docStarts.length; i++) {
            if (docStarts[i] <= doc) {
                k = i;
            } else {
                break;
            }
        }
        int lineEnd = k + 1 < localStarts.length ? localStarts[k + 1] - 1 : text.length();
        return Math.max(localStarts[k], Math.min(localStarts[k] + (doc - docStarts[k]), lineEnd));
    }

    /** The block parsed after applying document edits that fall inside it; null when an edit does not map. */
    BibFile parseWith(List<Edit> docEdits) {
        List<Edit> local = new ArrayList<>();
        for (Edit e : docEdits) {
            int s = toLocal(e.range().start());
            int en = toLocal(e.range().end());
            if (en - s != e.range().length()) {
                return null;
            }
            local.add(new Edit(new TextRange(s, en), e.newText()));
        }
        try {
            return BibParser.parse(Edit.apply(text, local));
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
