package za.co.proconnectsa.support.privacy;

/** What a contact said about direct marketing. */
public enum ConsentChoice {
    /** They agreed to receive marketing. */
    OPT_IN,
    /** They refused or withdrew consent; this wins over any earlier opt-in. */
    OPT_OUT
}
