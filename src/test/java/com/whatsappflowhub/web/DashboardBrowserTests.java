package com.whatsappflowhub.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.whatsappflowhub.Api;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.SignIn;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.tasks.Actor;
import com.whatsappflowhub.tasks.Priority;
import com.whatsappflowhub.tasks.TaskFilter;
import com.whatsappflowhub.tasks.TaskId;
import com.whatsappflowhub.tasks.TaskManagement;
import com.whatsappflowhub.tasks.TaskStatus;
import com.whatsappflowhub.tasks.TaskView;
import com.whatsappflowhub.tasks.Viewer;
import com.whatsappflowhub.whatsapp.SharedGraphServer;
import com.whatsappflowhub.whatsapp.demo.DemoReplay;
import com.whatsappflowhub.whatsapp.number.NumberSettings;
import com.whatsappflowhub.whatsapp.webhook.AppSecret;
import com.whatsappflowhub.whatsapp.webhook.SignatureVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real Chromium against the running application (a real port) with the demo data: the demo
 * tenant's WhatsApp requests posted through the signed webhook, replies going to a local Graph API. Screenshots at
 * 1280 and 375 px go to {@code target/screenshots/}; axe-core checks each page. Skipped without Debian's chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Api.class)
class DashboardBrowserTests {

	static final String DEMO_ADMIN = "admin@demo.flowhub.test";

	static final String DEMO_PASSWORD = "demo-admin-test-password";

	static final WireMockServer graph = new WireMockServer(wireMockConfig().dynamicPort().globalTemplating(true));

	static ChromeDriver driver;

	static boolean demoPosted;

