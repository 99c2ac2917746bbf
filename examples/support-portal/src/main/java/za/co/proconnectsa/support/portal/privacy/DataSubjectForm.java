package za.co.proconnectsa.support.portal.privacy;

import za.co.proconnectsa.support.privacy.DataSubject;

/**
 * The person a data-subject request is about, as the admin types them in, and why the request is made.
 */
public class DataSubjectForm {

    private String requesterId = "";
    private String contact = "";
    private String name = "";
    private String email = "";
    private String phone = "";
    private String reason = "";
    private String confirmation = "";

    /**
     * @return the person for the desk: their requester id, and the contact, name, e-mail and phone when given
     * @throws za.co.proconnectsa.support.InvalidInputException when a value is refused
     */
    public DataSubject subject() {
        DataSubject.Builder builder = DataSubject.builder(requesterId.strip());
        if (!contact.isBlank()) {
            builder.whatsApp(contact.strip());
        }
        if (!name.isBlank()) {
            builder.name(name.strip());
        }
        if (!email.isBlank()) {
            builder.email(email.strip());
        }
        if (!phone.isBlank()) {
            builder.phone(phone.strip());
        }
        return builder.build();
    }

    /** @return whether the admin typed the requester id again to confirm an erasure */
    public boolean confirmed() {
        return !requesterId.isBlank() && confirmation.strip().equals(requesterId.strip());
    }

    /** @return the requester id */
    public String getRequesterId() {
        return requesterId;
    }

    /** @param value the requester id */
    public void setRequesterId(String value) {
        this.requesterId = value == null ? "" : value;
    }

    /** @return the WhatsApp contact (digits) */
    public String getContact() {
        return contact;
    }

    /** @param value the WhatsApp contact */
    public void setContact(String value) {
        this.contact = value == null ? "" : value;
    }

    /** @return the person's name */
    public String getName() {
        return name;
    }

    /** @param value the person's name */
    public void setName(String value) {
        this.name = value == null ? "" : value;
    }

    /** @return the person's e-mail address */
    public String getEmail() {
        return email;
    }

    /** @param value the person's e-mail address */
    public void setEmail(String value) {
        this.email = value == null ? "" : value;
    }

    /** @return the person's phone number */
    public String getPhone() {
        return phone;
    }

    /** @param value the person's phone number */
    public void setPhone(String value) {
        this.phone = value == null ? "" : value;
    }

    /** @return why the request is made */
    public String getReason() {
        return reason;
    }

    /** @param value why the request is made */
    public void setReason(String value) {
        this.reason = value == null ? "" : value;
    }

    /** @return the requester id typed again on the confirmation step */
    public String getConfirmation() {
        return confirmation;
    }

    /** @param value the requester id typed again */
    public void setConfirmation(String value) {
        this.confirmation = value == null ? "" : value;
    }
}
