package de.quartierdispatch.referral;

import de.quartierdispatch.referral.ReferralSubjectRequests.Erased;
import de.quartierdispatch.referral.ReferralSubjectRequests.Subject;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.TextNormalizer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators: a person's request about the referrals that carry their contact
 * details, also those made at the counter, which have no tracking code. The details
 * travel in the body, never in the address.
 */
@RestController
@RequestMapping("/api/admin/privacy/referrals")
class ReferralPrivacyController {

	private final ReferralSubjectRequests requests;

	ReferralPrivacyController(ReferralSubjectRequests requests) {
		this.requests = requests;
	}

	@PostMapping(path = "/export", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<String>> export(@Valid @RequestBody ContactRequest request,
			@AuthenticationPrincipal StaffPrincipal admin) {
		return this.requests.export(request.subject(), admin)
			.map((document) -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("referral-export.json").build().toString())
				.body(document));
	}

	/** Also the way to withdraw the consent to pass the details on. */
	@PostMapping("/erase")
	Mono<Erased> erase(@Valid @RequestBody ContactRequest request, @AuthenticationPrincipal StaffPrincipal admin) {
		return this.requests.erase(request.subject(), admin);
	}

	/**
	 * A person's request, by the contact details they gave.
	 *
	 * @param email their e-mail address
	 * @param phone their phone number
	 * @param request the request being answered (date, reference), for the audit log
	 */
	record ContactRequest(@Nullable @Size(max = 254) String email, @Nullable @Size(max = 40) String phone,
			@NotBlank @Size(max = 500) String request) {

		Subject subject() {
			String email = TextNormalizer.cleanOrNull(this.email);
			String phone = TextNormalizer.cleanOrNull(this.phone);
			if (email == null && phone == null) {
				throw new InvalidFieldsException("email", "referral.subject-contact-required");
			}
			return new Subject(email, phone, TextNormalizer.clean(this.request));
		}

		@Override
		public String toString() {
			return "ContactRequest[request=" + this.request + "]";
		}

	}

}
