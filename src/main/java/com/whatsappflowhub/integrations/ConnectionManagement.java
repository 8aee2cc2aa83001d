package com.whatsappflowhub.integrations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.whatsappflowhub.audit.AuditLog;
import com.whatsappflowhub.platform.CrossTenant;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.workflow.InvalidRule;
import com.whatsappflowhub.workflow.PushTargets;
import com.whatsappflowhub.workflow.TaskConditions;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tenant's connections: created, changed and removed by its tenant admins, read without credentials by
 * everyone of the tenant, tested against the vendor, and their sync log.
 */
@Service
public class ConnectionManagement implements PushTargets {

	private final Map<String, Connector> connectors;

	private final Connections connections;

	private final SyncLog syncLog;

	private final TaskConditions conditions;

	private final AuditLog audit;

	private final CrossTenant crossTenant;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate transactions;

	ConnectionManagement(List<Connector> connectors, Connections connections, SyncLog syncLog,
			TaskConditions conditions, AuditLog audit, CrossTenant crossTenant, JsonMapper json, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.connectors = connectors.stream().collect(Collectors.toUnmodifiableMap(Connector::type, Function.identity()));
		this.connections = connections;
		this.syncLog = syncLog;
		this.conditions = conditions;
		this.audit = audit;
		this.crossTenant = crossTenant;
		this.json = json;
		this.clock = clock;
	}

	public record NewConnection(String type, String name, @Nullable ObjectNode config,
			@Nullable ObjectNode credentials, @Nullable Boolean enabled) {
	}

	/**
	 * A change: {@code null} keeps a part; {@code config} and {@code credentials} are merged into what is there (a
	 * member set to {@code null} is removed), so one credential can be rotated alone.
	 */
	public record Changes(@Nullable String name, @Nullable ObjectNode config, @Nullable ObjectNode credentials,
			@Nullable Boolean enabled) {
	}

	/** A connection as the API shows it: never its credentials. */
	public record ConnectionView(ConnectionId id, String type, String name, ObjectNode config, boolean enabled,
			boolean hasCredentials, ObjectNode remote, @Nullable Instant reconciledAt, Instant createdAt,
			Instant updatedAt) {
	}

	public record TestResult(boolean ok, String detail) {
	}

	public List<String> types() {
		return connectors.keySet().stream().sorted().toList();
	}

	@Transactional(readOnly = true)
	public List<ConnectionView> list() {
		return connections.findAll().stream().map(ConnectionManagement::view).toList();
	}

	@Transactional(readOnly = true)
	public ConnectionView get(ConnectionId id) {
		return view(stored(id));
	}

	@Transactional
	public ConnectionView create(NewConnection request) {
		Connector connector = connector(request.type());
		String name = name(request.name(), null);
		ObjectNode config = request.config() == null ? json.createObjectNode() : request.config().deepCopy();
		ObjectNode credentials = request.credentials() == null ? json.createObjectNode()
				: request.credentials().deepCopy();
		check(connector, config, credentials);
		Connection connection = new Connection(ConnectionId.random(), TenantContext.require(), connector.type(), name,
				config, credentials, json.createObjectNode(), request.enabled() == null || request.enabled(), null);
		Instant now = clock.instant();
		connections.insert(connection, now);
		audit.change(connection.tenantId(), "integration.connection.created", connection.id().toString(),
				connection.type() + " " + name);
		return get(connection.id());
	}

	@Transactional
	public ConnectionView change(ConnectionId id, Changes changes) {
		Connection current = stored(id).connection();
		Connector connector = connector(current.type());
		String name = changes.name() == null ? current.name() : name(changes.name(), id);
		ObjectNode config = merge(current.config(), changes.config());
		ObjectNode credentials = merge(current.credentials(), changes.credentials());
		check(connector, config, credentials);
		Connection changed = new Connection(id, current.tenantId(), current.type(), name, config, credentials,
				current.remoteSelf(), changes.enabled() == null ? current.enabled() : changes.enabled(),
				current.reconciledAt());
		connections.update(changed, clock.instant());
		audit.change(current.tenantId(), "integration.connection.changed", id.toString(),
				changes.credentials() == null ? "configuration" : "configuration and credentials");
		return get(id);
	}

	@Transactional
	public void delete(ConnectionId id) {
		Connection current = stored(id).connection();
		connections.delete(id);
		audit.change(current.tenantId(), "integration.connection.deleted", id.toString(), current.type());
	}

	/** Calls the vendor with the connection's credentials; what it says about us is kept (the echo filter uses it). */
	public TestResult test(ConnectionId id) {
		Connection connection = transactions.execute(tx -> stored(id).connection());
		Connector connector = connector(connection.type());
		Instant start = clock.instant();
		try {
			ObjectNode self = connector.test(connection);
			Duration took = Duration.between(start, clock.instant());
			transactions.executeWithoutResult(tx -> {
				connections.remoteSelf(id, self);
				syncLog.record(id, null, SyncLog.Direction.OUTBOUND, "test", SyncLog.Outcome.OK, took, null, null,
						clock.instant());
			});
			return new TestResult(true, describe(self));
		}
		catch (ConnectorFailure ex) {
			Duration took = Duration.between(start, clock.instant());
			transactions.executeWithoutResult(tx -> syncLog.record(id, null, SyncLog.Direction.OUTBOUND, "test",
					ex.permanent() ? SyncLog.Outcome.FAILED : SyncLog.Outcome.RETRY, took, ex.status(), ex.getMessage(),
					clock.instant()));
			return new TestResult(false, ex.getMessage());
		}
	}

