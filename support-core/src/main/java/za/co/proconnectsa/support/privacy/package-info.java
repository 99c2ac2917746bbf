/**
 * The rights of data subjects under POPIA: export everything held about one person (s23), correct, erase or anonymise
 * it (s24), keep records no longer than their retention (s14), and a marketing-consent ledger checked before direct
 * marketing (s69). Reached through {@link za.co.proconnectsa.support.SupportDesk#dataSubjects()}.
 */
package za.co.proconnectsa.support.privacy;
