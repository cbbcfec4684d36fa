package dev.bibmark.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading lists from disk. */
public final class TextFiles {
    private TextFiles() {}

    /** Reads UTF-8, replacing malformed bytes instead of failing (the text is still checked). */
    public static String read(Path p) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }
}
