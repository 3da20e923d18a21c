package de.quartierdispatch.system;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code @NotBlank} means "shows something": Bean Validation's own check lets text of
 * zero-width spaces or direction marks alone through as a name, a note or a reason. One
 * rule for every request field, instead of a second annotation next to each.
 */
@Configuration(proxyBeanMethods = false)
class VisibleTextValidation {

	@Bean
	ValidationConfigurationCustomizer visibleTextForNotBlank() {
		return (configuration) -> {
			if (configuration instanceof HibernateValidatorConfiguration hibernate) {
				ConstraintMapping mapping = hibernate.createConstraintMapping();
				mapping.constraintDefinition(NotBlank.class)
					.includeExistingValidators(false)
					.validatedBy(ShowsSomething.class);
				hibernate.addMapping(mapping);
			}
		};
	}

	/**
	 * Text that shows at least one character; {@code null} is refused, as by the
	 * original.
	 */
	public static final class ShowsSomething implements ConstraintValidator<NotBlank, CharSequence> {

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value != null && VisibleText.isVisible(value);
		}

	}

}
