package com.whatsappflowhub.whatsapp.number;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.identity.TenantCreated;
import com.whatsappflowhub.audit.AuditLog;
import com.whatsappflowhub.platform.Conflict;
import com.whatsappflowhub.platform.InvalidRequest;
import com.whatsappflowhub.platform.Unavailable;
import com.whatsappflowhub.whatsapp.graph.AccessToken;
import com.whatsappflowhub.whatsapp.graph.NumberOwnership;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import com.whatsappflowhub.platform.NotFound;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.whatsappflowhub.platform.ClusterSignals;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Registers, changes and removes the current tenant's business numbers, and the demo tenant's number. */
@org.springframework.modulith.NamedInterface("numbers")
@Service
public class NumberManagement {

	private static final Logger log = LoggerFactory.getLogger(NumberManagement.class);

	/** The demo number's stand-in token: the demo number never reaches Meta unless an administrator sets a real one. */
	static final String DEMO_ACCESS_TOKEN = "demo-access-token";

	static final String DEMO_BUSINESS_ACCOUNT_ID = "demo-business-account-id";

	private final Numbers numbers;

	private final NumberRouting routing;

	private final NumberSettings settings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final ClusterSignals cluster;

	private final NumberOwnership ownership;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	NumberManagement(Numbers numbers, NumberRouting routing, NumberSettings settings, Clock clock,
			ApplicationEventPublisher events, ClusterSignals cluster, NumberOwnership ownership,
			PlatformTransactionManager transactionManager, AuditLog audit) {
		this.audit = audit;
		this.ownership = ownership;
		this.transactions = new TransactionTemplate(transactionManager);
		this.cluster = cluster;
		this.events = events;
		this.numbers = numbers;
		this.routing = routing;
		this.settings = settings;
		this.clock = clock;
	}

	public record Registration(String phoneNumberId, String businessAccountId, String displayNumber,
			String accessToken, @Nullable String appSecret, @Nullable String verifyToken,
			BusinessNumberRecord.@Nullable FallbackTemplate fallbackTemplate) {
	}

	/** Changes to a number; absent fields stay as they are, {@code clear...} removes an optional one. */
	public record Change(@Nullable String displayNumber, @Nullable String accessToken, @Nullable String appSecret,
			boolean clearAppSecret, @Nullable String verifyToken, boolean clearVerifyToken,
			BusinessNumberRecord.@Nullable FallbackTemplate fallbackTemplate, boolean clearFallbackTemplate,
			@Nullable String status) {
	}

	/**
	 * Registers a number once Meta has answered for it with the supplied token (see {@link NumberOwnership}); the Graph
	 * call is made before any transaction, so no database connection waits on Meta.
	 */
	public BusinessNumberRecord register(Registration registration) {
		TenantId tenant = TenantContext.require();
		NumberOwnership.Proof proof = ownership.prove(registration.phoneNumberId(), registration.businessAccountId(),
				new AccessToken(registration.accessToken()));
		if (proof instanceof NumberOwnership.Refused refused) {
			throw new NumberNotProved("Meta did not answer for phone_number_id " + registration.phoneNumberId()
					+ " with the supplied access token: " + refused.reason() + ".");
		}
		if (proof instanceof NumberOwnership.NotInAccount notInAccount) {
			throw new NumberNotProved("The phone_number_id " + registration.phoneNumberId()
					+ " is not one of the numbers of business account " + notInAccount.businessAccountId() + ".");
		}
		if (proof instanceof NumberOwnership.Unreachable unreachable) {
			log.warn("Number registration for tenant {} not proved: {}", tenant, unreachable.reason());
			throw new GraphUnreachable();
		}
		return transactions.execute(status -> store(tenant, registration));
	}

