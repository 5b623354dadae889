package sunshine.audit;

/**
 * What {@link AuditLog#verify()} found.
 *
 * @param intact      true when every entry's hash and link are right and the head names the last entry
 * @param entries     entries checked
 * @param firstBroken the number of the first entry that does not fit (for entries cut off the end: the number the
 *                    next entry after the last one present should have had), or null when intact
 * @param problemZh   what is wrong with it, in Chinese (null when intact)
 * @param problemEn   the same in English
 * @param lastHash    the hash of the last entry checked (64 zeros when there is none)
 */
public record AuditVerification(boolean intact, long entries, Long firstBroken, String problemZh, String problemEn,
                                String lastHash) {
}
