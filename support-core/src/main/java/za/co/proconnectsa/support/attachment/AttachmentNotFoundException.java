package za.co.proconnectsa.support.attachment;

import za.co.proconnectsa.support.SupportException;

/** No attachment with this id is stored, or the one asking may not see it (the two are not told apart). */
public class AttachmentNotFoundException extends SupportException {

    private static final long serialVersionUID = 1L;

    /** The attachment id, as {@link #attachmentId()} returns it. */
    private final String attachmentId;

    /** @param attachmentId the id that was asked for */
    public AttachmentNotFoundException(String attachmentId) {
        super("No attachment " + attachmentId + " was found");
        this.attachmentId = attachmentId;
    }

    /** @return the id that was asked for */
    public String attachmentId() {
        return attachmentId;
    }
}
