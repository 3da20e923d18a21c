package de.quartierdispatch.privacy;

import de.quartierdispatch.privacy.ContactDetailsAccess.Contact;
import de.quartierdispatch.security.StaffPrincipal;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contact details of a report's reporter, for team leads (board) and assigned field
 * teams. The purpose is part of the request and of the audit trail.
 */
@RestController
class ContactController {

	private final ContactDetailsAccess access;

	ContactController(ContactDetailsAccess access) {
		this.access = access;
	}

	@GetMapping("/api/incidents/reports/{reportId}/contact")
	Mono<ResponseEntity<Contact>> forLead(@PathVariable long reportId, @RequestParam ContactPurpose purpose,
			@AuthenticationPrincipal StaffPrincipal staff) {
		return contact(reportId, purpose, staff);
	}

	/**
	 * A field team calls back: the number is all it needs, so the name and the e-mail
	 * address stay with the leads.
	 */
	@GetMapping("/api/field/reports/{reportId}/contact")
	Mono<ResponseEntity<Contact>> forFieldTeam(@PathVariable long reportId, @RequestParam ContactPurpose purpose,
			@AuthenticationPrincipal StaffPrincipal staff) {
		return this.access.read(reportId, purpose, staff)
			.map((contact) -> ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.body(new Contact(null, null, contact.phone())));
	}

	/**
	 * Who may read it (a lead, or a field team assigned to the incident) is decided by
	 * the access.
	 */
	private Mono<ResponseEntity<Contact>> contact(long reportId, ContactPurpose purpose, StaffPrincipal staff) {
		return this.access.read(reportId, purpose, staff)
			.map((contact) -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(contact));
	}

}
