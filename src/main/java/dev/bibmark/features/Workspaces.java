package dev.bibmark.features;

import dev.bibmark.model.Document;
import java.util.ArrayList;
import java.util.List;

/** Helpers over a workspace given as a list of document snapshots. */
final class Workspaces {
    private Workspaces() {}

    /** The workspace with {@code doc} in place of the snapshot of the same path, or added when absent. */
    static List<Document> withCurrent(List<Document> workspace, Document doc) {
        List<Document> out = new ArrayList<>(workspace.size() + 1);
        boolean found = false;
        for (Document d : workspace) {
            if (d.path().equals(doc.path())) {
                out.add(doc);
                found = true;
            } else {
                out.add(d);
            }
        }
        if (!found) {
            out.add(doc);
        }
        return out;
    }
}