	private BusinessNumberRecord store(TenantId tenant, Registration registration) {
		UUID id = UUID.randomUUID();
		try {
			numbers.insert(id, tenant, registration.phoneNumberId(), registration.businessAccountId(),
					registration.displayNumber(), registration.accessToken(), registration.appSecret(),
					registration.verifyToken(), registration.fallbackTemplate(), clock.instant(), false);
		}
		catch (DuplicateKeyException ex) {
			throw new PhoneNumberTaken(registration.phoneNumberId());
		}
		invalidateAfterCommit();
		audit.change(tenant, "number.registered", "whatsapp-number:" + id,
				registration.phoneNumberId() + " of business account " + registration.businessAccountId());
		events.publishEvent(new NumberRegistered(tenant, id, registration.phoneNumberId(), registration.businessAccountId()));
		return numbers.find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<BusinessNumberRecord> list() {
		return numbers.all();
	}

	@Transactional(readOnly = true)
	public BusinessNumberRecord get(UUID id) {
		return numbers.find(id).orElseThrow(() -> new NumberNotFound(id));
	}

	@Transactional
	public BusinessNumberRecord change(UUID id, Change change) {
		BusinessNumberRecord number = numbers.find(id).orElseThrow(() -> new NumberNotFound(id));
		Instant now = clock.instant();
		if (change.accessToken() != null) {
			numbers.replaceSecret(id, "access_token", "access-token", change.accessToken());
		}
		if (change.appSecret() != null || change.clearAppSecret()) {
			numbers.replaceSecret(id, "app_secret", "app-secret", change.clearAppSecret() ? null : change.appSecret());
		}
		if (change.verifyToken() != null || change.clearVerifyToken()) {
			numbers.replaceSecret(id, "verify_token", "verify-token",
					change.clearVerifyToken() ? null : change.verifyToken());
		}
		String status = change.status() != null ? change.status()
				: change.accessToken() != null ? BusinessNumberRecord.ACTIVE : number.status();
		BusinessNumberRecord changed = new BusinessNumberRecord(id, number.tenantId(), number.phoneNumberId(),
				number.businessAccountId(), change.displayNumber() != null ? change.displayNumber() : number.displayNumber(),
				status, BusinessNumberRecord.ACTIVE.equals(status) ? null : number.statusReason(), number.hasAppSecret(),
				number.hasVerifyToken(),
				change.clearFallbackTemplate() ? null
						: change.fallbackTemplate() != null ? change.fallbackTemplate() : number.fallbackTemplate(),
				number.createdAt(), now);
		numbers.update(changed, now);
		invalidateAfterCommit();
		audit.change(number.tenantId(), "number.changed", "whatsapp-number:" + id, changedFields(change));
		return numbers.find(id).orElseThrow();
	}

	@Transactional
	public void remove(UUID id) {
		if (!numbers.delete(id)) {
			throw new NumberNotFound(id);
		}
		invalidateAfterCommit();
		audit.change(TenantContext.require(), "number.removed", "whatsapp-number:" + id, null);
	}

	/** The demo tenant gets the demo number ({@code FLOWHUB_DEMO_PHONE_NUMBER_ID}). */
	@ApplicationModuleListener
	void on(TenantCreated event) {
		if (!event.demo() || numbers.findByPhoneNumberId(settings.demoPhoneNumberId()).isPresent()) {
			return;
		}
		UUID id = UUID.randomUUID();
		if (!numbers.insert(id, event.tenantId(), settings.demoPhoneNumberId(), DEMO_BUSINESS_ACCOUNT_ID,
				"+1 555 0100", DEMO_ACCESS_TOKEN, null, null, null, clock.instant(), true)) {
			log.warn("The demo phone_number_id {} belongs to another tenant; the demo tenant gets no number",
					settings.demoPhoneNumberId());
			return;
		}
		invalidateAfterCommit();
		events.publishEvent(
				new NumberRegistered(event.tenantId(), id, settings.demoPhoneNumberId(), DEMO_BUSINESS_ACCOUNT_ID));
		log.info("Registered the demo WhatsApp number {} for the demo tenant", settings.demoPhoneNumberId());
	}

	/** Which fields a change touched; never a secret's value. */
	private static String changedFields(Change change) {
		java.util.List<String> fields = new java.util.ArrayList<>();
		if (change.displayNumber() != null) {
			fields.add("displayNumber");
		}
		if (change.accessToken() != null) {
			fields.add("accessToken");
		}
		if (change.appSecret() != null || change.clearAppSecret()) {
			fields.add("appSecret");
		}
		if (change.verifyToken() != null || change.clearVerifyToken()) {
			fields.add("verifyToken");
		}
		if (change.fallbackTemplate() != null || change.clearFallbackTemplate()) {
			fields.add("fallbackTemplate");
		}
		if (change.status() != null) {
			fields.add("status " + change.status());
		}
		return String.join(", ", fields);
	}

	private void invalidateAfterCommit() {
		routing.invalidate();
		cluster.send(NumberRouting.SIGNAL, ""); // the other replicas drop their maps when this commits
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					routing.invalidate();
				}
			});
		}
	}

	static final class NumberNotFound extends NotFound {

		NumberNotFound(UUID id) {
			super("WhatsApp number " + id + " not found");
		}
	}

	static final class NumberNotProved extends InvalidRequest {

		NumberNotProved(String detail) {
			super("number-not-proved", detail);
		}
	}

	static final class GraphUnreachable extends Unavailable {

		GraphUnreachable() {
			super("graph-unreachable",
					"The WhatsApp Graph API did not answer, so the number could not be checked; nothing was stored. Try again later.");
		}
	}

	static final class PhoneNumberTaken extends Conflict {

		PhoneNumberTaken(String phoneNumberId) {
			super("phone-number-taken", "The phone_number_id " + phoneNumberId + " is registered already.");
		}
	}
}
