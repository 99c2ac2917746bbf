package za.co.proconnectsa.support.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import za.co.proconnectsa.support.InvalidInputException;

class WhatsAppQrCodeTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final WhatsAppLink LINK = WhatsAppLink.builder().phone("067 951 8124").defaultRegion("ZA")
            .text("Hi, I need help with my invoice").reference(ReferenceCode.of("PCS-000042")).build();

    @ParameterizedTest
    @ValueSource(ints = {200, 256, 333, 512, 1024})
    @DisplayName("the PNG is a valid PNG of the asked size that decodes back to the exact link")
    void pngDecodes(int size) throws Exception {
        byte[] png = LINK.qrCode().png(size);

        assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        List<String> chunks = checkChunks(png);
        assertThat(chunks).startsWith("IHDR").endsWith("IEND").contains("IDAT");

        BufferedImage image = QrDecoding.readPng(png);
        assertThat(image.getWidth()).isEqualTo(size);
        assertThat(image.getHeight()).isEqualTo(size);
        assertThat(QrDecoding.decodePng(png)).isEqualTo(LINK.uri().toString());
    }

    @Test
    @DisplayName("the quiet zone is white on every side and the code is centred")
    void quietZone() {
        WhatsAppQrCode qr = LINK.qrCode();
        int size = 400;
        int scale = size / qr.minimumPngSize();
        int margin = (size - qr.moduleCount() * scale) / 2;
        assertThat(margin).isGreaterThanOrEqualTo(WhatsAppQrCode.QUIET_ZONE * scale);
        BufferedImage image = QrDecoding.readPng(qr.png(size));
        for (int i = 0; i < size; i++) {
            for (int m = 0; m < margin; m++) {
                assertThat(image.getRGB(i, m) & 0xffffff).isEqualTo(0xffffff);
                assertThat(image.getRGB(m, i) & 0xffffff).isEqualTo(0xffffff);
                assertThat(image.getRGB(i, size - 1 - m) & 0xffffff).isEqualTo(0xffffff);
                assertThat(image.getRGB(size - 1 - m, i) & 0xffffff).isEqualTo(0xffffff);
            }
        }
        // the top-left finder pattern's corner module is dark
        assertThat(qr.isDark(0, 0)).isTrue();
        assertThat(image.getRGB(margin, margin) & 0xffffff).isZero();
    }

    @Test
    @DisplayName("the smallest PNG has one pixel a module and still decodes")
    void minimumSize() throws Exception {
        WhatsAppQrCode qr = LINK.qrCode();
        assertThat(qr.minimumPngSize()).isEqualTo(qr.moduleCount() + 8);
        byte[] png = qr.png(qr.minimumPngSize());
        assertThat(QrDecoding.decodePure(png)).isEqualTo(LINK.uri().toString());
        assertThatThrownBy(() -> qr.png(qr.minimumPngSize() - 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sizePixels");
        assertThatThrownBy(() -> qr.png(WhatsAppQrCode.MAX_PNG_SIZE + 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> qr.png(0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("the SVG is XML with a viewBox, a white square and one path that decodes back to the link")
    void svg() throws Exception {
        WhatsAppQrCode qr = LINK.qrCode();
        String svg = qr.svg();
        int total = qr.moduleCount() + 2 * WhatsAppQrCode.QUIET_ZONE;

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 " + total + " " + total);
        assertThat(doc.getElementsByTagNameNS("*", "path").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagNameNS("*", "rect").getLength()).isEqualTo(1);

        String d = ((Element) doc.getElementsByTagNameNS("*", "path").item(0)).getAttribute("d");
        boolean[][] grid = new boolean[total][total];
        Matcher m = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(d);
        int end = 0;
        while (m.find()) {
            assertThat(m.start()).isEqualTo(end);
            end = m.end();
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            int run = Integer.parseInt(m.group(3));
            assertThat(m.group(4)).isEqualTo(m.group(3));
            for (int i = 0; i < run; i++) {
                assertThat(grid[y][x + i]).isFalse();
                grid[y][x + i] = true;
            }
        }
        assertThat(end).isEqualTo(d.length());
        for (int y = 0; y < total; y++) {
            for (int x = 0; x < total; x++) {
                boolean inCode = x >= 4 && y >= 4 && x < total - 4 && y < total - 4;
                assertThat(grid[y][x]).isEqualTo(inCode && qr.isDark(x - 4, y - 4));
            }
        }
        assertThat(QrDecoding.decodeGrid(grid, 6)).isEqualTo(LINK.uri().toString());
    }

    @Test
    @DisplayName("codes are made at error correction level M and grow with the link")
    void levelAndVersion() throws Exception {
        WhatsAppQrCode small = WhatsAppQrCode.of(URI.create("https://wa.me/27679518124"));
        assertThat(small.version()).isEqualTo(2); // 25 bytes: more than level M's 14 in version 1, within 26
        assertThat(small.moduleCount()).isEqualTo(25);
        com.google.zxing.Result result = new com.google.zxing.qrcode.QRCodeReader().decode(
                new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                        new QrDecoding.ImageLuminanceSource(QrDecoding.readPng(small.png(300))))));
        assertThat(result.getResultMetadata().get(com.google.zxing.ResultMetadataType.ERROR_CORRECTION_LEVEL))
                .isEqualTo("M");
        assertThat(LINK.qrCode().version()).isGreaterThan(small.version());
        assertThat(small.uri()).isEqualTo(URI.create("https://wa.me/27679518124"));
        assertThat(small.toString()).doesNotContain("951");
    }

    @Test
    @DisplayName("emoji and accents survive the round trip through the QR code")
    void unicodeText() throws Exception {
        WhatsAppLink link = WhatsAppLink.builder().phone("+27 67 951 8124").text("Molo! Caf\u00e9 \uD83D\uDE00\n#1 & 2+2=4?")
                .style(LinkStyle.API_SEND).build();
        String decoded = QrDecoding.decodePng(link.qrCode().png(600));
        assertThat(decoded).isEqualTo(link.uri().toString());
        assertThat(PercentDecoder.queryParameters(URI.create(decoded)).get("text"))
                .isEqualTo("Molo! Caf\u00e9 \uD83D\uDE00\n#1 & 2+2=4?");
    }

    @Test
    @DisplayName("a link too long for any QR code is refused with an InvalidInputException")
    void tooLong() {
        WhatsAppLink longLink = WhatsAppLink.builder().text("x".repeat(WhatsAppLink.MAX_TEXT_LENGTH))
                .phone("+27 67 951 8124").build();
        assertThat(longLink.qrCode().version()).isGreaterThan(30);
        WhatsAppLink tooLong = WhatsAppLink.builder().text("\u00e9".repeat(500)).phone("+27 67 951 8124").build();
        assertThatThrownBy(tooLong::qrCode).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("QR code");
        assertThatThrownBy(() -> WhatsAppQrCode.of((URI) null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> WhatsAppQrCode.of((WhatsAppLink) null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> LINK.qrCode().isDark(-1, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> LINK.qrCode().isDark(0, LINK.qrCode().moduleCount()))
                .isInstanceOf(InvalidInputException.class);
    }

    /** Walks the chunks, checking each length and CRC; returns their types. */
    private static List<String> checkChunks(byte[] png) {
        List<String> types = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.wrap(png, 8, png.length - 8);
        while (buf.hasRemaining()) {
            int length = buf.getInt();
            byte[] type = new byte[4];
            buf.get(type);
            byte[] body = new byte[length];
            buf.get(body);
            CRC32 crc = new CRC32();
            crc.update(type);
            crc.update(body);
            assertThat(buf.getInt()).isEqualTo((int) crc.getValue());
            types.add(new String(type, StandardCharsets.US_ASCII));
        }
        return types;
    }
}
