package com.whatsappflowhub;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import flowhub.client.ApiClient;
import flowhub.client.ApiException;
import flowhub.client.ApiResponse;
import flowhub.client.api.AuthApi;
import flowhub.client.api.RulesApi;
import flowhub.client.api.TasksApi;
import flowhub.client.api.TenantsApi;
import flowhub.client.model.AddLabels;
import flowhub.client.model.Admin;
import flowhub.client.model.ChangeTask;
import flowhub.client.model.CreateTask;
import flowhub.client.model.CreateTenant;
import flowhub.client.model.MatchActionsInner;
import flowhub.client.model.Page;
import flowhub.client.model.PasswordLogin;
import flowhub.client.model.Priority;
import flowhub.client.model.Problem;
import flowhub.client.model.Rule;
import flowhub.client.model.RuleBody;
import flowhub.client.model.SetPriority;
import flowhub.client.model.TaskStatus;
import flowhub.client.model.TaskView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Uses the Java client that the build generated from {@code target/openapi.json} against the running application:
 * if the document said something the service does not do, these calls would fail to compile or to work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GeneratedClientIT {

	static final URI STALE = URI.create("https://whatsappflowhub.com/problems/stale");

	@LocalServerPort
	int port;

	TasksApi tasks;

	RulesApi rules;

	@BeforeEach
	void signInAsTheAdminOfANewTenant() throws ApiException {
		String superAdmin = signIn("admin@flowhub.test", "super-admin-test-password");
		String slug = "client-" + UUID.randomUUID().toString().substring(0, 8);
		String email = slug + "-admin@example.com";
		new TenantsApi(client(superAdmin)).createTenant(new CreateTenant().name("Client " + slug)
			.slug(slug)
			.timezone("Europe/Madrid")
			.admin(new Admin().email(email).name("Admin").password("a-long-client-password")));
		ApiClient admin = client(signIn(email, "a-long-client-password"));
		tasks = new TasksApi(admin);
		rules = new RulesApi(admin);
	}

	@Test
	void createsAndPagesThroughFilteredTasks() throws ApiException {
		String word = "zebra" + UUID.randomUUID().toString().substring(0, 6);
		Set<UUID> high = new HashSet<>();
		for (int i = 0; i < 3; i++) {
			high.add(tasks.createTask(new CreateTask().title("Call " + word + " supplier " + i).priority("high")).getId());
		}
		tasks.createTask(new CreateTask().title("Water the " + word + " plants").priority("low"));

		Page first = tasks.listTasks(null, null, null, Set.of("high"), null, null, null, null, null, word, null, null, 2);
		assertThat(first.getItems()).hasSize(2);
		assertThat(first.getNextCursor()).isNotBlank();
		Page second = tasks.listTasks(null, null, null, Set.of("high"), null, null, null, null, null, word, null,
				first.getNextCursor(), 2);
		assertThat(second.getItems()).hasSize(1);
		assertThat(second.getNextCursor()).isNull();

		List<TaskView> seen = new ArrayList<>(first.getItems());
		seen.addAll(second.getItems());
		assertThat(seen).extracting(TaskView::getId).containsExactlyInAnyOrderElementsOf(high);
		assertThat(seen).extracting(TaskView::getPriority).containsOnly(Priority.HIGH);
		assertThat(seen).extracting(TaskView::getStatus).containsOnly(TaskStatus.OPEN);
	}

	@Test
	void answersAStaleIfMatchWithAPreconditionProblem() throws ApiException {
		UUID id = tasks.createTask(new CreateTask().title("Send the Acme invoice")).getId();
		ApiResponse<TaskView> read = tasks.getTaskWithHttpInfo(id);
		String etag = read.getHeaders().get("etag").get(0);

		TaskView changed = tasks.changeTask(id, new ChangeTask().priority("urgent"), etag);
		assertThat(changed.getPriority()).isEqualTo(Priority.URGENT);

		ApiException stale = catchThrowableOfType(ApiException.class,
				() -> tasks.changeTask(id, new ChangeTask().title("Send the Acme invoice today"), etag));
		assertThat(stale.getCode()).isEqualTo(412);
		assertThat(stale.getResponseHeaders().firstValue("content-type")).hasValue("application/problem+json");
		Problem problem = problem(stale);
		assertThat(problem.getType()).isEqualTo(STALE);
		assertThat(problem.getStatus()).isEqualTo(412);
		assertThat(tasks.getTask(id).getTitle()).isEqualTo("Send the Acme invoice");
	}

	@Test
	void listsTheInvalidFieldsOfAValidationProblem() {
		ApiException invalid = catchThrowableOfType(ApiException.class, () -> tasks.createTask(new CreateTask().title(" ")));
		assertThat(invalid.getCode()).isEqualTo(400);
		Problem problem = problem(invalid);
		assertThat(problem.getType()).isEqualTo(URI.create("https://whatsappflowhub.com/problems/validation"));
		assertThat(problem.getErrors()).anySatisfy(error -> assertThat(error.getField()).isEqualTo("title"));
	}

	@Test
	void writesAndReadsRuleActionsByTheirTypeNames() throws ApiException {
		Rule created = rules.createRule(new RuleBody().name("Invoices are urgent")
			.condition("message.text.contains('invoice')")
			.stopProcessing(false)
			.addActionsItem(new MatchActionsInner(new SetPriority().priority("urgent").type("set_priority")))
			.addActionsItem(new MatchActionsInner(new AddLabels().labels(List.of("billing")).type("add_labels"))));
		Rule read = rules.getRule(created.getId());
		assertThat(read.getActions()).extracting(MatchActionsInner::getActualInstance)
			.hasExactlyElementsOfTypes(SetPriority.class, AddLabels.class);
		assertThat(((SetPriority) read.getActions().get(0).getActualInstance()).getPriority()).isEqualTo("urgent");
	}

	@Test
	void refusesACallWithoutAToken() {
		ApiException refused = catchThrowableOfType(ApiException.class, () -> new TasksApi(client(null)).getTask(UUID.randomUUID()));
		assertThat(refused.getCode()).isEqualTo(401);
		assertThat(problem(refused).getType()).isEqualTo(URI.create("https://whatsappflowhub.com/problems/unauthorized"));
	}

	String signIn(String email, String password) throws ApiException {
		return new AuthApi(client(null)).signIn(new PasswordLogin().email(email).password(password)).getAccessToken();
	}

	ApiClient client(String token) {
		ApiClient client = new ApiClient();
		client.updateBaseUri("http://localhost:" + port);
		if (token != null) {
			client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
		}
		return client;
	}

	Problem problem(ApiException ex) {
		try {
			return new ApiClient().getObjectMapper().readValue(ex.getResponseBody(), Problem.class);
		}
		catch (java.io.IOException notAProblem) {
			throw new AssertionError("Not a problem document: " + ex.getResponseBody(), notAProblem);
		}
	}
}
