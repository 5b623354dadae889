package sunshine.disclosure;

/**
 * What publishing one village's list of one program did.
 *
 * @param notice the new publication (PUBLISHED) or the latest one, still accurate (UNCHANGED); null for NOTHING
 */
public record PublishOutcome(String villageCode, String program, Status status, Notice notice) {

    public enum Status {
        /** a new version was published */
        PUBLISHED,
        /** the registry still gives exactly the latest version's list: nothing new was published */
        UNCHANGED,
        /** no household of the village is enrolled in the program and none ever was published: nothing to do */
        NOTHING
    }
}
