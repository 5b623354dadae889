package sunshine.disclosure.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import sunshine.disclosure.DisclosureException;
import sunshine.disclosure.Notice;
import sunshine.disclosure.NoticeService;
import sunshine.disclosure.Verification;
import sunshine.disclosure.internal.PublicLimits;
import sunshine.registry.RegionTree;
import sunshine.security.CurrentActor;

/**
 * The public notices, for everyone, without signing in:
 * <ul>
 *   <li>{@code /public}: choose a county (or find a village by name), {@code /public/regions/{code}}: its towns,
 *       a town's villages;</li>
 *   <li>{@code /public/notices/{village}}: the village's lists, one per program, each with its publication time,
 *       hash, previous hash, signature and earlier versions; {@code .../{program}/v{n}}: one version;</li>
 *   <li>downloads {@code .../{program}/v{n}.csv} (the canonical file), {@code .sig} (the SM2 signature, DER) and
 *       {@code .json} (all of it, for programs); {@code /public/notices/key}: the public key (PEM);</li>
 *   <li>{@code /public/notices/verify}: paste or upload a downloaded list, or give its hash, and learn whether it
 *       is the published one.</li>
 * </ul>
 * Staff who may publish a village's lists see a button for it on the village's page (the form posts to
 * {@code /disclosure/publish}, which needs signing in).
 */
@Controller
class PublicNoticeController {

    /** The largest upload to the verification page (a list of a few thousand households is far smaller). */
    static final int MAX_VERIFY_BYTES = 1024 * 1024;
    private static final Pattern VERSION_FILE = Pattern.compile("v([1-9]\\d{0,8})(\\.csv|\\.sig|\\.json)?");

    private final NoticeService notices;
    private final RegionTree regions;
    private final CurrentActor current;
    private final PublicLimits limits;

    PublicNoticeController(NoticeService notices, RegionTree regions, CurrentActor current, PublicLimits limits) {
        this.notices = notices;
        this.regions = regions;
        this.current = current;
        this.limits = limits;
    }

    /** A link to a region, with how many of its villages (or programs, for a village) have published lists. */
    record RegionLink(String code, String name, String href, int published) {
    }

    /** The page's way down from the county. */
    record Crumb(String name, String href) {
    }

    @GetMapping({"/public", "/public/"})
    String index(@RequestParam(value = "q", required = false) String q, Model model) {
        List<RegionLink> counties = new ArrayList<>();
        for (RegionTree.Region c : regions.ofLevel("COUNTY")) {
            String parent = c.parentCode() == null ? "" : regions.find(c.parentCode()).map(RegionTree.Region::name)
                    .orElse("");
            counties.add(new RegionLink(c.code(), (parent.isEmpty() ? "" : parent + " · ") + c.name(),
                    "/public/regions/" + c.code(), notices.programsByVillage(c.code()).size()));
        }
        model.addAttribute("counties", counties);
        if (q != null && !q.isBlank()) {
            Map<String, List<String>> published = new LinkedHashMap<>();
            List<RegionLink> found = new ArrayList<>();
            for (RegionTree.Region v : regions.search("VILLAGE", q, 50)) {
                String town = regions.find(v.parentCode() == null ? "" : v.parentCode())
                        .map(RegionTree.Region::name).orElse("");
                found.add(new RegionLink(v.code(), (town.isEmpty() ? "" : town + " · ") + v.name(),
                        "/public/notices/" + v.code(), published.computeIfAbsent(v.code(),
                        k -> notices.programsByVillage(k).getOrDefault(k, List.of())).size()));
            }
            model.addAttribute("q", q.strip());
            model.addAttribute("found", found);
        }
        return "public/index";
    }

