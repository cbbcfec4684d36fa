package dev.bibmark.lsp;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * The protocol's lifecycle around the server's own endpoint, as the specification words it: before
 * {@code initialize} a request is answered {@code ServerNotInitialized} and a notification dropped (but
 * {@code exit}); {@code initialize} is answered once; after {@code shutdown} a request is answered
 * {@code InvalidRequest} and a notification dropped (but {@code exit}). A request without its parameters is
 * answered {@code InvalidParams}, and one the server does not offer (LSP4J's default methods throw)
 * {@code MethodNotFound}, instead of an internal error with a Java trace.
 */
final class Lifecycle implements Endpoint {
    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int SHUT_DOWN = 2;

    private final Endpoint inner;
    private final java.util.Set<String> known;
    private volatile int state = NEW;

    /** @param known the methods the endpoint declares (a request of another is answered by it: MethodNotFound) */
    Lifecycle(Endpoint inner, java.util.Set<String> known) {
        this.inner = inner;
        this.known = known;
    }

    @Override
    public CompletableFuture<?> request(String method, Object params) {
        if (state == NEW && !"initialize".equals(method)) {
            return error(ResponseErrorCode.ServerNotInitialized, "the server is not initialized: send initialize first");
        }
        if (state == SHUT_DOWN) {
            return error(ResponseErrorCode.InvalidRequest, "the server is shut down: only exit is accepted");
        }
        if ("initialize".equals(method)) {
            if (state != NEW) {
                return error(ResponseErrorCode.InvalidRequest, "initialize was already answered");
            }
            if (params == null) {
                return error(ResponseErrorCode.InvalidParams, "initialize needs its parameters");
            }
            state = RUNNING;
        } else if (params == null && !"shutdown".equals(method) && known.contains(method)) {
            return error(ResponseErrorCode.InvalidParams, method + " needs its parameters");
        }
        if (method.startsWith("$/") && !known.contains(method)) {
            // LSP4J answers an unknown "$/" request with null (such notifications may be ignored; requests may not).
            return notOffered(method);
        }
        CompletableFuture<?> out;
        try {
            out = inner.request(method, params);
        } catch (UnsupportedOperationException e) {
            return notOffered(method);
        }
        if ("shutdown".equals(method)) {
            state = SHUT_DOWN;
        }
        return out;
    }

    @Override
    public void notify(String method, Object params) {
        if (!"exit".equals(method) && state != RUNNING) {
            return;
        }
        inner.notify(method, params);
    }

    /** The answer to a request the server does not offer. */
    static CompletableFuture<?> notOffered(String method) {
        return error(ResponseErrorCode.MethodNotFound, "bibmark does not offer " + method);
    }

    /** Whether a failure of a request handler means "not offered" (LSP4J's default methods throw this). */
    static boolean notOffered(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof UnsupportedOperationException) {
                return true;
            }
        }
        return false;
    }

    private static CompletableFuture<?> error(ResponseErrorCode code, String message) {
        return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(code, message, null)));
    }
}
