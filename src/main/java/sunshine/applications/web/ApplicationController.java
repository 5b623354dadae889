package sunshine.applications.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sunshine.applications.Application;
import sunshine.applications.ApplicationEvent;
import sunshine.applications.ApplicationStatus;
import sunshine.applications.Applications;
import sunshine.applications.NewApplication;
import sunshine.applications.Requests;

/**
 * Applications over HTTP (the actor from {@code CurrentActor}; refusals as JSON, see {@link ApplicationErrors}).
 * <ul>
 *   <li>{@code POST /api/applications} ({@link NewApplication}) → 201 with the case</li>
 *   <li>{@code GET /api/applications?status=&program=&overdue=&limit=}; {@code GET /api/applications/{id}};
 *       {@code GET .../{id}/history}; {@code GET .../{id}/calculation} (the amount as it would be decided today)</li>
 *   <li>{@code POST .../{id}/accept} (the economic check runs at once), {@code /check} (again),
 *       {@code /visit} and {@code /county-visit} {@code {date?, investigators, findings, verifiedIncome?}},
 *       {@code /appraisal} {@code {date?, outcome}}, {@code /notice} (posts the next notice),
 *       {@code /objection} and {@code /complaint} {@code {text}}, {@code /town-review} {@code {opinion}},
 *       {@code /approve} {@code {approverIdNo, amount?, overrideReason?, stable?}}, {@code /enroll},
 *       {@code /reject} {@code {text}}, {@code /refusal-notified} {@code {date?}}, {@code /appeal} {@code {text}}</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/applications")
class ApplicationController {

    record DateJson(LocalDate date) {
    }

    private final Applications applications;
    private final Actors actors;

    ApplicationController(Applications applications, Actors actors) {
        this.applications = applications;
        this.actors = actors;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Application submit(@RequestBody NewApplication body) {
        return applications.submit(actors.get(), body);
    }

    @GetMapping
    List<Application> list(@RequestParam(required = false) ApplicationStatus status,
                           @RequestParam(required = false) String program,
                           @RequestParam(required = false) Boolean overdue,
                           @RequestParam(defaultValue = "200") int limit) {
        return applications.list(actors.get(), status, program, overdue, limit);
    }

    @GetMapping("/{id}")
    Application get(@PathVariable String id) {
        return applications.get(actors.get(), id);
    }

    @GetMapping("/{id}/history")
    List<ApplicationEvent> history(@PathVariable String id) {
        return applications.history(actors.get(), id);
    }

    @GetMapping("/{id}/calculation")
    Map<String, Object> calculation(@PathVariable String id) {
        return applications.calculation(actors.get(), id);
    }

    @PostMapping("/{id}/accept")
    Application accept(@PathVariable String id) {
        return applications.accept(actors.get(), id);
    }

    @PostMapping("/{id}/check")
    Application check(@PathVariable String id) {
        return applications.check(actors.get(), id);
    }

    @PostMapping("/{id}/visit")
    Application visit(@PathVariable String id, @RequestBody Requests.Visit body) {
        return applications.visit(actors.get(), id, body);
    }

    @PostMapping("/{id}/county-visit")
    Application countyVisit(@PathVariable String id, @RequestBody Requests.Visit body) {
        return applications.countyVisit(actors.get(), id, body);
    }

    @PostMapping("/{id}/appraisal")
    Application appraise(@PathVariable String id, @RequestBody Requests.Appraisal body) {
        return applications.appraise(actors.get(), id, body);
    }

    @PostMapping("/{id}/notice")
    Application notice(@PathVariable String id) {
        return applications.postNotice(actors.get(), id);
    }

    @PostMapping("/{id}/objection")
    Application objection(@PathVariable String id, @RequestBody Requests.Text body) {
        return applications.object(actors.get(), id, body == null ? null : body.text());
    }

    @PostMapping("/{id}/complaint")
    Application complaint(@PathVariable String id, @RequestBody Requests.Text body) {
        return applications.complain(actors.get(), id, body == null ? null : body.text());
    }

    @PostMapping("/{id}/town-review")
    Application townReview(@PathVariable String id, @RequestBody Requests.TownReview body) {
        return applications.townReview(actors.get(), id, body);
    }

    @PostMapping("/{id}/approve")
    Application approve(@PathVariable String id, @RequestBody Requests.Approval body) {
        return applications.approve(actors.get(), id, body);
    }

    @PostMapping("/{id}/enroll")
    Application enroll(@PathVariable String id) {
        return applications.enroll(actors.get(), id);
    }

    @PostMapping("/{id}/reject")
    Application reject(@PathVariable String id, @RequestBody Requests.Text body) {
        return applications.reject(actors.get(), id, body == null ? null : body.text());
    }

    @PostMapping("/{id}/refusal-notified")
    Application refusalNotified(@PathVariable String id, @RequestBody(required = false) DateJson body) {
        return applications.notifyRefusal(actors.get(), id, body == null ? null : body.date());
    }

    @PostMapping("/{id}/appeal")
    Application appeal(@PathVariable String id, @RequestBody Requests.Text body) {
        return applications.appeal(actors.get(), id, body == null ? null : body.text());
    }
}
