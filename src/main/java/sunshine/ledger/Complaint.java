package sunshine.ledger;

import sunshine.checks.Severity;

/**
 * A complaint or tip (举报): from the public through the web form, or taken by staff on the hotline.
 *
 * @param regionCode the 12-digit code of where it happened: a village, a town or a county (a county's complaint
 *                   waits there, NEW, for the county to assign it to a town)
 * @param content    what happened (10 to 2000 characters)
 * @param aboutName  who it is about, optional (≤ 40 characters)
 * @param aboutIdNo  their ID number, optional (a valid one)
 * @param program    the program it concerns, optional (DIBAO_URBAN ...)
 * @param name       the complainant's name, optional (anonymous tips are accepted)
 * @param contact    how to reach them, optional (never shown to the public)
 * @param severity   hotline only: how serious staff judge it (default MEDIUM; the public cannot set it)
 */
public record Complaint(String regionCode, String content, String aboutName, String aboutIdNo, String program,
                        String name, String contact, Severity severity) {
}