	/** A connector got new credentials from its vendor (an OAuth refresh); runs in the connection's tenant. */
	@Transactional
	public void refreshed(ConnectionId id, ObjectNode credentials) {
		Connections.Stored stored = stored(id);
		Connection c = stored.connection();
		connections.update(new Connection(id, c.tenantId(), c.type(), c.name(), c.config(), credentials, c.remoteSelf(),
				c.enabled(), c.reconciledAt()), clock.instant());
	}

	@Transactional(readOnly = true)
	public List<SyncLog.Entry> log(ConnectionId id, @Nullable Long before, int limit) {
		stored(id);
		return syncLog.recent(id, before, Math.max(1, Math.min(limit, 500)));
	}

	@Override
	@Transactional(readOnly = true)
	public boolean exists(UUID connectionId) {
		return connections.exists(new ConnectionId(connectionId));
	}

	/** The connection an inbound webhook names, in whichever tenant it is; the caller then works in that tenant. */
	public Optional<Connection> forInbound(ConnectionId id, String purpose) {
		Optional<TenantId> tenant = crossTenant.call(purpose, "integrations", () -> connections.tenantOf(id));
		return tenant.flatMap(t -> TenantContext.callAs(t,
				() -> transactions.execute(tx -> connections.findById(id).map(Connections.Stored::connection))));
	}

	/**
	 * The enabled connections of a type, in whichever tenant, whose remote self (what the last test learnt) has
	 * {@code field} = {@code value}: for inbound calls that name no connection (Slack names its team and app). The
	 * caller checks which one signed the call, then works in that connection's tenant.
	 */
	public List<Connection> forInbound(String type, String field, String value, String purpose) {
		return crossTenant.call(purpose, "integrations", () -> connections.allEnabled(type, field, value));
	}

	/** The enabled connections of a type in every tenant, for a scheduled pass (through the cross-tenant path). */
	public List<Connection> everyEnabled(String type) {
		return crossTenant.call("integrations:" + type, "reconciliation", () -> connections.allEnabled(type));
	}

	/**
	 * Takes this connection's reconciliation turn (one replica per interval): the time of the previous pass (an hour
	 * ago for the first), or empty when the last pass is more recent than {@code every} or another replica took it.
	 */
	@Transactional
	public Optional<Instant> reconciliationTurn(Connection connection, Duration every) {
		Instant now = clock.instant();
		Instant previous = connection.reconciledAt();
		if (previous != null && previous.isAfter(now.minus(every))) {
			return Optional.empty();
		}
		return connections.reconciled(connection.id(), previous, now)
				? Optional.of(previous == null ? now.minus(Duration.ofHours(1)) : previous) : Optional.empty();
	}

	private Connections.Stored stored(ConnectionId id) {
		return connections.findById(id).orElseThrow(() -> new ConnectionNotFound(id));
	}

	private Connector connector(String type) {
		Connector connector = connectors.get(type == null ? "" : type);
		if (connector == null) {
			throw new InvalidConnection("type", "must be one of " + types());
		}
		return connector;
	}

	private String name(@Nullable String name, @Nullable ConnectionId self) {
		if (name == null || name.isBlank()) {
			throw new InvalidConnection("name", "must not be blank");
		}
		String trimmed = name.trim();
		if (trimmed.length() > 200) {
			throw new InvalidConnection("name", "must be at most 200 characters");
		}
		if (connections.nameTaken(trimmed, self)) {
			throw new InvalidConnection("name", "is taken by another connection of this tenant");
		}
		return trimmed;
	}

	private void check(Connector connector, ObjectNode config, ObjectNode credentials) {
		connector.validate(config, credentials);
		JsonNode filter = config.get("filter");
		if (filter != null && !filter.isNull()) {
			if (!filter.isString()) {
				throw new InvalidConnection("config.filter", "must be a CEL condition over the task, as a string");
			}
			try {
				conditions.check(filter.asString());
			}
			catch (InvalidRule ex) {
				throw new InvalidConnection("config.filter", "is not a usable condition: " + ex.getMessage());
			}
		}
	}

	private static ObjectNode merge(ObjectNode current, @Nullable ObjectNode change) {
		ObjectNode merged = current.deepCopy();
		if (change == null) {
			return merged;
		}
		for (Map.Entry<String, JsonNode> member : change.properties()) {
			if (member.getValue() == null || member.getValue().isNull()) {
				merged.remove(member.getKey());
			}
			else {
				merged.set(member.getKey(), member.getValue().deepCopy());
			}
		}
		return merged;
	}

	private static String describe(ObjectNode self) {
		String who = self.path("displayName").asString(self.path("user").asString(""));
		String where = self.path("site").asString(self.path("team").asString(""));
		return "connected" + (who.isBlank() ? "" : " as " + who) + (where.isBlank() ? "" : " to " + where);
	}

	private static ConnectionView view(Connections.Stored stored) {
		Connection c = stored.connection();
		return new ConnectionView(c.id(), c.type(), c.name(), c.config(), c.enabled(), stored.hasCredentials(),
				c.remoteSelf(), c.reconciledAt(), stored.createdAt(), stored.updatedAt());
	}
}
