package com.whatsappflowhub.platform;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.util.Assert;

/** Identifies a tenant: the company whose data a request, job or event acts on. */
public record TenantId(@JsonValue UUID value) {

	public TenantId {
		Assert.notNull(value, "Tenant id must not be null");
	}

	@JsonCreator
	public static TenantId of(String value) {
		return new TenantId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
