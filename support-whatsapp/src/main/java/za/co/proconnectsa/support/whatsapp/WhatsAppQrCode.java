package za.co.proconnectsa.support.whatsapp;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.net.URI;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.whatsapp.internal.PngEncoder;

/**
 * A QR code of a chat link, for a poster, an invoice or a desktop page people scan with their phone. Made
 * with zxing at error correction level M (about 15% of the code may be damaged or covered) with the standard
 * quiet zone of {@value #QUIET_ZONE} white modules on every side. Immutable; rendered as PNG or SVG.
 *
 * <p>Longer links make denser codes: keep prefilled texts short when the code will be printed small. A link of
 * more than about 2,300 characters does not fit in any QR code and is refused.
 */
public final class WhatsAppQrCode {

    /** The white border on every side, in modules. */
    public static final int QUIET_ZONE = 4;
    /** The largest PNG, in pixels a side. */
    public static final int MAX_PNG_SIZE = 4096;

    private final URI uri;
    private final ByteMatrix matrix;
    private final int version;

    private WhatsAppQrCode(URI uri, ByteMatrix matrix, int version) {
        this.uri = uri;
        this.matrix = matrix;
        this.version = version;
    }

    /**
     * @param link the chat link, e.g. from {@link WhatsAppLink#uri()} or
     *             {@link za.co.proconnectsa.support.spi.WhatsAppLinkFactory#chatLink(String)}
     * @return its QR code
     * @throws InvalidInputException when the link is null or too long for a QR code
     */
    public static WhatsAppQrCode of(URI link) {
        Checks.notNull(link, "link");
        String content = link.toASCIIString();
        try {
            QRCode code = Encoder.encode(content, ErrorCorrectionLevel.M);
            return new WhatsAppQrCode(link, code.getMatrix(), code.getVersion().getVersionNumber());
        } catch (WriterException e) {
            throw InvalidInputException.of("link", "has " + content.length()
                    + " characters, too many for a QR code at error correction level M; shorten the text");
        }
    }

    /**
     * @param link a chat link
     * @return the QR code of its {@link WhatsAppLink#uri()}
     * @throws InvalidInputException when the link is null or too long for a QR code
     */
    public static WhatsAppQrCode of(WhatsAppLink link) {
        return of(Checks.notNull(link, "link").uri());
    }

    /** @return the link the code opens */
    public URI uri() {
        return uri;
    }

    /** @return the number of modules a side, without the quiet zone (21 for version 1, up to 177) */
    public int moduleCount() {
        return matrix.getWidth();
    }

    /** @return the QR version, 1 to 40; it grows with the link's length */
    public int version() {
        return version;
    }

    /**
     * For a renderer of your own.
     *
     * @param x the column, 0 to {@link #moduleCount()} - 1, without the quiet zone
     * @param y the row, likewise
     * @return whether that module is dark
     * @throws InvalidInputException when the position is outside the code
     */
    public boolean isDark(int x, int y) {
        if (x < 0 || y < 0 || x >= moduleCount() || y >= moduleCount()) {
            throw InvalidInputException.of("position", "(" + x + ", " + y + ") is outside the " + moduleCount()
                    + "x" + moduleCount() + " code");
        }
        return matrix.get(x, y) == 1;
    }

    /**
     * Renders the code as a black-on-white PNG of exactly {@code sizePixels} a side. Each module is a square of
     * whole pixels (as many as fit, so the code stays sharp); pixels left over widen the quiet zone evenly.
     *
     * @param sizePixels the width and height, at least {@link #minimumPngSize()} and at most {@value #MAX_PNG_SIZE}
     * @return the PNG file (1-bit greyscale)
     * @throws InvalidInputException when the size is out of range
     */
    public byte[] png(int sizePixels) {
        int total = moduleCount() + 2 * QUIET_ZONE;
        if (sizePixels < total || sizePixels > MAX_PNG_SIZE) {
            throw InvalidInputException.of("sizePixels", "must be between " + total + " (one pixel a module for this "
                    + "code) and " + MAX_PNG_SIZE + ", was " + sizePixels);
        }
        int scale = sizePixels / total;
        int offset = (sizePixels - moduleCount() * scale) / 2;
        int end = moduleCount() * scale;
        return PngEncoder.encode(sizePixels, sizePixels, (x, y) -> {
            int mx = x - offset;
            int my = y - offset;
            return mx >= 0 && my >= 0 && mx < end && my < end && matrix.get(mx / scale, my / scale) == 1;
        });
    }

    /** @return the smallest PNG size: one pixel a module, quiet zone included */
    public int minimumPngSize() {
        return moduleCount() + 2 * QUIET_ZONE;
    }

    /**
     * Renders the code as SVG: a white square and one black path, in a {@code viewBox} of one unit a module,
     * quiet zone included. It has no width or height, so it fills whatever box it is given; set them (or CSS)
     * to size it.
     *
     * @return the SVG document
     */
    public String svg() {
        int total = moduleCount() + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < moduleCount(); y++) {
            int x = 0;
            while (x < moduleCount()) {
                if (matrix.get(x, y) != 1) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < moduleCount() && matrix.get(x, y) == 1) {
                    x++;
                }
                int run = x - start;
                path.append('M').append(start + QUIET_ZONE).append(' ').append(y + QUIET_ZONE)
                        .append('h').append(run).append("v1h-").append(run).append('z');
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + total + " " + total
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"WhatsApp QR code\">"
                + "<rect width=\"" + total + "\" height=\"" + total + "\" fill=\"#ffffff\"/>"
                + "<path fill=\"#000000\" d=\"" + path + "\"/></svg>\n";
    }

    /** @return the version and size; never the link, which holds the full phone number */
    @Override
    public String toString() {
        return "WhatsAppQrCode[version=" + version + ", modules=" + moduleCount() + "]";
    }
}
