package dev.bibmark.lsp;

import java.util.UUID;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Server-initiated work-done progress (window/workDoneProgress/create, then $/progress begin, reports, end).
 * A no-op when the client does not support it. Reports are throttled to whole percent steps.
 */
final class Progress {
    private final LanguageClient client;
    private final Either<String, Integer> token;
    private int lastPercent = -1;

    private Progress(LanguageClient client, Either<String, Integer> token) {
        this.client = client;
        this.token = token;
    }

    /** Begins progress; {@code client} null means the client cannot show it. */
    static Progress start(LanguageClient client, String title) {
        if (client == null) {
            return new Progress(null, null);
        }
        Either<String, Integer> token = Either.forLeft("bibmark-" + UUID.randomUUID());
        try {
            // The spec lets us send progress once the create request is answered; waiting briefly keeps the
            // order right without blocking forever on a client that never answers.
            client.createProgress(new WorkDoneProgressCreateParams(token)).get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            return new Progress(null, null);
        }
        WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
        begin.setTitle(title);
        begin.setPercentage(0);
        begin.setCancellable(false);
        client.notifyProgress(new ProgressParams(token, Either.forLeft(begin)));
        return new Progress(client, token);
    }

    void report(int done, int total) {
        if (client == null || total <= 0) {
            return;
        }
        int percent = (int) (100L * done / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        WorkDoneProgressReport r = new WorkDoneProgressReport();
        r.setPercentage(percent);
        r.setMessage(done + "/" + total + " files");
        client.notifyProgress(new ProgressParams(token, Either.forLeft(r)));
    }

    void end() {
        if (client == null) {
            return;
        }
        WorkDoneProgressEnd e = new WorkDoneProgressEnd();
        e.setMessage("done");
        client.notifyProgress(new ProgressParams(token, Either.forLeft(e)));
    }
}
