package com.whatsappflowhub.platform.internal;

import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantScoped;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives asynchronous event listeners the tenant context of the event they handle. It wraps the listener
 * inside the {@code @Async} hand-off but outside its transaction, so the transaction starts with
 * {@code app.tenant_id} set and row-level security shows the listener that tenant's rows.
 */
@Aspect
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TenantScopedListeners {

	@Around("@annotation(org.springframework.modulith.events.ApplicationModuleListener) "
			+ "|| @annotation(org.springframework.transaction.event.TransactionalEventListener) "
			+ "|| @annotation(org.springframework.context.event.EventListener)")
	@Nullable Object inTenantOfEvent(ProceedingJoinPoint listener) throws Throwable {
		Object[] args = listener.getArgs();
		if (args.length > 0 && args[0] instanceof TenantScoped event) {
			return TenantContext.callChecked(event.tenantId(), () -> {
				try {
					return listener.proceed();
				}
				catch (Exception | Error ex) {
					throw ex;
				}
				catch (Throwable ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
		return listener.proceed();
	}
}
