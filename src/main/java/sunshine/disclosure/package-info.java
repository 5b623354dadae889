/**
 * Public notices (公示, workflows §6; mission item 7): per village, one long-running list per program of the
 * households it covers, and the public pages around them — the notices, their verification, and the complaint
 * form over the ledger's {@link sunshine.ledger.ComplaintService}.
 *
 * <h2>Public API</h2>
 * {@link sunshine.disclosure.NoticeService} ({@code publish}, {@code publishVillage}, {@code publishAll},
 * {@code latest}, {@code chain}, {@code find}, {@code verify}, {@code verifyHash}, keys),
 * {@link sunshine.disclosure.NoticeFormat} (the canonical form, written and read), the records beside them and
 * {@link sunshine.disclosure.DisclosureException}. Pages and downloads: {@code sunshine.disclosure.web}.
 *
 * <h2>What a list holds</h2>
 * One row per ACTIVE enrollment of the program among the village's households: the payee's name masked by
 * {@link sunshine.security.Masking#name} (张*, 张*三; the household head's when the payee is not in the
 * registry), the number of covered members, the approved monthly amount. Nothing else: never an ID number,
 * phone, bank account, address or income — the rows are built from those three values only.
 *
 * <h2>Publishing and sealing</h2>
 * Staff of the village's town or above (TOWN, COUNTY, CITY, PROVINCE within whose region the village lies)
 * publish. A publication is an immutable version n of the village's list of a program:
 * <ol>
 *   <li>its canonical text ({@link sunshine.disclosure.NoticeFormat}) names the previous version's hash
 *       (64 zeros for version 1): the versions of a list form a hash chain;</li>
 *   <li>{@code hash = SM3(UTF-8 bytes of the text)}, 64 lower-case hex digits;</li>
 *   <li>the same bytes are signed with SM2 (SM3, signer ID {@code 1234567812345678}, DER) by the platform's notice
 *       key, made on first use under {@code ${sunshine.data-dir}/disclosure/} and published at
 *       {@code /public/notices/key};</li>
 *   <li>the audit record gets a {@code NOTICE_PUBLISHED} entry (village, program, version, hash, previous hash,
 *       totals, key fingerprint, signature) in the same transaction as the stored row.</li>
 * </ol>
 * A list the registry still gives exactly as its latest version is not published again. Anyone can check a file
 * with OpenSSL or the Python script of {@code docs/verify-public-notice.md}, without the platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Disclosure 公示公开")
package sunshine.disclosure;
