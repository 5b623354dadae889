package sunshine.applications.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sunshine.applications.Rerating;
import sunshine.applications.ReviewItem;
import sunshine.applications.ReviewRecord;
import sunshine.applications.Reviews;

/**
 * Periodic reviews over HTTP.
 * <ul>
 *   <li>{@code GET /api/reviews?asOf=&horizonDays=30}: the worklist of enrollments due for review</li>
 *   <li>{@code POST /api/enrollments/{id}/reviews} {@code {outcome, reason, amount?, endMonth?, stable?}}</li>
 *   <li>{@code GET /api/enrollments/{id}/reviews}: the reviews of an enrollment</li>
 *   <li>{@code POST /api/reviews/rerate?month=2027-01&apply=true}: amounts brought to a new standard (without
 *       {@code apply}: what would change)</li>
 * </ul>
 */
@RestController
class ReviewController {

    private final Reviews reviews;
    private final Actors actors;

    ReviewController(Reviews reviews, Actors actors) {
        this.reviews = reviews;
        this.actors = actors;
    }

    @GetMapping("/api/reviews")
    List<ReviewItem> worklist(@RequestParam(required = false) LocalDate asOf,
                              @RequestParam(defaultValue = "30") int horizonDays) {
        return reviews.worklist(actors.get(), asOf, horizonDays);
    }

    @PostMapping("/api/enrollments/{id}/reviews")
    ReviewRecord review(@PathVariable String id, @RequestBody ReviewRecord.Request body) {
        return reviews.review(actors.get(), id, body);
    }

    @GetMapping("/api/enrollments/{id}/reviews")
    List<ReviewRecord> reviews(@PathVariable String id) {
        return reviews.reviews(actors.get(), id);
    }

    @PostMapping("/api/reviews/rerate")
    List<Rerating> rerate(@RequestParam YearMonth month, @RequestParam(defaultValue = "false") boolean apply) {
        return reviews.rerate(actors.get(), month, apply);
    }
}
