/**
 * The server-rendered screens (Thymeleaf + htmx): the overview and the import screen. Controllers are small: they
 * ask the other modules' public APIs and hand the answers to a template. Chinese by default, English with
 * {@code ?lang=en} (remembered in a cookie).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web 界面")
package sunshine.web;