	@DynamicPropertySource
	static void localGraphApi(DynamicPropertyRegistry registry) {
		if (!graph.isRunning()) {
			graph.start();
			graph.stubFor(post(urlPathMatching("/.*/messages")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
						+ "\"messages\":[{\"id\":\"wamid.OUT{{randomValue length=24 type='ALPHANUMERIC'}}\"}]}")));
			graph.stubFor(get(urlPathMatching("/.*/message_templates")).willReturn(SharedGraphServer.jsonAsIs((JsonMapper.shared()
				.writeValueAsString(Map.of("data", List.of(
						SharedGraphServer.template("hello_world", "en_US", "APPROVED", "Hello! How can we help you today?"),
						SharedGraphServer.template("request_update", "en_US", "APPROVED",
								"Hi {{1}}, an update on your request: {{2}}."),
						SharedGraphServer.template("winter_promo", "en_US", "PENDING", "Hi {{1}}, our sale starts soon!"))))))));
		}
		registry.add("flowhub.whatsapp.base-url", graph::baseUrl);
	}

	@BeforeAll
	static void browser() {
		Chromium.assumeInstalled();
		driver = Chromium.start();
	}

	@AfterAll
	static void close() {
		if (driver != null) {
			driver.quit();
		}
		graph.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	Api api;

	@Autowired
	NumberSettings numbers;

	@Autowired
	TaskManagement tasks;

	@Autowired
	SignIn signIn;

	String base() {
		return "http://localhost:" + port;
	}

	@BeforeEach
	void demoData() {
		if (demoPosted) {
			return;
		}
		Instant since = Instant.now().minusSeconds(1);
		for (String body : DemoReplay.requests(numbers.demoPhoneNumberId(), Instant.now())) {
			postWebhook(body);
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> asDemoAdmin(viewer -> tasks.list(created(since), viewer, null, 50).items().size()) >= 4);
		demoPosted = true;
	}

	@Test
	void signsInAndListsTheDemoTasks() {
		driver.manage().deleteAllCookies();
		driver.get(base() + "/tasks");
		wait(10).until(ExpectedConditions.urlContains("/login"));
		signIn(DEMO_ADMIN, DEMO_PASSWORD);

		String rows = driver.findElement(By.id("results")).getText();
		assertThat(rows).contains("Send Acme invoice", "Prepare quote for Globex", "El aire acondicionado");
		assertThat(driver.findElement(By.cssSelector("header .who")).getText()).isEqualTo("Demo administrator");

		driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
		wait(10).until(ExpectedConditions.urlContains("/login?signedOut"));
		driver.get(base() + "/tasks");
		wait(10).until(ExpectedConditions.urlContains("/login"));
	}

	@Test
	void aSuggestionConfirmedFromTheReviewQueueLeavesIt() {
		TaskView suggestion = asDemoAdmin(viewer -> tasks.propose(new TaskManagement.Proposal(
				"test:" + UUID.randomUUID(), "Check the Initech order " + UUID.randomUUID().toString().substring(0, 6),
				"Can someone check the Initech order?", Priority.MEDIUM, null, null, null, 0.55, List.of(), List.of(),
				null, null, null, true), new Actor(Actor.Type.AI, "browser-test"))
			.orElseThrow());
		signIn(DEMO_ADMIN, DEMO_PASSWORD);
		driver.get(base() + "/review");
		By item = By.id("s-" + suggestion.id());
		wait(10).until(ExpectedConditions.presenceOfElementLocated(item));
		List<WebElement> queue = driver.findElements(By.cssSelector("li.suggestion"));
		int position = queue.indexOf(driver.findElement(item));
		assertThat(queue.get(0).getAttribute("class")).contains("selected");

		for (int i = 0; i < position; i++) {
			new Actions(driver).sendKeys("j").perform();
		}
		assertThat(driver.findElement(item).getAttribute("class")).contains("selected");
		new Actions(driver).sendKeys("c").perform();

		wait(10).until(ExpectedConditions.numberOfElementsToBe(item, 0));
		TaskView confirmed = asDemoAdmin(viewer -> tasks.get(suggestion.id(), viewer));
		assertThat(confirmed.suggested()).isFalse();
		assertThat(confirmed.status()).isEqualTo(TaskStatus.OPEN);
		driver.navigate().refresh();
		assertThat(driver.findElements(item)).isEmpty();
	}

	@Test
	void aTaskCompletedFromItsPageShowsWhoInItsHistory() {
		TaskView task = asDemoAdmin(viewer -> tasks.create(new TaskManagement.NewTask("Renew the Umbrella contract", null,
				Priority.HIGH, null, null, null, List.of()), viewer));
		signIn(DEMO_ADMIN, DEMO_PASSWORD);
		driver.get(base() + "/tasks/" + task.id());

		driver.findElement(By.cssSelector("button[data-step='complete']")).click();

		wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".summary .status"), "Done"));
		String timeline = driver.findElement(By.cssSelector(".timeline")).getText();
		assertThat(timeline).contains("User: Demo administrator").contains("completed");
		assertThat(asDemoAdmin(viewer -> tasks.get(task.id(), viewer)).status()).isEqualTo(TaskStatus.DONE);
	}

	@Test
	void aWhatsAppMessagePostedMeanwhileAppearsInTheOpenListWithoutAReload() {
		signIn(DEMO_ADMIN, DEMO_PASSWORD);
		driver.get(base() + "/tasks");
		wait(10).until(d -> "open".equals(d.findElement(By.tagName("body")).getAttribute("data-stream")));
		((JavascriptExecutor) driver).executeScript("window.__sameDocument = true;");
		Set<String> before = rowIds();
		String word = "Zorblax" + UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9]", "x");

		postWebhook(DemoReplay.message(numbers.demoPhoneNumberId(), "4477009" + (100000 + (int) (Math.random() * 800000)),
				"Wile Coyote", "Hi! can you send the " + word + " invoice by Friday 5pm? Thanks", Instant.now()));

		wait(30).until(d -> !difference(rowIds(), before).isEmpty());
		assertThat(((JavascriptExecutor) driver).executeScript("return window.__sameDocument === true;")).isEqualTo(true);
		String appeared = difference(rowIds(), before).iterator().next();
		TaskView task = asDemoAdmin(viewer -> tasks.get(new TaskId(UUID.fromString(appeared.substring("task-".length()))), viewer));
		assertThat(task.title() + " " + task.description()).contains(word);

		// and a change made elsewhere (here: completed) shows up too
		asDemoAdmin(viewer -> tasks.complete(task.id(), null, viewer));
		wait(30).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#" + appeared + " .status"), "Done"));
		assertThat(((JavascriptExecutor) driver).executeScript("return window.__sameDocument === true;")).isEqualTo(true);
	}

	@Test
	void aReplySentFromTheConversationPageAppearsInTheThread() {
		String name = "Road Runner " + UUID.randomUUID().toString().substring(0, 4);
		String customer = "4477001" + (100000 + (int) (Math.random() * 800000));
		postWebhook(DemoReplay.message(numbers.demoPhoneNumberId(), customer, name, "Is my parcel on its way?",
				Instant.now()));
		signIn(DEMO_ADMIN, DEMO_PASSWORD);
		openConversation(name);
		((JavascriptExecutor) driver).executeScript("window.__sameDocument = true;");
		String reply = "Yes, it left this morning " + UUID.randomUUID().toString().substring(0, 6);

		driver.findElement(By.id("reply-body")).sendKeys(reply);
		driver.findElement(By.cssSelector("#reply-text button[type='submit']")).click();

		wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#thread li.out:last-child"), reply));
		assertThat(((JavascriptExecutor) driver).executeScript("return window.__sameDocument === true;")).isEqualTo(true);
		assertThat(driver.findElement(By.id("reply-body")).getAttribute("value")).isEmpty();
		await().atMost(Duration.ofSeconds(10)).until(() -> !graph.findAll(postRequestedFor(urlPathMatching("/.*/messages"))
			.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(reply))).isEmpty());
		driver.navigate().refresh();
		assertThat(driver.findElement(By.id("thread")).getText()).contains(reply);
	}

	@Test
	void outsideTheWindowTheConversationPageSendsAnApprovedTemplate() {
		String name = "Marvin Martian " + UUID.randomUUID().toString().substring(0, 4);
		String customer = "4477002" + (100000 + (int) (Math.random() * 800000));
		postWebhook(DemoReplay.message(numbers.demoPhoneNumberId(), customer, name, "Any news on my order?",
				Instant.now().minus(Duration.ofDays(2))));
		signIn(DEMO_ADMIN, DEMO_PASSWORD);
		openConversation(name);
		assertThat(driver.findElements(By.id("reply-text"))).isEmpty();
		List<String> offered = driver.findElements(By.cssSelector("form.template")).stream()
			.map(form -> form.getAttribute("data-template"))
			.toList();
		assertThat(offered).containsExactly("hello_world|en_US", "request_update|en_US");
		Chromium.screenshot(driver, "conversation-template", 1280);

		WebElement update = driver.findElement(By.cssSelector("form[data-template='request_update|en_US']"));
		List<WebElement> values = update.findElements(By.name("parameter"));
		values.get(0).sendKeys("Marvin");
		values.get(1).sendKeys("it ships on Monday");
		update.findElement(By.cssSelector("button[type='submit']")).click();

		wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#thread li.out:last-child"),
				"Hi Marvin, an update on your request: it ships on Monday."));
		assertThat(graph.findAll(postRequestedFor(urlPathMatching("/.*/messages"))
			.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"request_update\"")))).isNotEmpty();
	}

	@Test
	void aTenantAdminRegistersAWhatsAppNumberWhoseSecretsAreNeverShownAgain() {
		String phone = "1065" + (10000000 + (int) (Math.random() * 80000000));
		String token = "EAAG-browser-" + UUID.randomUUID();
		graph.stubFor(get(urlPathEqualTo("/v23.0/" + phone)).withHeader("Authorization", equalTo("Bearer " + token))
			.willReturn(okJson("{\"id\":\"" + phone + "\",\"display_phone_number\":\"+1 555 0142\",\"verified_name\":\"Acme\"}")));
		graph.stubFor(get(urlPathEqualTo("/v23.0/waba-browser/phone_numbers"))
			.withHeader("Authorization", equalTo("Bearer " + token))
			.willReturn(okJson("{\"data\":[{\"id\":\"" + phone + "\"}]}")));
		Api.TenantFixture tenant = api.newTenant();
		signIn(tenant.slug() + "-admin@example.com", Api.PASSWORD);
		driver.get(base() + "/admin");

		driver.findElement(By.id("nn-phone")).sendKeys(phone);
		driver.findElement(By.id("nn-account")).sendKeys("waba-browser");
		driver.findElement(By.id("nn-display")).sendKeys("+1 555 0142");
		driver.findElement(By.id("nn-token")).sendKeys("a-wrong-token");
		driver.findElement(By.cssSelector("#new-number button[type='submit']")).click();
		wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("new-number"), "Meta did not answer"));
		assertThat(driver.getPageSource()).doesNotContain("a-wrong-token");

		driver.findElement(By.id("nn-token")).sendKeys(token);
		driver.findElement(By.id("nn-secret")).sendKeys("its-own-app-secret");
		driver.findElement(By.cssSelector("#new-number button[type='submit']")).click();
		wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("numbers"), phone));
		assertThat(driver.findElement(By.id("numbers")).getText()).contains("+1 555 0142", "its own Meta app");
		assertThat(driver.getPageSource()).doesNotContain(token, "its-own-app-secret");
		Chromium.screenshot(driver, "admin-numbers", 1280);
	}

	void openConversation(String name) {
		driver.get(base() + "/conversations");
		wait(10).until(ExpectedConditions.presenceOfElementLocated(By.linkText(name)));
		driver.findElement(By.linkText(name)).click();
		wait(10).until(ExpectedConditions.textToBe(By.tagName("h1"), name));
	}

	@Test
	void aUserDoesNotSeeAnotherUsersTask() {
		Api.TenantFixture tenant = api.newTenant();
		String title = "Fix the spare's printer " + UUID.randomUUID().toString().substring(0, 6);
		JsonNode task = api.read(api.post("/api/v1/tasks", tenant.token(Role.TENANT_ADMIN),
				Map.of("title", title, "assigneeId", tenant.spareUserId())));
		String id = task.get("id").asString();

		signIn(tenant.slug() + "-user@example.com", Api.PASSWORD);
		assertThat(driver.findElement(By.id("main")).getText()).doesNotContain(title);
		driver.get(base() + "/tasks/" + id);
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
		assertThat(driver.getPageSource()).doesNotContain(title);

		signIn(tenant.spareEmail(), Api.PASSWORD);
		assertThat(driver.findElement(By.id("results")).getText()).contains(title);
	}

	@Test
	void aViewerGetsNoEditControls() {
		Api.TenantFixture tenant = api.newTenant();
		String title = "Order new chairs " + UUID.randomUUID().toString().substring(0, 6);
		String id = api.read(api.post("/api/v1/tasks", tenant.token(Role.TENANT_ADMIN), Map.of("title", title)))
			.get("id")
			.asString();

		signIn(tenant.slug() + "-viewer@example.com", Api.PASSWORD);
		driver.get(base() + "/tasks/" + id);
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
		assertThat(driver.findElements(By.cssSelector("button[data-step]"))).isEmpty();
		assertThat(driver.findElements(By.id("edit-form"))).isEmpty();
		assertThat(driver.findElements(By.cssSelector("form[action$='/comments']"))).isEmpty();
		assertThat(driver.findElements(By.cssSelector("form[action$='/assign']"))).isEmpty();

		// and the server refuses what the page does not offer, even with a valid CSRF token
		assertThat(postFromPage("/tasks/" + id + "/complete", true)).isEqualTo(403);
		assertThat(api.read(api.get("/api/v1/tasks/" + id, tenant.token(Role.TENANT_ADMIN))).get("status").asString())
			.isEqualTo("OPEN");
	}

	@Test
	void aFormPostWithoutTheCsrfTokenIsRefused() {
		Api.TenantFixture tenant = api.newTenant();
		String id = api.read(api.post("/api/v1/tasks", tenant.token(Role.TENANT_ADMIN),
				Map.of("title", "Water the plants", "assigneeId", tenant.spareUserId()))).get("id").asString();
		signIn(tenant.spareEmail(), Api.PASSWORD);
		driver.get(base() + "/tasks/" + id);

		assertThat(postFromPage("/tasks/" + id + "/complete", false)).isEqualTo(403);
		assertThat(api.read(api.get("/api/v1/tasks/" + id, tenant.token(Role.TENANT_ADMIN))).get("status").asString())
			.isEqualTo("OPEN");

		assertThat(postFromPage("/tasks/" + id + "/complete", true)).isEqualTo(200);
		assertThat(api.read(api.get("/api/v1/tasks/" + id, tenant.token(Role.TENANT_ADMIN))).get("status").asString())
			.isEqualTo("DONE");
	}

	@Test
	void pagesAtLaptopAndPhoneWidthsHaveNoSeriousAccessibilityViolations() {
		asDemoAdmin(viewer -> tasks.propose(new TaskManagement.Proposal("test:" + UUID.randomUUID(),
				"Quote the Hooli renewal", "Maybe someone could quote the Hooli renewal?", Priority.LOW, null, null, null,
				0.52, List.of(), List.of(), null, null, null, true), new Actor(Actor.Type.AI, "browser-test")));
		signIn(DEMO_ADMIN, DEMO_PASSWORD);
		String demoTask = driver.findElements(By.cssSelector("#results a[href^='/tasks/']"))
			.stream()
			.filter(a -> a.getText().startsWith("Send Acme invoice"))
			.findFirst()
			.orElseThrow()
			.getAttribute("href");
		Map<String, String> pages = new java.util.LinkedHashMap<>();
		pages.put("tasks", base() + "/tasks");
		pages.put("task", demoTask);
		pages.put("board", base() + "/board");
		pages.put("review", base() + "/review");
		pages.put("analytics", base() + "/analytics");
		pages.put("conversations", base() + "/conversations");
		driver.get(base() + "/conversations");
		pages.put("conversation", driver.findElement(By.cssSelector(".conversations a")).getAttribute("href"));
		String closed = "Elmer Fudd " + UUID.randomUUID().toString().substring(0, 4);
		postWebhook(DemoReplay.message(numbers.demoPhoneNumberId(), "4477003" + (100000 + (int) (Math.random() * 800000)),
				closed, "Did you get my message from Monday?", Instant.now().minus(Duration.ofDays(3))));
		driver.navigate().refresh();
		wait(10).until(ExpectedConditions.presenceOfElementLocated(By.linkText(closed)));
		pages.put("conversation-closed", driver.findElement(By.linkText(closed)).getAttribute("href"));
		pages.put("rules", base() + "/rules");
		pages.put("admin", base() + "/admin");
		pages.put("rule-editor", base() + "/rules/new");
		pages.put("connections", base() + "/connections");
		for (Map.Entry<String, String> page : pages.entrySet()) {
			for (int width : new int[] { 1280, 375 }) {
				driver.get(page.getValue());
				wait(10).until(d -> d.findElement(By.id("main")).isDisplayed());
				if (page.getKey().equals("analytics")) {
					wait(10).until(d -> d.findElements(By.cssSelector(".chart[data-drawn='true'] canvas")).size() >= 2);
				}
				assertThat(Chromium.screenshot(driver, page.getKey(), width)).exists();
				driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
				assertThat(Chromium.seriousViolations(driver)).as(page.getKey() + " at " + width + " px").isEmpty();
				driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
			}
		}
		driver.manage().deleteAllCookies();
		driver.get(base() + "/login");
		Chromium.screenshot(driver, "login", 375);
		assertThat(Chromium.seriousViolations(driver)).as("login").isEmpty();
	}

	@Test
	void theAnalyticsPageDrawsTheTenantsFiguresAndExportsThemAsCsv() {
		signIn(DEMO_ADMIN, DEMO_PASSWORD);
		driver.get(base() + "/analytics");
		wait(10).until(d -> d.findElements(By.cssSelector(".chart[data-drawn='true'] canvas")).size() >= 2);
		String figures = driver.findElement(By.cssSelector(".kpis")).getText();
		assertThat(figures).contains("Messages", "Tasks created", "AI confirmation rate");
		assertThat(driver.findElement(By.cssSelector("#h-assignees + .chart + table")).getText()).contains("Maria Garcia");
		String csvPath = driver.findElement(By.cssSelector("a[href^='/analytics/export.csv']")).getAttribute("href");
		Object csv = ((JavascriptExecutor) driver).executeAsyncScript(
				"const done = arguments[1]; fetch(arguments[0]).then(r => r.text()).then(done);", csvPath);
		assertThat(String.valueOf(csv)).startsWith("date,messages,tasks_created,tasks_completed,tasks_overdue");
	}

	@Test
	void theRuleEditorShowsWhereAConditionDoesNotCompileAsOneTypes() {
		signIn(DEMO_ADMIN, DEMO_PASSWORD);
		driver.get(base() + "/rules");
		WebElement condition = driver.findElement(By.id("condition"));
		condition.sendKeys("task.priority == ");
		wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("check"), "line 1, column"));
		condition.sendKeys("\"urgent\"");
		wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("check"), "The condition compiles."));

		// saved from the editor, then tried on a sample message without changing anything
		String name = "Spanish invoices " + UUID.randomUUID().toString().substring(0, 8);
		driver.get(base() + "/rules/new");
		driver.findElement(By.id("name")).sendKeys(name);
		WebElement editing = driver.findElement(By.id("condition"));
		editing.sendKeys("message.language == ");
		wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("check"), "line 1, column"));
		editing.sendKeys("'es' && message.text.contains('factura')");
		wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("check"), "The condition compiles."));
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("priority"))).selectByValue("urgent");
		driver.findElement(By.id("labels")).sendKeys("billing");
		driver.findElement(By.cssSelector("#rule-form button[type='submit']")).click();
		wait(10).until(ExpectedConditions.urlToBe(base() + "/rules"));
		assertThat(driver.findElement(By.cssSelector("table.data")).getText()).contains(name);
		driver.findElement(By.id("sample-text")).sendKeys("¿Me mandas la factura de Acme?");
		WebElement language = driver.findElement(By.id("sample-language"));
		language.clear();
		language.sendKeys("es");
		driver.findElement(By.cssSelector("form[action='/rules/dry-run'] button[type='submit']")).click();
		wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("dry-result"), name));
		assertThat(driver.findElement(By.id("dry-result")).getText()).contains("Urgent", "billing");
	}

	@Test
	void aTemplateThatFailsWhileRenderingShowsTheDashboardsErrorPage() throws Exception {
		signIn(DEMO_ADMIN, DEMO_PASSWORD);
		driver.get(base() + BrokenPage.PATH);
		wait(10).until(d -> d.findElement(By.tagName("h1")).isDisplayed());
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Something went wrong on our side. Please try again.");
		assertThat(driver.getPageSource()).doesNotContain("half a page", "\"type\"", "Exception");
	}

	/** A dashboard page whose template fails half-way (an expression on a missing object). */
	@org.springframework.boot.test.context.TestConfiguration
	static class BrokenPage {

		static final String PATH = "/tasks/render-failure-for-a-test";

		@org.springframework.context.annotation.Bean
		BrokenPageController brokenPageController() {
			return new BrokenPageController();
		}
	}

	@org.springframework.stereotype.Controller
	static class BrokenPageController {

		@org.springframework.web.bind.annotation.GetMapping(BrokenPage.PATH)
		String broken() {
			return "dashboard/broken-for-a-test";
		}
	}

	@Test
	void aUserHasNoRulesOrAdministration() {
		Api.TenantFixture tenant = api.newTenant();
		signIn(tenant.slug() + "-user@example.com", Api.PASSWORD);
		assertThat(driver.findElements(By.cssSelector("nav a[href='/rules'], nav a[href='/admin']"))).isEmpty();
		driver.get(base() + "/rules");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not for your role");
		driver.get(base() + "/conversations");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Conversations");
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
		HttpResponse<String> login = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
		String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("FLOWHUB_SESSION=")).findFirst().orElseThrow();
		assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure"); // plain HTTP here; TLS adds Secure
		assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
	}

	// --- helpers

	void signIn(String email, String password) {
		driver.manage().deleteAllCookies();
		driver.get(base() + "/login");
		driver.findElement(By.id("email")).sendKeys(email);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form button[type='submit']")).click();
		wait(15).until(ExpectedConditions.urlContains("/tasks"));
		wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
	}

	/** A form-encoded POST from the page with its session cookie, with or without the page's CSRF token. */
	int postFromPage(String path, boolean withToken) {
		Object status = ((JavascriptExecutor) driver).executeAsyncScript("""
				const [path, withToken, done] = arguments;
				const body = new URLSearchParams();
				if (withToken) { body.set('_csrf', document.querySelector('meta[name="csrf-token"]').content); }
				fetch(path, { method: 'POST', body, credentials: 'same-origin', redirect: 'follow' })
				  .then(r => done(r.status)).catch(e => done(-1));""", path, withToken);
		return ((Number) status).intValue();
	}

	/** The task rows' ids; a live update may replace the rows while they are read, then read them again. */
	Set<String> rowIds() {
		for (int attempt = 1;; attempt++) {
			try {
				return driver.findElements(By.cssSelector("tr.task-row"))
					.stream()
					.map(row -> row.getAttribute("id"))
					.collect(Collectors.toSet());
			}
			catch (org.openqa.selenium.StaleElementReferenceException replaced) {
				if (attempt == 5) {
					throw replaced;
				}
			}
		}
	}

	static Set<String> difference(Set<String> now, Set<String> before) {
		return now.stream().filter(id -> !before.contains(id)).collect(Collectors.toSet());
	}

	WebDriverWait wait(int seconds) {
		return new WebDriverWait(driver, Duration.ofSeconds(seconds));
	}

	void postWebhook(String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(base() + "/webhooks/whatsapp"))
					.header("Content-Type", "application/json")
					.header(SignatureVerifier.HEADER, new SignatureVerifier().sign(bytes, new AppSecret(numbers.appSecret())))
					.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	<T> T asDemoAdmin(java.util.function.Function<Viewer, T> work) {
		SignIn.Account admin = signIn.verify(DEMO_ADMIN, DEMO_PASSWORD).orElseThrow();
		return TenantContext.callAs(admin.tenantId(),
				() -> work.apply(new Viewer(admin.id(), admin.roles(), null, Set.of())));
	}

	static TaskFilter created(Instant since) {
		return new TaskFilter(Set.of(), null, null, Set.of(), null, null, since, null, null, null, null);
	}
}
