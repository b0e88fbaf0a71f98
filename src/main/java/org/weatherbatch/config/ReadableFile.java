package org.weatherbatch.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The annotated path names a regular file this process can read. */
@Documented
@Constraint(validatedBy = ReadableFile.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadableFile {

    String message() default "must name a readable file";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ReadableFile, Path> {

        @Override
        public boolean isValid(Path path, ConstraintValidatorContext context) {
            if (path == null) {
                return true;
            }
            if (Files.isRegularFile(path) && Files.isReadable(path)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            String problem = Files.exists(path) ? "is not a readable file" : "does not exist";
            context.buildConstraintViolationWithTemplate(
                    path.toAbsolutePath() + " " + problem).addConstraintViolation();
            return false;
        }
    }
}
