package dev.lambdanotes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdanotes.local.Artifacts;
import dev.lambdanotes.local.LocalRuntime;
import dev.lambdanotes.local.StaticFiles;
import dev.lambdanotes.local.Template;
import dev.lambdanotes.testing.TestDatabase;
import dev.lambdanotes.testing.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app in headless Chromium, served with the real API by the local runtime (template.yaml,
 * the functions' artifacts, a test PostgreSQL), used as a person would: by clicking and typing.
 * Skipped, with a message, where no Chromium or chromedriver is installed.
 */
@EnabledIf(value = "dev.lambdanotes.web.Chromium#installed", disabledReason = "Browser tests skipped: no Chromium"
        + " or chromedriver on the PATH (Debian: apt-get install chromium chromium-driver; or set -Dnotes.chromium"
        + " and -Dnotes.chromedriver)")
class WebAppBrowserTest {
    private static final Path PROJECT = Path.of(System.getProperty("notes.project.dir"));
    private static final Path ARTIFACTS = Path.of(System.getProperty("notes.web.artifacts.dir"));
    private static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger USERS = new AtomicInteger();
    private static LocalRuntime runtime;
    private static PrintStream runtimeLog;
    private static ChromeDriver browser;
    private static String base;
    private static ApiClient api;
    private WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(ARTIFACTS);
        TestDatabase database = TestPostgres.instance().createDatabase("web_app");
        runtimeLog = new PrintStream(Files.newOutputStream(ARTIFACTS.resolve("local-runtime.log")), true,
                StandardCharsets.UTF_8);
        Artifacts artifacts = new Artifacts(PROJECT, PROJECT.resolve("web/target/task-roots"));
        // Every test signs up from 127.0.0.1: more than the ten registrations one address gets for free.
        JsonNode envVars = new ObjectMapper().readTree(
                "{\"Parameters\": {\"REGISTRATION_THROTTLE_FREE_ATTEMPTS\": \"1000\"}}");
        runtime = new LocalRuntime(LocalRuntime.Settings.builder()
                .template(Template.read(PROJECT.resolve("template.yaml")))
                .taskRoots(artifacts::taskRoot)
                .runtimeClasspath(Path.of(System.getProperty("notes.lambda.runtime.dir")))
                .databaseUrl(database.jdbcUrl())
                .databaseUser(database.user())
                .databasePassword(database.password())
                .envVars(envVars)
                .maxInstances(1)
                .idleTimeout(Duration.ofMinutes(5))
                .log(runtimeLog)
                .build());
        runtime.runDeployTimeFunctions();
        base = "http://127.0.0.1:" + runtime.startApi(0, new StaticFiles(Path.of(System.getProperty("notes.web.app.dir"))));
        api = new ApiClient(base);
        warmUp();
        browser = Chromium.start();
    }

    /**
     * Starts one instance of each function, one after the other: on a busy machine several JVMs
     * initializing at once can outlast a function's timeout, which is not what these tests test.
     */
    private static void warmUp() {
        String username = newUsername();
        api.register(username, PASSWORD);
        String token = api.login(username, PASSWORD);
        api.call("GET", "/notes", token, null);
        api.call("GET", "/me", token, null);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (runtime != null) {
            runtime.close();
            runtimeLog.close();
        }
    }

    @BeforeEach
    void freshTab() {
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(base + "/#/login");
        js("sessionStorage.clear(); localStorage.clear();");
        browser.navigate().refresh();
        waitForHeading("Log in");
    }

    @AfterEach
    void noPolicyViolations() {
        assertThat(policyViolations()).as("CSP or Trusted Types violations in the console").isEmpty();
    }

    /** The CSP and Trusted Types reports in the console since the last call (reading the log empties it). */
    private static List<String> policyViolations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Trusted Type"))
                .toList();
    }

    // ------------------------------------------------------------------ helpers

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private WebElement id(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void waitForHeading(String text) {
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), text));
    }

    private void waitForFlash(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), text));
    }

    private static String newUsername() {
        return "web-" + USERS.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    private static void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    private void submitLogIn(String username) {
        type(id("login-username"), username);
        type(id("login-password"), PASSWORD);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    }

    private void logInAs(String username) {
        submitLogIn(username);
        waitForHeading("Your notes");
    }

    /** A new account, logged in through the page; returns its API token for work behind the page's back. */
    private String signedInUser() {
        String username = newUsername();
        api.register(username, PASSWORD);
        logInAs(username);
        return api.login(username, PASSWORD);
    }

    /** Key presses and text sent to whatever has the focus, as a keyboard would. */
    private void keys(CharSequence... presses) {
        Actions actions = new Actions(browser);
        for (CharSequence press : presses) {
            actions.sendKeys(press);
        }
        actions.perform();
    }

    private String pageToken() {
        return (String) js("return sessionStorage.getItem('notes.token');");
    }

    private void openNote(String id) {
        browser.get(base + "/#/notes/" + id);
        wait.until(driver -> !driver.findElement(By.id("note-title")).getText().isEmpty());
    }

    private void openEditor(String id) {
        browser.get(base + "/#/notes/" + id + "/edit");
        wait.until(driver -> driver.findElement(By.id("editor-heading")).getText().startsWith("Edit"));
    }

    private List<String> listedTitles() {
        return browser.findElements(By.cssSelector("#notes .note-link")).stream().map(WebElement::getText).toList();
    }

    private void screenshot(String name) throws IOException {
        Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, ARTIFACTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private void assertNoAlert() {
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    /** Records every URL the page fetches from now on (the page's own fetch, wrapped from outside). */
    private void recordRequests() {
        js("window.__requests = []; const original = window.fetch;"
                + "window.fetch = (url, options) => { window.__requests.push(String(url)); return original(url, options); };");
    }

    @SuppressWarnings("unchecked")
    private List<String> recordedRequests() {
        return (List<String>) js("return window.__requests;");
    }

    // ------------------------------------------------------------------ accounts

    @Test
    void signUp_logsIn_thenLogOut_forgetsTheToken_andLogInWorksAgain() {
        String username = newUsername();
        browser.findElement(By.linkText("Sign up")).click();
        waitForHeading("Sign up");
        type(id("signup-username"), username);
        type(id("signup-password"), PASSWORD);
        browser.findElement(By.cssSelector("#signup-form button[type=submit]")).click();

        waitForHeading("Your notes");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list-status"), "No notes yet"));
        assertThat(pageToken()).isNotBlank();
        assertThat(js("return localStorage.length;")).isEqualTo(0L);
        assertThat(browser.manage().getCookies()).isEmpty();
        String token = pageToken();

        browser.findElement(By.id("logout")).click();
        waitForHeading("Log in");
        waitForFlash("You are logged out.");
        assertThat(pageToken()).isNull();
        assertThat(api.call("GET", "/notes", token, null).status()).as("the token was revoked").isEqualTo(401);

        logInAs(username);
        assertThat(id("account-link").getText()).contains(username);
    }

    @Test
    void signUp_showsTheApisFieldErrorsNextToTheirFields() {
        browser.findElement(By.linkText("Sign up")).click();
        waitForHeading("Sign up");
        type(id("signup-username"), "x");
        type(id("signup-password"), "short");
        browser.findElement(By.cssSelector("#signup-form button[type=submit]")).click();

        WebElement usernameError = id("signup-username-error");
        WebElement passwordError = id("signup-password-error");
        assertThat(usernameError.getText()).startsWith("username");
        assertThat(passwordError.getText()).startsWith("password");
        assertThat(id("signup-username").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("signup-username");
    }

    @Test
    void logIn_withAWrongPassword_saysSo_andRepeatedFailuresShowTheRetryAfterWait() {
        String username = newUsername();
        api.register(username, PASSWORD);
        type(id("login-username"), username);
        type(id("login-password"), "not the password");
        WebElement submit = browser.findElement(By.cssSelector("#login-form button[type=submit]"));
        submit.click();
        WebElement message = browser.findElement(By.cssSelector("#login-form .form-error"));
        wait.until(ExpectedConditions.textToBePresentInElement(message, "The username or password is wrong."));

        // Five failures are free, then the delay starts at 1 s and doubles: the wait shows within a few more.
        for (int attempt = 0; attempt < 12 && !message.getText().startsWith("Too many attempts"); attempt++) {
            wait.until(ExpectedConditions.elementToBeClickable(submit));
            js("arguments[0].textContent = '';", message);
            submit.click();
            wait.until(driver -> !message.getText().isEmpty());
        }
        assertThat(message.getText()).matches("Too many attempts\\. Try again in \\d+ seconds?\\.");
        assertThat(submit.isEnabled()).as("the button waits out Retry-After").isFalse();
    }

    // ------------------------------------------------------------------ notes

    @Test
    void createANote_withMarkdown_seesItRendered_inThePreviewAndOnItsPage() throws IOException {
        signedInUser();
        browser.findElement(By.cssSelector(".page-head a.button")).click();
        waitForHeading("New note");
        type(id("note-title-input"), "Shopping");
        type(id("note-body-input"), "# Groceries\n\nBuy **oat milk** and `coffee`.\n\n- eggs\n- bread\n\n"
                + "> Read the [recipe](https://example.org/recipe).\n");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#preview h1"), "Groceries"));
        id("save").click();

        waitForFlash("Note created.");
        assertThat(id("note-title").getText()).isEqualTo("Shopping");
        WebElement body = id("note-body");
        assertThat(body.findElement(By.tagName("h1")).getText()).isEqualTo("Groceries");
        assertThat(body.findElement(By.tagName("strong")).getText()).isEqualTo("oat milk");
        assertThat(body.findElements(By.tagName("li"))).extracting(WebElement::getText).containsExactly("eggs", "bread");
        WebElement link = body.findElement(By.tagName("a"));
        assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer");
        screenshot("note.png");
    }

    @Test
    void xssSamples_inTitleAndBody_stayInert_onThePage_inTheListAndInThePreview() {
        String token = signedInUser();
        String title = "<img src=x onerror=\"window.__xss='title'\">";
        String body = String.join("\n\n",
                "<script>window.__xss = 'script'</script>",
                "<img src=\"x\" onerror=\"window.__xss = 'img'\">",
                "<img src=x onerror=alert(1)>",
                "[markdown link](javascript:window.__xss='md-link')",
                "<a href=\"javascript:window.__xss='a'\">raw link</a>",
                "<a href=\"JaVaScRiPt&colon;window.__xss='entity'\">entity link</a>",
                "<iframe src=\"javascript:window.__xss='iframe'\"></iframe>",
                "<svg><script>window.__xss='svg'</script></svg>",
                "<svg onload=\"window.__xss='svg-onload'\"></svg>",
                "<details open ontoggle=\"window.__xss='details'\"><summary>x</summary></details>",
                "<object data=\"javascript:window.__xss='object'\"></object>",
                "<form action=\"javascript:window.__xss='form'\"><button>go</button></form>",
                "![image](x\" onerror=\"window.__xss='md-img')",
                "<a href=\"data:text/html,<script>alert(1)</script>\">data link</a>",
                "The end.",
                // Last: its unclosed <style> swallows whatever follows it.
                "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss='mxss'\">");
        String id = api.createNote(token, title, body);

        openNote(id);
        assertThat(id("note-title").getText()).isEqualTo(title);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("note-body"), "The end."));
        assertInert("#note-body");
        for (WebElement link : browser.findElements(By.cssSelector("#note-body a"))) {
            if (link.getAttribute("href") == null) {
                link.click();
            }
        }
        assertInert("#note-body");

        browser.get(base + "/#/notes");
        wait.until(driver -> listedTitles().contains(title));
        assertInert("#notes");

        openEditor(id);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "The end."));
        assertInert("#preview");

        // Chromium checks the CSP as DOMPurify parses the payload into its inert document, and says
        // so; what counts is that no report comes from the page, where nothing of it arrives.
        assertThat(policyViolations()).allSatisfy(report -> assertThat(report).contains("/vendor/dompurify/purify.min.js"));
    }

    private void assertInert(String container) {
        // Time for an image's error event or a load handler to fire, had one survived.
        js("return new Promise(resolve => setTimeout(resolve, 500));");
        assertNoAlert();
        assertThat(js("return window.__xss === undefined;")).as("a payload set window.__xss").isEqualTo(true);
        String dangerous = (String) js("return Array.from(document.querySelector(arguments[0]).querySelectorAll('*'))"
                + ".filter(e => ['SCRIPT','IFRAME','OBJECT','EMBED','FORM','STYLE'].includes(e.tagName)"
                + "  || Array.from(e.attributes).some(a => a.name.startsWith('on')"
                + "     || /^\\s*(javascript|data):/i.test(a.value) && ['href','src','action','data','xlink:href'].includes(a.name)))"
                + ".map(e => e.outerHTML).join('\\n');", container);
        assertThat(dangerous).as("dangerous markup in %s", container).isEmpty();
    }

    @Test
    void edit_savesTheChange_andTheNotePageShowsIt() {
        String token = signedInUser();
        String id = api.createNote(token, "Draft plan", "first version");
        openNote(id);
        id("edit-link").click();
        wait.until(ExpectedConditions.textToBe(By.id("editor-heading"), "Edit “Draft plan”"));
        assertThat(id("note-body-input").getAttribute("value")).isEqualTo("first version");

        type(id("note-title-input"), "Final plan");
        type(id("note-body-input"), "second *version*");
        id("save").click();

        waitForFlash("Saved.");
        assertThat(id("note-title").getText()).isEqualTo("Final plan");
        assertThat(id("note-body").findElement(By.tagName("em")).getText()).isEqualTo("version");
        ApiClient.Response stored = api.call("GET", "/notes/" + id, token, null);
        assertThat(stored.body().get("body").asText()).isEqualTo("second *version*");
        assertThat(stored.header("etag")).isEqualTo("\"1\"");
    }

    @Test
    void save_afterTheNoteChangedElsewhere_shows412_andOverwritesOnlyWhenAsked() throws IOException {
        String token = signedInUser();
        String id = api.createNote(token, "Shared", "original");
        openEditor(id);
        type(id("note-body-input"), "mine");
        assertThat(api.call("PUT", "/notes/" + id, token, Map.of("title", "Shared", "body", "theirs"),
                "If-Match", "\"0\"").status()).isEqualTo(200);

        id("save").click();

        WebElement conflict = id("conflict");
        assertThat(conflict.getText()).contains("This note was changed elsewhere").contains("not saved yet");
        assertThat(api.call("GET", "/notes/" + id, token, null).body().get("body").asText()).isEqualTo("theirs");
        browser.findElement(By.cssSelector("#conflict-details summary")).click();
        assertThat(id("conflict-other").getText()).contains("theirs");
        screenshot("conflict.png");

        id("conflict-overwrite").click();

        waitForFlash("Saved.");
        assertThat(id("note-body").getText()).isEqualTo("mine");
        ApiClient.Response stored = api.call("GET", "/notes/" + id, token, null);
        assertThat(stored.body().get("body").asText()).isEqualTo("mine");
        assertThat(stored.header("etag")).isEqualTo("\"2\"");
    }

    @Test
    void save_afterTheNoteChangedElsewhere_canLoadTheOtherVersionInstead() {
        String token = signedInUser();
        String id = api.createNote(token, "Shared", "original");
        openEditor(id);
        type(id("note-body-input"), "mine");
        api.call("PUT", "/notes/" + id, token, Map.of("title", "Shared too", "body", "theirs"), "If-Match", "\"0\"");
        id("save").click();
        id("conflict");

        id("conflict-reload").click();

        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("conflict")));
        assertThat(id("note-title-input").getAttribute("value")).isEqualTo("Shared too");
        assertThat(id("note-body-input").getAttribute("value")).isEqualTo("theirs");
        type(id("note-body-input"), "theirs, then mine");
        id("save").click();
        waitForFlash("Saved.");
        assertThat(api.call("GET", "/notes/" + id, token, null).body().get("body").asText())
                .isEqualTo("theirs, then mine");
    }

    @Test
    void aRevokedToken_leadsToLogIn_andTheDraftIsRestoredAfterwards() {
        String username = newUsername();
        api.register(username, PASSWORD);
        logInAs(username);
        String token = api.login(username, PASSWORD);
        String id = api.createNote(token, "Journal", "Monday");
        openEditor(id);
        type(id("note-body-input"), "Monday, and a long Tuesday");
        assertThat(api.call("POST", "/logout", pageToken(), null).status()).isEqualTo(204);

        id("save").click();

        waitForHeading("Log in");
        waitForFlash("your unsaved changes are kept");
        submitLogIn(username.toUpperCase());
        waitForHeading("Edit “Journal”");
        assertThat(id("draft-notice").getText()).contains("restored");
        assertThat(id("note-body-input").getAttribute("value")).isEqualTo("Monday, and a long Tuesday");
        id("save").click();
        waitForFlash("Saved.");
        assertThat(api.call("GET", "/notes/" + id, token, null).body().get("body").asText())
                .isEqualTo("Monday, and a long Tuesday");
    }

    @Test
    void delete_asksFirst_cancelKeepsTheNote_confirmDeletesIt() {
        String token = signedInUser();
        String id = api.createNote(token, "Old receipts", "2019");
        openNote(id);

        id("delete").click();
        WebElement dialog = id("confirm-delete");
        assertThat(dialog.getText()).contains("“Old receipts” will be deleted for good.");
        id("cancel-delete").click();
        wait.until(ExpectedConditions.invisibilityOf(dialog));
        assertThat(api.call("GET", "/notes/" + id, token, null).status()).isEqualTo(200);

        id("delete").click();
        id("confirm-delete-button").click();

        waitForHeading("Your notes");
        waitForFlash("Deleted “Old receipts”.");
        assertThat(api.call("GET", "/notes/" + id, token, null).status()).isEqualTo(404);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list-status"), "No notes yet"));
    }

    // ------------------------------------------------------------------ the list

    @Test
    void list_isNewestFirst_andLoadMoreFetchesTheNextPage_untilTheLast() throws IOException {
        String token = signedInUser();
        IntStream.rangeClosed(1, 23).forEach(i -> api.createNote(token, "Note " + i, "Body of note " + i
                + (i % 3 == 0 ? " with **bold** text" : "")));
        browser.navigate().refresh();
        wait.until(driver -> listedTitles().size() == 20);

        assertThat(listedTitles()).startsWith("Note 23", "Note 22").endsWith("Note 4");
        assertThat(id("list-status").getText()).isEqualTo("20 notes so far, newest first.");
        screenshot("notes-list.png");
        recordRequests();

        id("load-more").click();

        wait.until(driver -> listedTitles().size() == 23);
        assertThat(listedTitles()).endsWith("Note 3", "Note 2", "Note 1").doesNotHaveDuplicates();
        assertThat(recordedRequests()).singleElement().asString().contains("cursor=");
        assertThat(browser.findElement(By.id("load-more")).isDisplayed()).isFalse();
        assertThat(id("list-status").getText()).isEqualTo("23 notes, newest first.");
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Note 3");
    }

    /**
     * Search (GET /notes?q=TEXT, paged like the list): the box sends q once typing pauses, shows
     * what the API answers, pages a search with q and the cursor together, and shows the API's
     * 400 for a query over 200 characters under the box.
     */
    @Test
    void search_sendsQOnceTypingPauses_showsTheMatches_pagesTheSearch_andShowsTheApisError() {
        String token = signedInUser();
        api.createNote(token, "Giraffe", "long neck");
        IntStream.rangeClosed(1, 22).forEach(i -> api.createNote(token, "Zebra " + i, "stripes"));
        browser.navigate().refresh();
        wait.until(driver -> listedTitles().size() == 20);
        recordRequests();

        id("search").sendKeys("zebra");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list-status"), "match “zebra”"));
        assertThat(recordedRequests()).singleElement().asString().isEqualTo("/notes?limit=20&q=zebra");
        assertThat(browser.getCurrentUrl()).endsWith("#/notes?q=zebra");
        assertThat(listedTitles()).hasSize(20).allSatisfy(title -> assertThat(title).startsWith("Zebra"));

        id("load-more").click();

        wait.until(driver -> listedTitles().size() == 22);
        assertThat(recordedRequests()).hasSize(2).last().asString().contains("q=zebra").contains("cursor=");
        assertThat(listedTitles()).doesNotContain("Giraffe");
        assertThat(browser.findElement(By.id("load-more")).isDisplayed()).isFalse();

        id("search").clear();
        id("search").sendKeys("x".repeat(201));
        WebElement error = id("search-error");
        assertThat(error.getText()).contains("q");
        assertThat(id("search").getAttribute("aria-invalid")).isEqualTo("true");

        id("search").clear();
        id("search").sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list-status"), "newest first"));
        assertThat(recordedRequests()).hasSize(4).last().asString().isEqualTo("/notes?limit=20");
        assertThat(browser.findElement(By.id("search-error")).isDisplayed()).isFalse();
    }

    // ------------------------------------------------------------------ headers, origin, accessibility

    @Test
    void theAppsFiles_carryTheSecurityHeaders_andEveryResourceComesFromItsOwnOrigin() {
        ApiClient.Response index = api.call("GET", "/", null, null);
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.header("content-security-policy")).isEqualTo(StaticFiles.CONTENT_SECURITY_POLICY)
                .contains("default-src 'none'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'");
        assertThat(index.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(index.header("x-frame-options")).isEqualTo("DENY");
        assertThat(index.header("referrer-policy")).isEqualTo("no-referrer");

        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) js(
                "return performance.getEntriesByType('resource').map(entry => entry.name);");
        assertThat(loaded).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(base + "/"));
        assertThat(js("return document.querySelectorAll('script:not([src]), [style]').length;"))
                .as("inline scripts or styles").isEqualTo(0L);
    }

    @Test
    void keyboardOnly_logsIn_writesANote_andDeletesIt() {
        String username = newUsername();
        api.register(username, PASSWORD);

        keys(Keys.TAB, username, Keys.TAB, PASSWORD, Keys.ENTER);
        waitForHeading("Your notes");
        keys(Keys.TAB, Keys.ENTER);
        waitForHeading("New note");
        keys(Keys.TAB, "Typed", Keys.TAB, "*only* keys");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#preview em"), "only"));
        keys(Keys.TAB, Keys.ENTER);
        waitForFlash("Note created.");

        WebElement delete = browser.findElement(By.id("delete"));
        for (int i = 0; i < 20 && !delete.equals(browser.switchTo().activeElement()); i++) {
            keys(Keys.TAB);
        }
        keys(Keys.ENTER);
        id("confirm-delete");
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Cancel");
        keys(Keys.TAB, Keys.ENTER);
        waitForFlash("Deleted “Typed”.");
    }

    @Test
    void everyScreen_labelsItsFieldsAndNamesItsButtons_andFitsAPhone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        assertAccessible("log in");
        browser.findElement(By.linkText("Sign up")).click();
        waitForHeading("Sign up");
        assertAccessible("sign up");
        browser.findElement(By.linkText("Log in")).click();
        waitForHeading("Log in");

        String token = signedInUser();
        String id = api.createNote(token, "A rather long title that has to wrap on a narrow screen",
                "A body with a very-long-unbroken-word-" + "x".repeat(80) + "\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        browser.navigate().refresh();
        wait.until(driver -> listedTitles().size() == 1);
        assertAccessible("list");
        openNote(id);
        assertAccessible("note");
        openEditor(id);
        assertAccessible("editor");
        browser.get(base + "/#/account");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-username"), "web-"));
        assertAccessible("account");
    }

    private void assertAccessible(String screen) {
        String unlabelled = (String) js("return Array.from(document.querySelectorAll('input, textarea, select'))"
                + ".filter(f => f.labels.length === 0 && !f.getAttribute('aria-label')).map(f => f.outerHTML).join();");
        String unnamed = (String) js("return Array.from(document.querySelectorAll('button, a[href]'))"
                + ".filter(b => !b.textContent.trim() && !b.getAttribute('aria-label')).map(b => b.outerHTML).join();");
        assertThat(unlabelled).as("fields without a label on %s", screen).isEmpty();
        assertThat(unnamed).as("buttons or links without a name on %s", screen).isEmpty();
        assertThat(js("return document.documentElement.scrollWidth <= window.innerWidth;"))
                .as("%s scrolls sideways at %s", screen, browser.manage().window().getSize()).isEqualTo(true);
    }
}
