package com.warroom.local.stack.s3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A body in the {@code aws-chunked} content encoding that the SDK uses for streaming and trailing-checksum uploads:
 * {@code <hex size>[;chunk-signature=...]\r\n<bytes>\r\n} chunks up to a zero-size one, then trailer lines
 * ({@code x-amz-checksum-crc32:<base64>}) and an empty line. Chunk signatures are not checked, as no signature is.
 */
record AwsChunkedBody(byte[] payload, Map<String, String> trailers) {

    private static final int MAX_LINE = 8192;

    AwsChunkedBody {
        trailers = Map.copyOf(trailers);
    }

    static AwsChunkedBody decode(byte[] encoded) {
        var reader = new Reader(encoded);
        var payload = new ByteArrayOutputStream();
        while (true) {
            String header = reader.line();
            int size = chunkSize(header);
            if (size == 0) {
                break;
            }
            payload.write(reader.bytes(size), 0, size);
            if (!reader.line().isEmpty()) {
                throw malformed("a chunk is longer than its size says");
            }
        }
        Map<String, String> trailers = new LinkedHashMap<>();
        while (!reader.atEnd()) {
            String line = reader.line();
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformed("a trailer is not name:value");
            }
            trailers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return new AwsChunkedBody(payload.toByteArray(), trailers);
    }

    private static int chunkSize(String header) {
        int semicolon = header.indexOf(';');
        String hex = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
        try {
            int size = Integer.parseInt(hex, 16);
            if (size < 0) {
                throw malformed("a negative chunk size");
            }
            return size;
        } catch (NumberFormatException e) {
            throw malformed("a chunk size that is not hexadecimal");
        }
    }

    private static S3Error malformed(String why) {
        return S3Error.of("IncompleteBody", 400, "The aws-chunked body is malformed: " + why);
    }

    private static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        boolean atEnd() {
            return position >= bytes.length;
        }

        String line() {
            int start = position;
            for (int i = start; i < bytes.length - 1 && i - start <= MAX_LINE; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    position = i + 2;
                    return new String(bytes, start, i - start, StandardCharsets.ISO_8859_1);
                }
            }
            throw malformed("a line without CRLF");
        }

        byte[] bytes(int size) {
            if (size > bytes.length - position) {
                throw malformed("a chunk is shorter than its size says");
            }
            byte[] chunk = new byte[size];
            System.arraycopy(bytes, position, chunk, 0, size);
            position += size;
            return chunk;
        }
    }
}
