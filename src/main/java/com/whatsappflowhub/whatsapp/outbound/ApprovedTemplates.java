package com.whatsappflowhub.whatsapp.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.whatsapp.MessageTemplate;
import com.whatsappflowhub.whatsapp.graph.AccessToken;
import com.whatsappflowhub.whatsapp.graph.TemplateCatalog;
import com.whatsappflowhub.whatsapp.number.BusinessNumberRecord;
import com.whatsappflowhub.whatsapp.number.Numbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The APPROVED templates of a number's business account, read from the Graph API and kept for {@link #FRESH} per
 * number (a failed read for {@link #RETRY_AFTER}, so a page does not wait on an unreachable Graph API each time). The
 * Graph call is made outside any transaction. Runs in the caller's tenant context.
 */
@Component
class ApprovedTemplates {

	private static final Logger log = LoggerFactory.getLogger(ApprovedTemplates.class);

	static final Duration FRESH = Duration.ofMinutes(1);

	static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	private record Key(TenantId tenant, String phoneNumberId, String businessAccountId) {
	}

	private record Entry(List<MessageTemplate> templates, Instant until) {
	}

	private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

	private final Numbers numbers;

	private final TemplateCatalog catalog;

	private final Clock clock;

	private final TransactionTemplate transactions;

	ApprovedTemplates(Numbers numbers, TemplateCatalog catalog, Clock clock, PlatformTransactionManager transactionManager) {
		this.numbers = numbers;
		this.catalog = catalog;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setReadOnly(true);
	}

	private record Source(BusinessNumberRecord number, AccessToken token) {
	}

	/** The approved templates of the number with this phone_number_id; none when it is not the tenant's. */
	List<MessageTemplate> of(String phoneNumberId) {
		Optional<Source> source = java.util.Objects.requireNonNull(transactions.execute(status -> numbers
			.findByPhoneNumberId(phoneNumberId)
			.flatMap(number -> numbers.accessToken(number.id()).map(token -> new Source(number, token)))));
		if (source.isEmpty()) {
			return List.of();
		}
		BusinessNumberRecord number = source.get().number();
		Key key = new Key(number.tenantId(), number.phoneNumberId(), number.businessAccountId());
		Instant now = clock.instant();
		Entry entry = cache.get(key);
		if (entry != null && entry.until().isAfter(now)) {
			return entry.templates();
		}
		TemplateCatalog.Listing listing = catalog.list(number.businessAccountId(), source.get().token());
		if (listing instanceof TemplateCatalog.Listed listed) {
			List<MessageTemplate> approved = listed.templates().stream().filter(MessageTemplate::approved).toList();
			cache.put(key, new Entry(approved, now.plus(FRESH)));
			return approved;
		}
		log.warn("The templates of business account {} could not be read: {}", number.businessAccountId(),
				((TemplateCatalog.NotListed) listing).reason());
		List<MessageTemplate> known = entry == null ? List.of() : entry.templates();
		cache.put(key, new Entry(known, now.plus(RETRY_AFTER)));
		return known;
	}
}
