/**
 * Files customers and agents exchange on a channel (WhatsApp images, documents, audio and video): the record the
 * desk keeps of each ({@link za.co.proconnectsa.support.attachment.AttachmentRecord}) and the bytes, both kept by an
 * {@link za.co.proconnectsa.support.spi.AttachmentStore}. Two stores ship here: one on the file system
 * ({@link za.co.proconnectsa.support.attachment.FileSystemAttachmentStore}, the default) and one in memory for
 * tests; {@code support-jdbc} adds one in the database.
 */
package za.co.proconnectsa.support.attachment;
