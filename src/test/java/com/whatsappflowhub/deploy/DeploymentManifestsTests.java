package com.whatsappflowhub.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.whatsapp.ChannelFixture;
import com.whatsappflowhub.whatsapp.LocalGraphApi;
import com.whatsappflowhub.whatsapp.number.NumberSettings;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What {@code deploy/} and the {@code Dockerfile} promise an operator holds: every variable they set is documented in
 * the README and every documented {@code FLOWHUB_*} variable is configured; probes, Service, ServiceMonitor, Ingress
 * and NetworkPolicy name the ports the service listens on; the pods run as the image's non-root user on a read-only
 * root file system; the PrometheusRule is the alert rules file; and (in {@link RunningInstance}, against the
 * application) the probe paths answer and every metric the Grafana dashboard queries is exported.
 */
class DeploymentManifestsTests {

	static final Path KUBERNETES = Path.of("deploy/kubernetes");

	static final Path BASE = KUBERNETES.resolve("base");

	static final Path OVERLAY = KUBERNETES.resolve("overlays/example");

	static final Path DASHBOARD = Path.of("deploy/grafana/whatsappflowhub.json");

	static final Path ADAPTER = Path.of("deploy/prometheus-adapter/values.yaml");

	static final Path ALERTS = Path.of("ops/prometheus/alerts.yml");

	static final String LIVENESS = "/actuator/health/liveness";

	static final String READINESS = "/actuator/health/readiness";

	static final String SCRAPE = "/actuator/prometheus";

