package dev.bibmark.markdown;

import dev.bibmark.text.TextRange;

/** An HTML comment {@code <!-- text -->} outside code; {@code text} is the inside, trimmed. */
public record HtmlComment(String text, TextRange range) {}