    @GetMapping("/public/regions/{code}")
    String region(@PathVariable("code") String code, Model model, HttpServletResponse response) {
        Optional<RegionTree.Region> found = regions.find(code)
                .filter(r -> "COUNTY".equals(r.level()) || "TOWN".equals(r.level()));
        if (found.isEmpty()) {
            return notFound(model, response);
        }
        RegionTree.Region r = found.get();
        Map<String, List<String>> published = notices.programsByVillage(r.code());
        List<RegionLink> children = new ArrayList<>();
        for (RegionTree.Region child : regions.children(r.code())) {
            if ("VILLAGE".equals(child.level())) {
                children.add(new RegionLink(child.code(), child.name(), "/public/notices/" + child.code(),
                        published.getOrDefault(child.code(), List.of()).size()));
            } else {
                String prefix = sunshine.security.Actor.prefixOf(child.code());
                int villages = (int) published.keySet().stream().filter(v -> v.startsWith(prefix)).count();
                children.add(new RegionLink(child.code(), child.name(), "/public/regions/" + child.code(),
                        villages));
            }
        }
        model.addAttribute("region", r);
        model.addAttribute("town", "TOWN".equals(r.level()));
        model.addAttribute("children", children);
        model.addAttribute("crumbs", crumbs(r.code()));
        return "public/region";
    }

    @GetMapping("/public/notices/{village:\\d{12}}")
    String village(@PathVariable("village") String village, Model model, HttpServletResponse response) {
        Optional<RegionTree.Region> found = regions.find(village).filter(r -> "VILLAGE".equals(r.level()));
        List<Notice> latest = notices.latest(village);
        if (found.isEmpty() && latest.isEmpty()) {
            return notFound(model, response);
        }
        List<NoticeView> lists = new ArrayList<>();
        for (Notice n : latest) {
            lists.add(NoticeView.of(n, notices.chain(village, n.program())));
        }
        model.addAttribute("villageCode", village);
        model.addAttribute("villageName", found.map(RegionTree.Region::name)
                .orElseGet(() -> latest.get(0).parsed().header().village().name()));
        model.addAttribute("lists", lists);
        model.addAttribute("crumbs", crumbs(village));
        model.addAttribute("mayPublish", current.find().map(a -> notices.mayPublish(a, village)).orElse(false));
        return "public/village";
    }

    /** One version as a page ({@code v3}), or its files ({@code v3.csv}, {@code v3.sig}, {@code v3.json}). */
    @GetMapping("/public/notices/{village:\\d{12}}/{program:[A-Z_]{2,24}}/{file}")
    Object version(@PathVariable("village") String village, @PathVariable("program") String program,
                   @PathVariable("file") String file, Model model, HttpServletResponse response) {
        Matcher m = VERSION_FILE.matcher(file);
        Optional<Notice> found = m.matches() ? notices.find(village, program, Integer.parseInt(m.group(1)))
                : Optional.empty();
        if (found.isEmpty()) {
            return notFound(model, response);
        }
        Notice n = found.get();
        String kind = m.group(2);
        if (".csv".equals(kind)) {
            return download(n.bytes(), n.fileStem() + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
        }
        if (".sig".equals(kind)) {
            return download(n.signatureBytes(), n.fileStem() + ".sig", MediaType.APPLICATION_OCTET_STREAM);
        }
        if (".json".equals(kind)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.inline().filename(n.fileStem() + ".json").build().toString())
                    .body(manifest(n));
        }
        NoticeService.NoticeChain chain = notices.chain(village, program);
        model.addAttribute("list", NoticeView.of(n, chain));
        model.addAttribute("villageCode", village);
        model.addAttribute("villageName", n.parsed().header().village().name());
        model.addAttribute("crumbs", crumbs(village));
        return "public/version";
    }

    /** The public key that signs new notices (PEM); {@code /public/notices/key/{fingerprint}}: an earlier one. */
    @GetMapping("/public/notices/key")
    ResponseEntity<String> key() {
        NoticeService.SigningKey k = notices.currentKey();
        return pem(k);
    }

