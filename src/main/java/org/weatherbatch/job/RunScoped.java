package org.weatherbatch.job;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;

/**
 * Job scope without a proxy, for the parts of the job-scoped steps: made for each run with
 * their step and called directly. A scoped proxy would look its target up on every call, once
 * a line, and the partitions' threads have no job scope to look it up in.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Scope(value = "job", proxyMode = ScopedProxyMode.NO)
@interface RunScoped {
}
