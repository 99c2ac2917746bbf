package za.co.proconnectsa.support.whatsapp.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a black-and-white image as a 1-bit greyscale PNG (IHDR, one IDAT, IEND), with nothing but
 * {@code java.util.zip}: no AWT, so it works on headless and trimmed runtimes.
 */
public final class PngEncoder {

    /** The eight bytes every PNG file starts with. */
    public static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** Tells the colour of one pixel. */
    @FunctionalInterface
    public interface Pixels {
        /**
         * @param x the column, from 0
         * @param y the row, from 0
         * @return whether the pixel is black
         */
        boolean isBlack(int x, int y);
    }

    private PngEncoder() {
    }

    /**
     * @param width  the width in pixels, at least 1
     * @param height the height in pixels, at least 1
     * @param pixels the colour of each pixel
     * @return the PNG file
     */
    public static byte[] encode(int width, int height, Pixels pixels) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("empty image " + width + "x" + height);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(SIGNATURE);

        ByteArrayOutputStream header = new ByteArrayOutputStream();
        writeInt(header, width);
        writeInt(header, height);
        header.write(1); // bit depth
        header.write(0); // colour type: greyscale
        header.write(0); // compression: deflate
        header.write(0); // filter method
        header.write(0); // no interlace
        chunk(file, "IHDR", header.toByteArray());

        int rowBytes = (width + 7) / 8;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(data)) {
            byte[] row = new byte[rowBytes + 1];
            for (int y = 0; y < height; y++) {
                Arrays.fill(row, (byte) 0); // filter type 0 (none), then black bits
                for (int x = 0; x < width; x++) {
                    if (!pixels.isBlack(x, y)) {
                        row[1 + x / 8] |= (byte) (0x80 >>> (x % 8));
                    }
                }
                deflate.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: memory streams only
        }
        chunk(file, "IDAT", data.toByteArray());
        chunk(file, "IEND", new byte[0]);
        return file.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] body) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        writeInt(out, body.length);
        out.writeBytes(typeBytes);
        out.writeBytes(body);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(body);
        writeInt(out, (int) crc.getValue());
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
