package dev.bibmark.features;

import dev.bibmark.markdown.Heading;
import dev.bibmark.markdown.Link;
import dev.bibmark.model.Document;
import dev.bibmark.text.TextRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The heading structure of a Markdown document, shared by symbols, folding, code lenses and status tags.
 *
 * <p>A heading is a <em>paper</em> when it has a status tag, a {@code paper link} in its own part (up to the next
 * heading), or exactly one entry there. Other headings are sections.
 */
final class Sections {
    private Sections() {}

    /**
     * One heading.
     *
     * @param range the section: from the heading to just before the next heading of the same or a higher level
     * @param ownRange from the heading to just before the next heading of any level
     * @param entries the entries in {@code ownRange}
     * @param parent index of the enclosing heading, -1 for a top-level one
     */
    record Section(int index, Heading heading, TextRange range, TextRange ownRange, List<EntryInfo> entries,
                   boolean paper, int parent) {}

    /** The headings of a document in order, and the entries before the first heading. */
    record Outline(List<Section> sections, List<EntryInfo> loose) {
        /** The headings inside a section (its sub-headings at any depth), in order. */
        List<Section> inside(Section s) {
            int end = s.index() + 1;
            // Descendants are the headings right after this one that start inside its section.
            while (end < sections.size() && sections.get(end).range().start() < s.range().end()) {
                end++;
            }
            return sections.subList(s.index() + 1, end);
        }

        /** The section whose heading line contains the offset. */
        Section headingAt(int offset) {
            for (Section s : sections) {
                if (s.heading().range().touches(offset)) {
                    return s;
                }
            }
            return null;
        }
    }

    static Outline of(Document doc) {
        List<Heading> hs = doc.markdownIndex().headings();
        int n = hs.size();
        int textEnd = doc.text().length();
        int[] sectionEnd = new int[n];
        int[] parent = new int[n];
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            int level = hs.get(i).level();
            while (!open.isEmpty() && hs.get(open.peek()).level() >= level) {
                sectionEnd[open.pop()] = hs.get(i).range().start();
            }
            parent[i] = open.isEmpty() ? -1 : open.peek();
            open.push(i);
        }
        while (!open.isEmpty()) {
            sectionEnd[open.pop()] = textEnd;
        }

        Map<Integer, List<EntryInfo>> byHeading = new HashMap<>();
        List<EntryInfo> loose = new ArrayList<>();
        for (EntryInfo e : EntryInfo.all(List.of(doc))) {
            if (e.block().paper() == null) {
                loose.add(e);
            } else {
                byHeading.computeIfAbsent(e.block().paper().heading().range().start(), k -> new ArrayList<>()).add(e);
            }
        }

        List<Link> links = doc.markdownIndex().links();
        int li = 0;
        List<Section> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Heading h = hs.get(i);
            int ownEnd = i + 1 < n ? hs.get(i + 1).range().start() : textEnd;
            boolean paperLink = false;
            while (li < links.size() && links.get(li).range().start() < ownEnd) {
                Link l = links.get(li++);
                if (l.range().start() >= h.range().end() && l.isPaperLink()) {
                    paperLink = true;
                }
            }
            List<EntryInfo> entries = List.copyOf(byHeading.getOrDefault(h.range().start(), List.of()));
            boolean paper = h.status() != null || paperLink || entries.size() == 1;
            out.add(new Section(i, h, new TextRange(h.range().start(), Math.max(h.range().end(), sectionEnd[i])),
                    new TextRange(h.range().start(), Math.max(h.range().end(), ownEnd)), entries, paper, parent[i]));
        }
        return new Outline(List.copyOf(out), List.copyOf(loose));
    }
}
