package de.quartierdispatch.staff;

import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.staff.StaffRequests.Change;
import de.quartierdispatch.staff.StaffRequests.NewMember;
import de.quartierdispatch.staff.StaffRequests.NewPassword;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff accounts, for administrators only (see SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/admin/users")
class StaffController {

	private final StaffDirectory directory;

	private final StaffAdministration administration;

	StaffController(StaffDirectory directory, StaffAdministration administration) {
		this.directory = directory;
		this.administration = administration;
	}

	@GetMapping
	Flux<StaffMember> members() {
		return this.directory.findAll();
	}

	@GetMapping("/{id}")
	Mono<StaffMember> member(@PathVariable long id) {
		return this.directory.findById(id).switchIfEmpty(Mono.error(StaffProblems.NoSuchMemberException::new));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<StaffMember> create(@Valid @RequestBody NewMember request, @AuthenticationPrincipal StaffPrincipal admin) {
		return this.administration.create(request, admin);
	}

	@PutMapping("/{id}")
	Mono<StaffMember> change(@PathVariable long id, @Valid @RequestBody Change request,
			@AuthenticationPrincipal StaffPrincipal admin) {
		return this.administration.change(id, request, admin);
	}

	@PutMapping("/{id}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> setPassword(@PathVariable long id, @Valid @RequestBody NewPassword request,
			@AuthenticationPrincipal StaffPrincipal admin) {
		return this.administration.setPassword(id, request, admin);
	}

}
