package za.co.proconnectsa.support.attachment;

import java.util.Locale;

/** What sort of file an attachment is, as the channel named it. */
public enum AttachmentKind {
    /** A photo or picture. */
    IMAGE,
    /** A document such as a PDF, a spreadsheet or a text file. */
    DOCUMENT,
    /** A sound recording, including a voice note. */
    AUDIO,
    /** A video clip. */
    VIDEO,
    /** A sticker. */
    STICKER;

    /** @return the kind's name in lower case, as transcripts show it ({@code image}) */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