    @GetMapping("/public/notices/key/{fingerprint}")
    ResponseEntity<String> key(@PathVariable("fingerprint") String fingerprint) {
        return notices.key(fingerprint).map(PublicNoticeController::pem)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                        .body("no such key / 没有这个公钥\n"));
    }

    private static ResponseEntity<String> pem(NoticeService.SigningKey k) {
        return ResponseEntity.ok().contentType(new MediaType("application", "x-pem-file", StandardCharsets.US_ASCII))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("sunshine-notice-key-" + k.fingerprint().substring(0, 16) + ".pem").build()
                        .toString())
                .header("X-Key-Fingerprint-SM3", k.fingerprint())
                .body(k.pem());
    }

    @GetMapping("/public/notices/verify")
    String verifyForm(Model model) {
        model.addAttribute("key", notices.currentKey());
        return "public/verify";
    }

    /** How to check a list without the platform: OpenSSL and Python. */
    @GetMapping("/public/notices/verify/howto")
    String howto() {
        return "public/howto";
    }

    /**
     * Checks an uploaded file, a pasted text or a hash (the first one given). No CSRF token: nothing is changed
     * (see {@code WebSecurityConfig}); limited by size ({@link PublicSizeFilter}) and per address.
     */
    @PostMapping("/public/notices/verify")
    String verify(@RequestParam(value = "file", required = false) MultipartFile file,
                  @RequestParam(value = "text", required = false) String text,
                  @RequestParam(value = "hash", required = false) String hash,
                  HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        model.addAttribute("key", notices.currentKey());
        try {
            limits.verification(request.getRemoteAddr());
            Verification v;
            if (file != null && !file.isEmpty()) {
                if (file.getSize() > MAX_VERIFY_BYTES) {
                    throw PublicLimits.tooLarge(MAX_VERIFY_BYTES);
                }
                v = notices.verify(file.getBytes());
                model.addAttribute("inputName", file.getOriginalFilename());
            } else if (text != null && !text.isBlank()) {
                // a browser sends a text area's line ends as CR LF; the comparison reads past that
                v = notices.verify(text.getBytes(StandardCharsets.UTF_8));
                model.addAttribute("pasted", text);
            } else if (hash != null && !hash.isBlank()) {
                v = notices.verifyHash(hash);
                model.addAttribute("givenHash", hash.strip());
            } else {
                throw new DisclosureException(DisclosureException.Kind.INVALID,
                        "请上传文件、粘贴名单内容或填写摘要", "upload a file, paste a list or give a hash");
            }
            model.addAttribute("result", v);
            if (v.notice() != null) {
                model.addAttribute("resultView", NoticeView.of(v.notice(),
                        notices.chain(v.notice().villageCode(), v.notice().program())));
                model.addAttribute("resultVillage", v.notice().parsed().header().village().name());
            }
        } catch (DisclosureException e) {
            response.setStatus(e.httpStatus());
            model.addAttribute("refusal", e.reason());
        }
        return "public/verify";
    }

    private Map<String, Object> manifest(Notice n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "SUNSHINE-PUBLIC-NOTICE/1");
        m.put("village", n.villageCode());
        m.put("program", n.program());
        m.put("version", n.version());
        m.put("publishedAt", n.publishedAt().toString());
        m.put("households", n.households());
        m.put("coveredMembers", n.coveredMembers());
        m.put("monthlyTotal", n.monthlyTotal().toPlainString());
        m.put("hashAlgorithm", "SM3");
        m.put("hash", n.hash());
        m.put("previousHash", n.previousHash());
        m.put("signatureAlgorithm", "SM2-with-SM3, signer ID 1234567812345678, DER");
        m.put("signature", n.signature());
        m.put("keyFingerprint", n.keyFingerprint());
        m.put("publicKey", notices.key(n.keyFingerprint()).map(NoticeService.SigningKey::pem).orElse(null));
        m.put("content", n.content());
        String base = "/public/notices/" + n.villageCode() + "/" + n.program() + "/v" + n.version();
        m.put("files", Map.of("csv", base + ".csv", "sig", base + ".sig", "key", "/public/notices/key/"
                + n.keyFingerprint()));
        return m;
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(bytes);
    }

    /** The regions above one, county first, as links (a town's county; a village's county and town). */
    private List<Crumb> crumbs(String code) {
        List<Crumb> out = new ArrayList<>();
        String county = code.substring(0, 6) + "000000";
        String town = code.substring(0, 9) + "000";
        if (!county.equals(code)) {
            regions.find(county).ifPresent(c -> out.add(new Crumb(c.name(), "/public/regions/" + c.code())));
        }
        if (!town.equals(code) && !town.equals(county)) {
            regions.find(town).ifPresent(t -> out.add(new Crumb(t.name(), "/public/regions/" + t.code())));
        }
        return out;
    }

    static String notFound(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "public/not-found";
    }
}
