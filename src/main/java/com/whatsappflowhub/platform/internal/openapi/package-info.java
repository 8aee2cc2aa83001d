/**
 * The public OpenAPI document: {@code info}, servers and security schemes from configuration, and the generic rules
 * that every operation gets without being annotated by hand (who may call it, read from {@code @PreAuthorize}; the
 * standard problem responses; the module tag; deprecation; payload examples by operation id).
 */
@NullMarked
package com.whatsappflowhub.platform.internal.openapi;

import org.jspecify.annotations.NullMarked;
