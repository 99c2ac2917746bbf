package za.co.proconnectsa.support.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import za.co.proconnectsa.support.conversation.ContactIdentity;
import za.co.proconnectsa.support.jdbc.Dialect;

/** Who WhatsApp contacts are (phone number, business-scoped user id, username), in {@code whatsapp_contacts}. */
public final class JdbcContactIdentities {

    private static final String COLUMNS = "contact, phone_number, user_id, username, updated_at";

    private final Tx tx;
    private final Dialect dialect;
    private final String table;

    /**
     * @param tx     the store's transactions
     * @param sql    the store's SQL (dialect and prefix)
     * @param prefix the table prefix
     */
    public JdbcContactIdentities(Tx tx, Sql sql, String prefix) {
        this.tx = tx;
        this.dialect = sql.dialect();
        this.table = prefix + "whatsapp_contacts";
    }

    /** @param identity kept under its key, replacing what was there; two instances writing it at once both succeed */
    public void save(ContactIdentity identity) {
        if (tx.run("keeping a contact's identity", c -> update(c, identity))) {
            return;
        }
        try {
            tx.runKeyed("keeping a new contact's identity", c -> {
                try {
                    insert(c, identity);
                    return null;
                } catch (SQLException e) {
                    throw Tx.unlessKeyTaken(e);
                }
            });
        } catch (Tx.KeyTaken taken) {
            // another instance kept the same contact first: this message's values replace its own
            tx.run("keeping a contact's identity", c -> update(c, identity));
        }
    }

    private void write(Connection c, ContactIdentity i) throws SQLException {
        if (!update(c, i)) {
            insert(c, i);
        }
    }

    private boolean update(Connection c, ContactIdentity i) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE " + table
                + " SET phone_number = ?, user_id = ?, username = ?, updated_at = ? WHERE contact = ?")) {
            up.setString(1, i.phoneNumber());
            up.setString(2, i.userId());
            up.setString(3, i.username());
            Rows.setInstant(up, 4, i.updatedAt(), dialect);
            up.setString(5, i.contact());
            return up.executeUpdate() > 0;
        }
    }

    private void insert(Connection c, ContactIdentity i) throws SQLException {
        try (PreparedStatement in = c.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?)")) {
            in.setString(1, i.contact());
            in.setString(2, i.phoneNumber());
            in.setString(3, i.userId());
            in.setString(4, i.username());
            Rows.setInstant(in, 5, i.updatedAt(), dialect);
            in.executeUpdate();
        }
    }

    /** @param value a key, phone number or user id @return the identity with that phone number, else user id, else key */
    public Optional<ContactIdentity> find(String value) {
        return tx.run("reading a contact's identity", c -> {
            Optional<ContactIdentity> found = one(c, "phone_number = ?", value);
            if (found.isEmpty()) {
                found = one(c, "user_id = ? AND contact <> ?", value);
            }
            return found.isPresent() ? found : one(c, "contact = ?", value);
        });
    }

    /**
     * @param oldUserId the replaced user id
     * @param newUserId the new one
     * @param at        when
     * @return the merged identity, or empty when none had the old id
     */
    public Optional<ContactIdentity> changeUserId(String oldUserId, String newUserId, Instant at) {
        return tx.run("merging a contact's new user id", c -> {
            Optional<ContactIdentity> old = one(c, "user_id = ?", oldUserId);
            if (old.isEmpty()) {
                return Optional.<ContactIdentity>empty();
            }
            ContactIdentity o = old.get();
            ContactIdentity merged = new ContactIdentity(o.contact(), o.phoneNumber(), newUserId, o.username(), at);
            if (!o.contact().equals(newUserId)) {
                // the person wrote from the new id before the change was reported: its own identity gives way
                try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table + " WHERE contact = ?")) {
                    del.setString(1, newUserId);
                    del.executeUpdate();
                }
            }
            write(c, merged);
            return Optional.of(merged);
        });
    }

    private Optional<ContactIdentity> one(Connection c, String where, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE " + where
                + " ORDER BY contact")) {
            ps.setString(1, value);
            if (where.contains("contact <> ?")) {
                ps.setString(2, value);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ContactIdentity(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), Rows.getInstant(rs, "updated_at", dialect))) : Optional.empty();
            }
        }
    }
}