	/** What a secret's name looks like: these never go into a ConfigMap. */
	static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|MASTER_KEY).*");

	// --- (a) variables ---

	@Test
	void everyVariableTheManifestsAndTheImageSetIsInAConfigurationTableOfTheReadme() {
		Set<String> documented = Readme.configurationVariables();
		assertThat(documented).as("the README's configuration tables, as read by this test")
			.contains("SERVER_PORT", "FLOWHUB_DATA_DIR", "SPRING_DATASOURCE_PASSWORD", "FLOWHUB_DB_PLATFORM_PASSWORD",
					"FLOWHUB_WHATSAPP_APP_SECRET");

		Map<String, String> setBy = new LinkedHashMap<>();
		configMap().keySet().forEach(name -> setBy.put(name, "ConfigMap whatsappflowhub-config"));
		secretKeys().forEach(name -> setBy.put(name, "Secret whatsappflowhub-secrets"));
		for (JsonNode container : containers()) {
			for (JsonNode env : container.path("env")) {
				setBy.put(env.path("name").asString(), "env of container " + container.path("name").asString());
			}
		}
		envFileKeys(OVERLAY.resolve("secrets.env.example")).forEach(name -> setBy.put(name, "secrets.env.example"));
		Dockerfile.env().keySet().forEach(name -> setBy.put(name, "Dockerfile ENV"));
		assertThat(setBy).containsKeys("SERVER_PORT", "FLOWHUB_MASTER_KEY", "JAVA_TOOL_OPTIONS");

		List<String> undocumented = setBy.entrySet()
			.stream()
			.filter(set -> !documented.contains(set.getKey()))
			.map(set -> set.getKey() + " (" + set.getValue() + ")")
			.toList();
		assertThat(undocumented).as("variables set but in no configuration table of README.md").isEmpty();
	}

	@Test
	void everyFlowhubAndSpringVariableTheReadmeListsIsInTheConfigMapOrTheSecret() {
		Set<String> configured = new TreeSet<>(configMap().keySet());
		configured.addAll(secretKeys());
		List<String> missing = Readme.configurationVariables()
			.stream()
			.filter(name -> name.startsWith("FLOWHUB_") || name.startsWith("SPRING_"))
			.filter(name -> !configured.contains(name))
			.toList();
		assertThat(missing).as("documented variables the base configures nowhere").isEmpty();
	}

	@Test
	void secretsAreInTheSecretOnlyAndTheBaseHoldsPlaceholders() {
		assertThat(configMap().keySet()).as("secret-looking keys in the ConfigMap")
			.noneMatch(name -> SECRET_NAME.matcher(name).matches());
		JsonNode secret = resource(BASE, "Secret", "whatsappflowhub-secrets");
		assertThat(secret.has("data")).as("base Secret: stringData placeholders only, no encoded values").isFalse();
		secret.path("stringData").forEachEntry((name, value) -> assertThat(value.asString())
			.as("placeholder of %s", name)
			.startsWith("REPLACE-ME"));
		// the placeholder of the master key must stop the service (it refuses a key that is not base64)
		assertThat(secret.path("stringData").path("FLOWHUB_MASTER_KEY").asString()).doesNotMatch("[A-Za-z0-9+/=]+");
		assertThat(envFileKeys(OVERLAY.resolve("secrets.env.example"))).as("secrets.env.example lists the Secret's keys")
			.containsExactlyInAnyOrderElementsOf(secretKeys());
		assertThat(read(OVERLAY.resolve(".gitignore"))).contains("secrets.env");
	}

	// --- (b) ports and paths ---

	@Test
	void probesServiceMonitorIngressAndNetworkPolicyNameThePortsTheServiceListensOn() {
		Map<String, String> config = configMap();
		int serverPort = Integer.parseInt(config.get("SERVER_PORT"));
		int managementPort = Integer.parseInt(config.get("MANAGEMENT_SERVER_PORT"));
		assertThat(managementPort).as("the actuator on a port of its own").isNotEqualTo(serverPort);
		JsonNode container = onlyContainer();

		assertThat(container.path("startupProbe").path("httpGet").path("path").asString()).isEqualTo(LIVENESS);
		assertThat(container.path("livenessProbe").path("httpGet").path("path").asString()).isEqualTo(LIVENESS);
		assertThat(container.path("readinessProbe").path("httpGet").path("path").asString()).isEqualTo(READINESS);
		for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
			assertThat(containerPort(container, container.path(probe).path("httpGet").path("port")))
				.as("%s's port", probe)
				.isEqualTo(managementPort);
		}
		// the startup probe gives a first start (migrations, the engine) minutes, not seconds
		JsonNode startup = container.path("startupProbe");
		assertThat(startup.path("periodSeconds").asInt() * startup.path("failureThreshold").asInt()).isGreaterThanOrEqualTo(120);

		JsonNode service = resource(BASE, "Service", "whatsappflowhub");
		JsonNode podLabels = deployment().path("spec").path("template").path("metadata").path("labels");
		assertThat(selects(service.path("spec").path("selector"), podLabels)).as("Service selects the pods").isTrue();
		assertThat(servicePortToContainer(service, "http", container)).isEqualTo(serverPort);

		JsonNode monitor = resource(BASE, "ServiceMonitor", "whatsappflowhub");
		assertThat(selects(monitor.path("spec").path("selector").path("matchLabels"), service.path("metadata").path("labels")))
			.as("ServiceMonitor selects the Service")
			.isTrue();
		JsonNode endpoint = single(monitor.path("spec").path("endpoints"));
		assertThat(endpoint.path("path").asString()).isEqualTo(SCRAPE);
		assertThat(servicePortToContainer(service, endpoint.path("port").asString(), container))
			.as("the ServiceMonitor scrapes the actuator's port")
			.isEqualTo(managementPort);
		assertThat(endpoint.has("bearerTokenSecret") || endpoint.has("authorization"))
			.as("the scrape needs no token (GET %s is permitted)", SCRAPE)
			.isFalse();

		for (JsonNode path : resource(OVERLAY, "Ingress", "whatsappflowhub").path("spec").path("rules").path(0).path("http").path("paths")) {
			JsonNode backend = path.path("backend").path("service");
			assertThat(backend.path("name").asString()).isEqualTo("whatsappflowhub");
			assertThat(servicePortToContainer(service, backend.path("port").path("name").asString(), container))
				.as("the Ingress routes to the application port, never to the actuator's")
				.isEqualTo(serverPort);
		}

		JsonNode policy = resource(BASE, "NetworkPolicy", "whatsappflowhub");
		assertThat(selects(policy.path("spec").path("podSelector").path("matchLabels"), podLabels)).isTrue();
		Set<Integer> ingressPorts = new TreeSet<>();
		policy.path("spec").path("ingress").forEach(rule -> rule.path("ports").forEach(port -> ingressPorts.add(port.path("port").asInt())));
		assertThat(ingressPorts).containsExactlyInAnyOrder(serverPort, managementPort);
		Set<Integer> egressPorts = new TreeSet<>();
		policy.path("spec").path("egress").forEach(rule -> rule.path("ports").forEach(port -> egressPorts.add(port.path("port").asInt())));
		assertThat(egressPorts).containsExactlyInAnyOrder(53, 5432, 9092, 443);

		// the image agrees: the port it exposes, the path its HEALTHCHECK asks
		assertThat(Dockerfile.instructions("EXPOSE")).containsExactly(String.valueOf(serverPort));
		assertThat(Dockerfile.single("HEALTHCHECK")).contains(LIVENESS).contains("MANAGEMENT_SERVER_PORT");
		assertThat(Dockerfile.env()).containsEntry("SERVER_PORT", String.valueOf(serverPort));
	}

	@Test
	void theDisruptionBudgetTheAutoscalerAndTheAdapterRuleFitTogether() {
		JsonNode podLabels = deployment().path("spec").path("template").path("metadata").path("labels");
		JsonNode budget = resource(BASE, "PodDisruptionBudget", "whatsappflowhub");
		assertThat(budget.path("spec").path("minAvailable").asInt()).isEqualTo(1);
		assertThat(selects(budget.path("spec").path("selector").path("matchLabels"), podLabels)).isTrue();

		JsonNode hpa = resource(BASE, "HorizontalPodAutoscaler", "whatsappflowhub");
		assertThat(hpa.path("apiVersion").asString()).isEqualTo("autoscaling/v2");
		assertThat(hpa.path("spec").path("scaleTargetRef").path("kind").asString()).isEqualTo("Deployment");
		assertThat(hpa.path("spec").path("scaleTargetRef").path("name").asString()).isEqualTo("whatsappflowhub");
		assertThat(hpa.path("spec").path("minReplicas").asInt()).isEqualTo(deployment().path("spec").path("replicas").asInt());
		Set<String> external = new TreeSet<>();
		Set<String> resources = new TreeSet<>();
		for (JsonNode metric : hpa.path("spec").path("metrics")) {
			switch (metric.path("type").asString()) {
				case "Resource" -> resources.add(metric.path("resource").path("name").asString());
				case "External" -> {
					external.add(metric.path("external").path("metric").path("name").asString());
					// one value for the whole cluster, so a per-replica share of it
					assertThat(metric.path("external").path("target").path("type").asString()).isEqualTo("AverageValue");
				}
				default -> fail("unexpected HPA metric " + metric);
			}
		}
		assertThat(resources).containsExactly("cpu");
		assertThat(external).containsExactly("flowhub_pipeline_backlog");

		JsonNode rules = yamlDocuments(ADAPTER).get(0).path("rules").path("external");
		Set<String> served = new TreeSet<>();
		for (JsonNode rule : rules) {
			served.add(rule.path("name").path("as").asString());
			assertThat(rule.path("metricsQuery").asString()).as("the backlog is the cluster's: max over replicas")
				.contains("flowhub_work_backlog")
				.contains("max by (stage)")
				.contains("<<.LabelMatchers>>");
		}
		assertThat(served).as("external metrics the adapter serves").containsAll(external);
	}

	@Test
	void thePrometheusRuleIsTheAlertRulesFile() {
		JsonNode rule = resource(BASE, "PrometheusRule", "whatsappflowhub");
		assertThat(rule.path("spec").path("groups"))
			.as("base/prometheusrule.yaml is stale: run deploy/kubernetes/generate-prometheusrule.sh")
			.isEqualTo(yamlDocuments(ALERTS).get(0).path("groups"));
	}

	@Test
	void theBaseListsEveryFileOfItAndTheOverlayChangesOnlyWhatTheBaseHas() {
		Set<String> listed = new TreeSet<>();
		resource(BASE, "Kustomization", null).path("resources").forEach(r -> listed.add(r.asString()));
		assertThat(listed).containsExactlyInAnyOrderElementsOf(yamlFiles(BASE).stream()
			.map(file -> file.getFileName().toString())
			.filter(name -> !name.equals("kustomization.yaml"))
			.toList());
		Set<String> kinds = new TreeSet<>();
		yamlFiles(BASE).forEach(file -> yamlDocuments(file).forEach(doc -> kinds.add(doc.path("kind").asString())));
		assertThat(kinds).containsExactlyInAnyOrder("Kustomization", "ConfigMap", "Secret", "Deployment", "Service",
				"PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy", "ServiceMonitor", "PrometheusRule");

		JsonNode overlay = resource(OVERLAY, "Kustomization", null);
		assertThat(overlay.path("namespace").asString()).isEqualTo(resource(OVERLAY, "Namespace", "flowhub").path("metadata").path("name").asString());
		String image = onlyContainer().path("image").asString();
		assertThat(overlay.path("images").path(0).path("name").asString()).isEqualTo(image.substring(0, image.indexOf(':')));
		assertThat(overlay.path("replicas").path(0).path("name").asString()).isEqualTo("whatsappflowhub");
		JsonNode generated = single(overlay.path("secretGenerator"));
		assertThat(generated.path("name").asString()).isEqualTo("whatsappflowhub-secrets");
		assertThat(generated.path("behavior").asString()).as("the real secrets replace the placeholders whole").isEqualTo("replace");
		for (JsonNode patch : overlay.path("patches")) {
			String target = patch.path("target").path("kind").asString();
			for (JsonNode op : YAMLMapper.shared().readTree(patch.path("patch").asString())) {
				String path = op.path("path").asString();
				if (target.equals("ConfigMap")) {
					assertThat(configMap()).as("the overlay replaces %s", path).containsKey(path.substring("/data/".length()));
				}
				else if (target.equals("HorizontalPodAutoscaler") && path.equals("/spec/minReplicas")) {
					assertThat(op.path("value").asInt()).as("the HPA's floor follows the overlay's replica count")
						.isEqualTo(overlay.path("replicas").path(0).path("count").asInt());
				}
				else {
					fail("a patch this test does not know: " + target + " " + path);
				}
			}
		}
	}

	// --- (c) security ---

	@Test
	void podsRunAsTheImagesNonRootUserOnAReadOnlyRootFileSystem() {
		JsonNode pod = deployment().path("spec").path("template").path("spec");
		JsonNode security = pod.path("securityContext");
		assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
		assertThat(security.path("runAsUser").asInt()).isPositive();
		assertThat(security.path("seccompProfile").path("type").asString()).isEqualTo("RuntimeDefault");
		assertThat(security.path("runAsUser").asInt() + ":" + security.path("runAsGroup").asInt())
			.as("the image's USER")
			.isEqualTo(Dockerfile.single("USER"));
		assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
		assertThat(pod.path("enableServiceLinks").asBoolean(true)).as("no *_SERVICE_HOST/*_PORT variables for Spring to bind").isFalse();

		List<JsonNode> all = new ArrayList<>(containers());
		pod.path("initContainers").forEach(all::add);
		for (JsonNode container : all) {
			String name = container.path("name").asString();
			JsonNode context = container.path("securityContext");
			assertThat(context.path("readOnlyRootFilesystem").asBoolean()).as("%s: read-only root", name).isTrue();
			assertThat(context.path("allowPrivilegeEscalation").asBoolean(true)).as("%s: no escalation", name).isFalse();
			assertThat(context.path("privileged").asBoolean(false)).as("%s: not privileged", name).isFalse();
			assertThat(context.path("capabilities").path("drop").values()).as("%s: capabilities", name)
				.extracting(JsonNode::asString)
				.contains("ALL");
			assertThat(context.path("capabilities").path("add").isMissingNode()).as("%s: no capability added", name).isTrue();
			assertThat(container.path("image").asString()).as("%s: a tagged image", name).contains(":").doesNotEndWith(":latest");
			for (String resource : List.of("cpu", "memory")) {
				assertThat(container.path("resources").path("requests").has(resource)).as("%s: requests.%s", name, resource).isTrue();
				assertThat(container.path("resources").path("limits").has(resource)).as("%s: limits.%s", name, resource).isTrue();
			}
		}

		// the only writable places: /data (FLOWHUB_DATA_DIR) and /tmp, both volumes that are not the node's disk
		Map<String, String> mounts = new LinkedHashMap<>();
		onlyContainer().path("volumeMounts").forEach(m -> mounts.put(m.path("mountPath").asString(), m.path("name").asString()));
		assertThat(mounts).containsOnlyKeys("/data", "/tmp");
		assertThat(configMap().get("FLOWHUB_DATA_DIR")).isEqualTo("/data").isEqualTo(Dockerfile.env().get("FLOWHUB_DATA_DIR"));
		for (JsonNode volume : pod.path("volumes")) {
			assertThat(volume.has("emptyDir") || volume.has("persistentVolumeClaim")).as("volume %s", volume.path("name").asString()).isTrue();
			// an emptyDir is exec-able: the ONNX runtime and the tokenizer load native libraries from /tmp
			assertThat(volume.has("hostPath")).isFalse();
		}
		assertThat(read(OVERLAY.resolve("namespace.yaml"))).contains("pod-security.kubernetes.io/enforce: restricted");
	}

	@Test
	void theImageIsBuiltInTwoStagesFromPinnedImagesAndStartsInExecForm() {
		List<String> from = Dockerfile.instructions("FROM");
		assertThat(from).hasSize(2);
		for (String image : from) {
			String reference = image.split("\\s+")[0];
			assertThat(reference).as("pinned: a version tag, never latest").matches("[a-z0-9./-]+:[0-9][A-Za-z0-9._-]*").doesNotContain("latest");
		}
		assertThat(from.get(0)).contains("-jdk").endsWith("AS build");
		assertThat(from.get(1)).contains("-jre");
		assertThat(Dockerfile.instructions("RUN")).anyMatch(run -> run.contains("./mvnw -B package -DskipTests"));
		assertThat(Dockerfile.single("ENTRYPOINT")).as("exec form").startsWith("[\"java\"").endsWith("]");
		assertThat(Dockerfile.instructions("COPY")).filteredOn(copy -> copy.startsWith("--from=build"))
			.isNotEmpty()
			.allMatch(copy -> copy.contains("--chown="));
		assertThat(Dockerfile.single("USER")).doesNotStartWith("0").doesNotStartWith("root");
		assertThat(Dockerfile.env().get("JAVA_TOOL_OPTIONS")).contains("MaxRAMPercentage").contains("ExitOnOutOfMemoryError");
		assertThat(read(Path.of(".dockerignore")).lines()).contains("*", "!src", "!pom.xml", "!mvnw", "!.mvn");
	}

	// --- (d) the dashboard, offline part ---

	@Test
	void theDashboardParsesAndEveryPanelQueriesTheChosenDataSource() {
		JsonNode dashboard = dashboard();
		assertThat(dashboard.path("uid").asString()).isEqualTo("whatsappflowhub");
		List<JsonNode> panels = new ArrayList<>();
		dashboard.path("panels").forEach(panel -> {
			if (!panel.path("type").asString().equals("row")) {
				panels.add(panel);
			}
		});
		assertThat(panels).hasSizeGreaterThan(20);
		for (JsonNode panel : panels) {
			assertThat(panel.path("targets").isEmpty()).as("panel %s has queries", panel.path("title").asString()).isFalse();
			assertThat(panel.path("datasource").path("uid").asString()).isEqualTo("${datasource}");
			panel.path("targets").forEach(target -> assertThat(target.path("expr").asString()).isNotBlank());
		}
		Set<String> names = Dashboard.metricNames(dashboard);
		assertThat(names).as("the names this test reads from the queries")
			.contains("message_processing_duration_seconds_bucket", "flowhub_work_backlog", "flowhub_work_oldest_seconds",
					"integration_sync_failures_total", "task_extraction_accuracy_ratio", "jvm_memory_used_bytes",
					"database_connections_active", "up")
			.noneMatch(name -> Dashboard.PROMQL_WORDS.contains(name));
	}

	/** promtool (CI installs it with Debian's prometheus) parses every query, as a recording rule. */
	@Test
	void everyDashboardAndAdapterQueryIsValidPromQL(@TempDir Path temp) throws Exception {
		assumeTrue(onPath("promtool"), "promtool is not installed");
		List<String> queries = new ArrayList<>();
		dashboard().path("panels").forEach(panel -> panel.path("targets").forEach(target -> queries.add(target.path("expr").asString())));
		for (JsonNode rule : yamlDocuments(ADAPTER).get(0).path("rules").path("external")) {
			queries.add(rule.path("metricsQuery").asString().replace("<<.LabelMatchers>>", "namespace=\"flowhub\""));
		}
		StringBuilder rules = new StringBuilder("groups:\n  - name: queries\n    rules:\n");
		for (int i = 0; i < queries.size(); i++) {
			String query = queries.get(i).replace("$__rate_interval", "5m").replace("$job", ".+").replace("$stage", ".+");
			rules.append("      - record: query_").append(i).append("\n        expr: ")
				.append(JsonMapper.shared().writeValueAsString(query)).append('\n');
		}
		Path file = Files.writeString(temp.resolve("queries.yml"), rules);
		Process promtool = new ProcessBuilder("promtool", "check", "rules", file.toString()).redirectErrorStream(true).start();
		String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(promtool.exitValue()).as(output).isZero();
		assertThat(output).contains("SUCCESS: " + queries.size() + " rules found");
	}

	// --- against the running application ---

	/** The probe paths and the metric names, asked of the application itself (the shared test context). */
	@Nested
	@IntegrationTest
	class RunningInstance {

		/**
		 * Names the dashboard queries that a running service does not export at once or not at all, each with the
		 * reason; the others must be in the scrape after the traffic below.
		 */
		static final Map<String, String> NOT_IN_THE_SCRAPE = Map.of(
				"up", "Prometheus's own series for every scrape target",
				"task_extraction_accuracy_ratio",
				"tasks.ExtractionAccuracy registers it per tenant once a minute after a person decided on an AI task "
						+ "(PrometheusRulesTests waits for it); checked here against the name in the source");

		@Autowired
		Api api;

		@Autowired
		JdbcClient jdbc;

		@Autowired
		PlatformTransactionManager transactions;

		@Autowired
		NumberSettings numberSettings;

		@Test
		void theProbePathsOfTheDeploymentAndTheScrapePathAnswer200() {
			JsonNode container = onlyContainer();
			for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
				String path = container.path(probe).path("httpGet").path("path").asString();
				// readiness waits for the extraction engine's warm-up
				await().atMost(Duration.ofSeconds(120))
					.untilAsserted(() -> assertThat(api.mvc().get().uri(path).exchange()).as(probe + " " + path).hasStatusOk());
			}
			String scrape = single(resource(BASE, "ServiceMonitor", "whatsappflowhub").path("spec").path("endpoints"))
				.path("path").asString();
			assertThat(api.mvc().get().uri(scrape).exchange()).hasStatusOk().bodyText().contains("# TYPE ");
		}

		@Test
		void everyMetricTheDashboardQueriesIsExported() throws IOException {
			LocalGraphApi graph = new LocalGraphApi().start();
			try {
				messageToTaskAndNotice(graph);
			}
			finally {
				graph.stop();
			}
			Set<String> queried = Dashboard.metricNames(dashboard());
			assertThat(queried).containsAll(NOT_IN_THE_SCRAPE.keySet());
			Set<String> expected = new TreeSet<>(queried);
			expected.removeAll(NOT_IN_THE_SCRAPE.keySet());
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				Set<String> exported = exported(api.mvc().get().uri(SCRAPE).exchange().getResponse().getContentAsString());
				assertThat(exported).as("metric names in %s", SCRAPE).containsAll(expected);
			});

			String source = mainSources();
			assertThat(source).as("the Micrometer name of task_extraction_accuracy_ratio")
				.contains("\"task.extraction.accuracy.ratio\"");
		}

		/** A customer's request through the signed webhook to a task, and the notice to the customer through Graph. */
		private void messageToTaskAndNotice(LocalGraphApi graph) {
			ChannelFixture channel = new ChannelFixture(api, jdbc, transactions, numberSettings);
			ChannelFixture.Tenant tenant = channel.tenantWithNumber();
			String admin = tenant.fixture().token(Role.TENANT_ADMIN);
			String customer = "4477009" + (10000 + (int) (Math.random() * 89999));
			assertThat(channel.post(ChannelFixture.textDelivery(tenant, ChannelFixture.wamid(), customer, "Acme Ltd",
					"Can you send the Acme invoice by Friday 5pm?", Instant.now()))).hasStatusOk();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> api.read(api.get("/api/v1/tasks", admin)).get("items").size(), size -> size > 0);
			await().atMost(Duration.ofSeconds(30)).until(() -> graph.sentTextsTo(customer), sent -> !sent.isEmpty());
		}

		private static Set<String> exported(String scrape) {
			Set<String> names = new TreeSet<>();
			Matcher sample = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(scrape);
			while (sample.find()) {
				names.add(sample.group(1));
			}
			return names;
		}

		private static String mainSources() throws IOException {
			try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
				StringBuilder all = new StringBuilder();
				for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
					all.append(Files.readString(file));
				}
				return all.toString();
			}
		}
	}

	// --- reading the files ---

	/** The metric names in the dashboard's PromQL (queries and variables). */
	static final class Dashboard {

		/** Words of PromQL that look like names: aggregations, functions, keywords. */
		static final Set<String> PROMQL_WORDS = Set.of("sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk",
				"bottomk", "quantile", "count_values", "group", "by", "without", "on", "ignoring", "group_left",
				"group_right", "bool", "and", "or", "unless", "offset", "rate", "irate", "increase", "delta", "idelta",
				"deriv", "histogram_quantile", "label_replace", "label_join", "label_values", "abs", "clamp_min",
				"clamp_max", "time", "vector", "scalar", "absent", "changes", "resets", "sort", "sort_desc", "round",
				"avg_over_time", "max_over_time", "min_over_time", "sum_over_time", "count_over_time", "last_over_time",
				"predict_linear");

		private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

		static Set<String> metricNames(JsonNode dashboard) {
			List<String> queries = new ArrayList<>();
			dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> queries.add(target.path("expr").asString())));
			dashboard.path("templating").path("list").forEach(variable -> {
				if (variable.path("type").asString().equals("query")) {
					queries.add(variable.path("definition").asString());
				}
			});
			Set<String> names = new TreeSet<>();
			for (String query : queries) {
				String bare = query.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"") // strings
					.replaceAll("\\{[^}]*}", " ") // label matchers
					.replaceAll("\\[[^]]*]", " ") // ranges
					.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
				// label_values(metric, label): the label is no metric
				bare = bare.replaceAll("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,[^)]*\\)", "$1");
				Matcher identifier = IDENTIFIER.matcher(bare);
				while (identifier.find()) {
					String name = identifier.group();
					String rest = bare.substring(identifier.end()).stripLeading();
					boolean call = rest.startsWith("(");
					boolean number = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
					if (!call && !number && !PROMQL_WORDS.contains(name)) {
						names.add(name);
					}
				}
			}
			return names;
		}
	}

	/** The README's configuration tables: those whose first column is headed "variable" or "environment". */
	static final class Readme {

		private static final Pattern NAME = Pattern.compile("`(_?[A-Z][A-Z0-9_]*)`");

		static Set<String> configurationVariables() {
			Set<String> names = new LinkedHashSet<>();
			boolean inTable = false;
			for (String line : read(Path.of("README.md")).lines().toList()) {
				if (!line.startsWith("|")) {
					inTable = false;
					continue;
				}
				String first = line.replace("\\|", "").split("\\|")[1].trim();
				if (first.equals("variable") || first.equals("environment")) {
					inTable = true;
					continue;
				}
				if (!inTable) {
					continue;
				}
				Matcher name = NAME.matcher(first);
				String previous = null;
				while (name.find()) {
					String found = name.group(1);
					if (found.startsWith("_") && previous != null) {
						// `SPRING_DATASOURCE_USERNAME` / `_PASSWORD`: the suffix replaces the last part
						found = previous.substring(0, previous.lastIndexOf('_')) + found;
					}
					names.add(found);
					previous = found;
				}
			}
			return names;
		}
	}

	/** The Dockerfile's instructions, with continuation lines joined and comments left out. */
	static final class Dockerfile {

		static List<String[]> parsed() {
			List<String[]> instructions = new ArrayList<>();
			StringBuilder current = new StringBuilder();
			for (String line : read(Path.of("Dockerfile")).lines().toList()) {
				String trimmed = line.strip();
				if (trimmed.startsWith("#") || trimmed.isEmpty()) {
					continue;
				}
				if (trimmed.endsWith("\\")) {
					current.append(trimmed, 0, trimmed.length() - 1).append(' ');
					continue;
				}
				current.append(trimmed);
				String instruction = current.toString();
				current.setLength(0);
				int space = instruction.indexOf(' ');
				instructions.add(new String[] { instruction.substring(0, space), instruction.substring(space + 1).strip() });
			}
			return instructions;
		}

		static List<String> instructions(String keyword) {
			return parsed().stream().filter(i -> i[0].equals(keyword)).map(i -> i[1]).toList();
		}

		static String single(String keyword) {
			List<String> found = instructions(keyword);
			assertThat(found).as("one %s in the Dockerfile", keyword).hasSize(1);
			return found.get(0);
		}

		static Map<String, String> env() {
			Map<String, String> env = new LinkedHashMap<>();
			Matcher pair = Pattern.compile("([A-Z][A-Z0-9_]*)=(\"[^\"]*\"|\\S+)").matcher(String.join(" ", instructions("ENV")));
			while (pair.find()) {
				env.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
			}
			return env;
		}
	}

	static List<Path> yamlFiles(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<JsonNode> yamlDocuments(Path file) {
		List<JsonNode> documents = new ArrayList<>();
		try (var values = YAMLMapper.shared().readerFor(JsonNode.class).<JsonNode>readValues(read(file))) {
			while (values.hasNext()) {
				JsonNode document = values.next();
				if (document != null && !document.isNull() && !document.isMissingNode()) {
					documents.add(document);
				}
			}
		}
		return documents;
	}

	/** Every YAML document under deploy/kubernetes is a Kubernetes resource or a Kustomization. */
	static List<JsonNode> documents(Path directory) {
		List<JsonNode> all = new ArrayList<>();
		for (Path file : yamlFiles(directory)) {
			for (JsonNode document : yamlDocuments(file)) {
				assertThat(document.path("apiVersion").asString()).as("apiVersion in %s", file).isNotBlank();
				assertThat(document.path("kind").asString()).as("kind in %s", file).isNotBlank();
				all.add(document);
			}
		}
		return all;
	}

	static JsonNode resource(Path directory, String kind, String name) {
		List<JsonNode> found = documents(directory).stream()
			.filter(d -> d.path("kind").asString().equals(kind))
			.filter(d -> name == null || d.path("metadata").path("name").asString().equals(name))
			.toList();
		assertThat(found).as("%s %s under %s", kind, name, directory).hasSize(1);
		return found.get(0);
	}

	static JsonNode deployment() {
		return resource(BASE, "Deployment", "whatsappflowhub");
	}

	static List<JsonNode> containers() {
		List<JsonNode> containers = new ArrayList<>();
		deployment().path("spec").path("template").path("spec").path("containers").forEach(containers::add);
		return containers;
	}

	static JsonNode onlyContainer() {
		List<JsonNode> containers = containers();
		assertThat(containers).hasSize(1);
		JsonNode container = containers.get(0);
		List<String> sources = new ArrayList<>();
		container.path("envFrom").forEach(from -> sources.add(from.has("configMapRef")
				? "configMap:" + from.path("configMapRef").path("name").asString()
				: "secret:" + from.path("secretRef").path("name").asString()));
		assertThat(sources).containsExactly("configMap:whatsappflowhub-config", "secret:whatsappflowhub-secrets");
		return container;
	}

	static Map<String, String> configMap() {
		Map<String, String> data = new LinkedHashMap<>();
		resource(BASE, "ConfigMap", "whatsappflowhub-config").path("data").forEachEntry((k, v) -> data.put(k, v.asString()));
		return data;
	}

	static Set<String> secretKeys() {
		JsonNode secret = resource(BASE, "Secret", "whatsappflowhub-secrets");
		Set<String> keys = new TreeSet<>(secret.path("stringData").propertyNames());
		keys.addAll(secret.path("data").propertyNames());
		return keys;
	}

	static Set<String> envFileKeys(Path file) {
		Set<String> keys = new TreeSet<>();
		for (String line : read(file).lines().toList()) {
			if (!line.isBlank() && !line.startsWith("#")) {
				keys.add(line.substring(0, line.indexOf('=')).trim());
			}
		}
		return keys;
	}

	static JsonNode dashboard() {
		return JsonMapper.shared().readTree(read(DASHBOARD));
	}

	static int containerPort(JsonNode container, JsonNode port) {
		if (port.isNumber()) {
			return port.asInt();
		}
		for (JsonNode declared : container.path("ports")) {
			if (declared.path("name").asString().equals(port.asString())) {
				return declared.path("containerPort").asInt();
			}
		}
		return fail("container port " + port + " is not declared");
	}

	static int servicePortToContainer(JsonNode service, String portName, JsonNode container) {
		for (JsonNode port : service.path("spec").path("ports")) {
			if (port.path("name").asString().equals(portName)) {
				return containerPort(container, port.path("targetPort"));
			}
		}
		return fail("the Service has no port " + portName);
	}

	/** Whether every label of the selector is on the object. */
	static boolean selects(JsonNode selector, JsonNode labels) {
		if (selector.isEmpty()) {
			return false;
		}
		for (Map.Entry<String, JsonNode> label : selector.properties()) {
			if (!labels.path(label.getKey()).asString("").equals(label.getValue().asString())) {
				return false;
			}
		}
		return true;
	}

	static JsonNode single(JsonNode array) {
		assertThat(array.size()).as("one element in %s", array).isEqualTo(1);
		return array.get(0);
	}

	static boolean onPath(String command) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
			.anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
