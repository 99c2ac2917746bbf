package za.co.proconnectsa.support.whatsapp;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Reads QR codes back with zxing's reader, from a PNG (through AWT, headless) or from a grid of modules. */
final class QrDecoding {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private QrDecoding() {
    }

    /** A luminance source over a {@link BufferedImage}: each pixel's grey level. */
    static final class ImageLuminanceSource extends LuminanceSource {
        private final byte[] luminance;

        ImageLuminanceSource(BufferedImage image) {
            super(image.getWidth(), image.getHeight());
            luminance = new byte[image.getWidth() * image.getHeight()];
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    int grey = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
                    luminance[y * image.getWidth() + x] = (byte) grey;
                }
            }
        }

        @Override
        public byte[] getRow(int y, byte[] row) {
            byte[] out = row != null && row.length >= getWidth() ? row : new byte[getWidth()];
            System.arraycopy(luminance, y * getWidth(), out, 0, getWidth());
            return out;
        }

        @Override
        public byte[] getMatrix() {
            return luminance.clone();
        }
    }

    /** @return the image in the PNG, read with ImageIO */
    static BufferedImage readPng(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new AssertionError("ImageIO cannot read the PNG");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the text of the QR code in the PNG, found as a camera would (no "pure barcode" hint) */
    static String decodePng(byte[] png) throws NotFoundException {
        return decode(new ImageLuminanceSource(readPng(png)), false);
    }

    /** @return the text of a code given as dark modules, each drawn {@code scale} pixels a side */
    static String decodeGrid(boolean[][] dark, int scale) throws NotFoundException {
        int size = dark.length * scale;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, dark[y / scale][x / scale] ? 0x000000 : 0xffffff);
            }
        }
        return decode(new ImageLuminanceSource(image), false);
    }

    /** @return the text of the code, read with the "pure barcode" hint: the image is our own clean rendering */
    static String decodePure(byte[] png) throws NotFoundException {
        return decode(new ImageLuminanceSource(readPng(png)), true);
    }

    private static String decode(LuminanceSource source, boolean pure) throws NotFoundException {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        if (pure) {
            hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
        }
        Result result = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
        return result.getText();
    }
}
