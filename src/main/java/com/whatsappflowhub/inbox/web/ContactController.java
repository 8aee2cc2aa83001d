package com.whatsappflowhub.inbox.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.whatsappflowhub.audit.AuditLog;
import com.whatsappflowhub.inbox.ContactData;
import com.whatsappflowhub.inbox.store.ContactRecords;
import com.whatsappflowhub.platform.NotFound;
import com.whatsappflowhub.platform.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data subject requests (GDPR articles 15 and 17) for a customer, named by their WhatsApp number: the export of
 * everything held about them, and the erasure of their personal data. A tenant admin's, for its own tenant (another
 * tenant's contact is 404 like an unknown one); both are recorded in the audit trail.
 */
@Tag(name = "Contacts")
@RestController
@PreAuthorize("hasRole('TENANT_ADMIN')")
@Validated
class ContactController {

	private final ContactRecords records;

	private final List<ContactData> others;

	private final AuditLog audit;

	ContactController(ContactRecords records, List<ContactData> others, AuditLog audit) {
		this.records = records;
		this.others = others;
		this.audit = audit;
	}

	/** What an erasure did. */
	record Erasure(UUID contactId, int messages, Map<String, Integer> rowsChanged) {
	}

	@GetMapping("/api/v1/contacts/{waId}/export")
	@Operation(operationId = "exportContact", summary = "Export everything held about a contact", description = """
			A JSON document of the contact's data: profile, conversations, their messages with analyses and media \
			metadata, the notices sent to them, the tasks that came from their messages, and the channel's records \
			(raw deliveries' ids, media files). `waId` is the number as WhatsApp writes it (digits; `+`, spaces and \
			dashes are ignored). Not cached.""")
	@Transactional // not read-only: the export is recorded in the audit trail
	ResponseEntity<Map<String, Object>> export(@PathVariable @Size(max = 40) String waId) {
		ContactData.Subject subject = subject(waId);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("waId", subject.waId());
		document.put("exportedAt", java.time.Instant.now());
		document.putAll(records.export(subject));
		for (ContactData data : others) {
			document.put(data.section(), data.export(subject));
		}
		audit.change(subject.tenant(), "contact.exported", "contact:" + subject.contact(),
				subject.messages().size() + " message(s)");
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(document);
	}

	@PostMapping("/api/v1/contacts/{waId}/erase")
	@Operation(operationId = "eraseContact", summary = "Erase a contact's personal data", description = """
			In one transaction: their messages' text, raw elements and media files, their profile name and number \
			(the contact keeps a pseudonym), the entities found in their messages, the text quoted in tasks from \
			their messages (the tasks stay, with a marker in place of the text) and the channel's raw copies. Counts \
			stay for analytics. A later message from the same number starts a new contact. Recorded in the audit \
			trail (without the number).""")
	@Transactional
	Erasure erase(@PathVariable @Size(max = 40) String waId) {
		ContactData.Subject subject = subject(waId);
		Map<String, Integer> changed = new LinkedHashMap<>();
		for (ContactData data : others) { // first: they may still need what the inbox erases
			changed.put(data.section(), data.erase(subject));
		}
		changed.put("inbox", records.erase(subject));
		audit.change(subject.tenant(), "contact.erased", "contact:" + subject.contact(),
				subject.messages().size() + " message(s); rows changed " + changed);
		return new Erasure(subject.contact().value(), subject.messages().size(), changed);
	}

	private ContactData.Subject subject(String waId) {
		TenantContext.require();
		return records.subject(waId).orElseThrow(ContactNotFound::new);
	}

	static final class ContactNotFound extends NotFound {

		ContactNotFound() {
			super("No contact with this number in your tenant");
		}
	}
}
